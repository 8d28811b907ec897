/** Renders gated pulse results as a card. Only `PulseResults` (already gated) reaches this file. */
import { userText } from "../core/text.ts";
import { card, context, divider, fields, heading, text, type Card, type CardElement } from "../core/card.ts";
import { formatDateTime } from "../core/dates.ts";
import { effectiveThreshold } from "../core/gate.ts";
import type { Translate, Translator } from "../core/i18n.ts";
import type { PulseResults } from "./results.ts";
import type { OpenRoundCount } from "./open-count.ts";
import type { Round } from "../store/types.ts";

const ONE_DECIMAL = { minimumFractionDigits: 1, maximumFractionDigits: 1 } as const;
/** A mean on the 1–5 scale, one decimal, in the reader's digits ("3.4", "३.४", "3,4"). */
export const fmtMean = (t: Translator, n: number) => t.number(n, ONE_DECIMAL);
/** The change since the previous round: an arrow and the size, in the reader's digits. */
export function fmtChange(t: Translator, change: number | null): string {
  if (change === null) return "";
  if (Math.abs(change) < 0.05) return ` (→ ${t.number(0, ONE_DECIMAL)})`;
  return change > 0 ? ` (↑ ${t.number(change, ONE_DECIMAL)})` : ` (↓ ${t.number(Math.abs(change), ONE_DECIMAL)})`;
}
const bar = (t: Translator, counts: number[]) => counts.map((c, i) => `${t.number(i + 1)}:${t.number(c)}`).join("  ");
const pct = (a: number, b: number) => (b > 0 ? Math.round((100 * a) / b) : 0);

/** How the host and the partners answered, question by question, with the gap between them. */
function sidesElements(t: Translator, r: PulseResults, number: Map<string, number>, threshold: number): CardElement[] {
  const s = r.sides!;
  const host = t("side.host_short");
  const partners = t("side.partner_short");
  const out: CardElement[] = [divider(), text(`*${t("pulse.sides_title")}*`)];
  const withheld = [s.host.visible ? null : host, s.partner.visible ? null : partners].filter(Boolean);
  if (withheld.length > 0) out.push(context(t("pulse.side_withheld", { sides: withheld.join(", "), threshold })));
  const fmt = (v: number | null) => (v === null ? "–" : fmtMean(t, v));
  const gap = (g: number | null) =>
    g === null ? "" : ` · ${t("pulse.gap", { gap: g === 0 ? `±${t.number(0, ONE_DECIMAL)}` : t.number(g, { ...ONE_DECIMAL, signDisplay: "always" }) })}`;
  const lines = s.questions.map((q) => `${t.number(number.get(q.key) ?? 0)}. ${host} *${fmt(q.host)}* · ${partners} *${fmt(q.partner)}*${gap(q.gap)}`);
  if (lines.length > 0) out.push(text(lines.join("\n")));
  if (s.withheldQuestions > 0) out.push(context(t("pulse.side_questions_withheld", { count: s.withheldQuestions, threshold })));
  out.push(context(t("pulse.sides_note")));
  return out;
}

