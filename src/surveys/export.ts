/**
 * CSV export of gated aggregates only: one row per quality and per question, never a row per
 * submission. Cells that a spreadsheet would run as a formula are neutralised.
 */
import type { PulseResults } from "./results.ts";

/** Prefixes cells starting with = + - @ (or tab/CR) with an apostrophe (OWASP CSV injection). */
function safeCell(value: string | number | null): string {
  if (value === null) return "";
  let s = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function resultsCsv(r: PulseResults): string {
  const header = [
    "section",
    "key",
    "label",
    "quality",
    "respondents",
    "answers",
    "mean",
    "n1",
    "n2",
    "n3",
    "n4",
    "n5",
    "prefer_not_to_say",
    "does_not_apply",
    "change_since_previous",
  ];
  const rows: (string | number | null)[][] = [];
  const round = ["round", r.round.ref, r.title, "", r.respondents, null, null, null, null, null, null, null, null, null, null];
  rows.push(round);
  if (!r.closed || !r.decision.visible) {
    rows.push([
      "note",
      "",
      r.closed ? `withheld: ${r.decision.visible ? 0 : r.decision.needed} more responses were needed` : "round still open",
      "",
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  } else {
    for (const q of r.qualities)
      rows.push([
        "quality",
        q.quality,
        `items: ${q.items.join(" ")}`,
        q.quality,
        null,
        q.answers,
        round2(q.mean),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        q.change === null ? null : round2(q.change),
      ]);
    for (const q of r.questions) {
      rows.push([
        "question",
        q.key,
        q.label,
        q.quality,
        q.answered + q.preferNot + q.notApplicable,
        q.answered,
        round2(q.mean),
        ...q.counts,
        q.preferNot,
        q.notApplicable,
        q.change === null ? null : round2(q.change),
      ]);
    }
    // The sides as the results card shows them: a withheld side has no row at all.
    for (const q of r.sides?.questions ?? []) {
      for (const side of ["host", "partner"] as const) {
        const mean = q[side];
        if (mean === null) continue;
        rows.push(["side", q.key, q.label, side, null, null, round2(mean), null, null, null, null, null, null, null, null]);
      }
    }
    if (r.withheldQuestions > 0)
      rows.push(["note", "", `${r.withheldQuestions} questions withheld: too few answers`, "", null, null, null, null, null, null, null, null, null, null, null]);
  }
  return [header, ...rows].map((row) => row.map(safeCell).join(",")).join("\r\n") + "\r\n";
}