export function resultsCard(t: Translator, r: PulseResults, zone: string): Card {
  const title = t("pulse.results_title", { title: r.title, ref: r.round.ref });
  const rate = t("pulse.response_rate", { respondents: r.respondents, invited: r.invited, percent: pct(r.respondents, r.invited) });
  const threshold = effectiveThreshold(r.threshold);
  if (!r.closed) {
    // No count while open: coordinators see the slow daily count in `status`, leads nothing.
    const closes = formatDateTime(r.round.closesAt, zone, t.locale);
    return card(title, heading(title), text(`:lock: ${t("pulse.results_when_closed", { closes, threshold })}`));
  }
  if (!r.decision.visible) {
    return card(title, heading(title), text(rate), text(`:lock: ${t("pulse.results_withheld", { needed: r.decision.needed, threshold })}`));
  }
  const elements: CardElement[] = [heading(title), text(rate)];
  // Questions are numbered so each quality can say which of them make it.
  const number = new Map(r.questions.map((q, i) => [q.key, i + 1]));
  if (r.qualities.length > 0) {
    elements.push(text(`*${t("pulse.by_quality")}*`));
    elements.push(fields(r.qualities.map((q) => [t(`quality.${q.quality as "equitable"}`), `${fmtMean(t, q.mean)} / ${t.number(5)}${fmtChange(t, q.change)}`])));
    const made = r.qualities.map((q) =>
      t("pulse.quality_items", {
        quality: t(`quality.${q.quality as "equitable"}`),
        items: q.items
          .map((k) => number.get(k) ?? 0)
          .sort((a, b) => a - b)
          .map((n) => t.number(n))
          .join(", "),
      }),
    );
    // Two lines, not one sentence joined in code: each language punctuates its own.
    elements.push(context(made.join(" · ")), context(t("pulse.quality_note")));
  }
  if (r.questions.length > 0) {
    elements.push(divider(), text(`*${t("pulse.by_question")}*`));
    for (const q of r.questions) {
      const extras = [
        q.preferNot > 0 ? t("pulse.prefer_not_count", { count: q.preferNot }) : null,
        q.notApplicable > 0 ? t("pulse.not_applicable_count", { count: q.notApplicable }) : null,
      ].filter(Boolean);
      const extra = extras.length ? ` · ${extras.join(" · ")}` : "";
      elements.push(text(`${t.number(number.get(q.key) ?? 0)}. *${fmtMean(t, q.mean)}*${fmtChange(t, q.change)}  ${q.label}\n\`${bar(t, q.counts)}\`${extra}`));
    }
  }
  if (r.withheldQuestions > 0) elements.push(context(t("pulse.questions_withheld", { count: r.withheldQuestions, threshold })));
  if (r.sides) elements.push(...sidesElements(t, r, number, threshold));
  if (r.comments?.visible) {
    if (r.comments.texts.length > 0) elements.push(divider(), text(`*${t("pulse.comments")}*`));
    // Comments are shown as typed: each line quoted, its text inert on every platform.
    for (const c of r.comments.texts)
      elements.push(
        text(
          c
            .split("\n")
            .map((line) => `> ${userText(line)}`)
            .join("\n"),
        ),
      );
    if (r.comments.withheld > 0) elements.push(context(t("pulse.comments_few", { count: r.comments.withheld, minimum: r.comments.minCommenters })));
  } else if (r.comments && !r.comments.visible) {
    elements.push(context(t("pulse.comments_withheld", { needed: r.comments.needed })));
  }
  elements.push(context(r.previousRef ? t("pulse.compared_with", { ref: r.previousRef }) : t("pulse.no_previous")));
  return { summary: title, elements };
}

/**
 * Where a round stands, for coordinators. Open: the slow daily count and whether it reaches the
 * threshold, never a live figure (DESIGN.md §3 rule 12). Closed: the final count.
 */
export function statusCard(t: Translator, r: PulseResults, zone: string, unreachable: number, open?: OpenRoundCount): Card {
  const title = t("pulse.status_title", { title: r.title, ref: r.round.ref });
  return roundStatusCard(t, title, r.round, zone, unreachable, open ?? null, r.closed ? { respondents: r.respondents, threshold: r.threshold } : null);
}

/** The status card of a pulse or rubric round (shared so both say the same thing the same way). */
export function roundStatusCard(
  t: Translator,
  title: string,
  round: PulseResults["round"],
  zone: string,
  unreachable: number,
  open: OpenRoundCount | null,
  closed: { respondents: number; threshold: number } | null,
): Card {
  const rows: [string, string][] = [];
  if (round.status === "open" && open) {
    rows.push([t("pulse.status_state"), t("pulse.state_open", { closes: formatDateTime(round.closesAt, zone, t.locale) })]);
    rows.push([t("pulse.status_results"), open.enough ? t("pulse.status_enough") : t("pulse.status_not_enough", { threshold: open.threshold })]);
    rows.push([t("pulse.status_answered"), t("pulse.status_count", { answered: open.answered, invited: open.invited, asOf: formatDateTime(open.asOf, zone, t.locale) })]);
  } else {
    rows.push([t("pulse.status_state"), t("pulse.state_closed")]);
    if (closed)
      rows.push([
        t("pulse.status_answered"),
        t("pulse.response_rate", { respondents: closed.respondents, invited: round.invitedCount, percent: pct(closed.respondents, round.invitedCount) }),
      ]);
  }
  rows.push([t("pulse.status_threshold"), String(effectiveThreshold(open?.threshold ?? closed?.threshold ?? round.threshold))]);
  rows.push([t("pulse.status_reached"), reachLine(t, round)]);
  return card(title, heading(title), fields(rows), unreachable > 0 ? context(t("pulse.unreachable", { count: unreachable })) : undefined, context(t("pulse.status_slow")));
}

/** How the round's invitees were reached ("12 by DM · 5 privately in the shared channel · 4 by email · 0 unreachable"). */
export function reachLine(t: Translate, round: Pick<Round, "reach" | "unreachableCount">): string {
  return t("pulse.reach", { dm: round.reach.dm, channel: round.reach.channel, email: round.reach.email, unreachable: round.unreachableCount });
}
