/**
 * Two perspectives on one pulse: the host's answers next to the partners', question by question,
 * with the gap between them. Pure, like the rest of the gate: each side is a segment of the
 * round's respondents (and of each question's answers), gated on its own with complementary
 * suppression (gateSegments), so no withheld side can be recovered by subtracting the shown side
 * from the total. People in no recorded group form the third segment, "other".
 */
import { gateSegments, type GateDecision } from "../core/gate.ts";
import type { PulseAggregates, SegmentCells } from "../store/types.ts";

type Side = "host" | "partner";

export interface SideQuestion {
  key: string;
  label: string;
  /** Means of each side, null when withheld (or nobody of that side answered). */
  host: number | null;
  partner: number | null;
  /** Partners' mean minus the host's, when both are shown. */
  gap: number | null;
}

export interface PulseSides {
  /** Each side's round-level decision (respondents when shown). */
  host: GateDecision;
  partner: GateDecision;
  questions: SideQuestion[];
  /** Questions shown in total whose side figures are all withheld. */
  withheldQuestions: number;
}

/** The sides' figures that may be shown; null when the round recorded no side. */
export function gatePulseSides(input: {
  cells: SegmentCells;
  total: PulseAggregates;
  threshold: number;
  /** The questions the total shows (only these get side figures). */
  questions: { key: string; label: string }[];
}): PulseSides | null {
  const { cells, total, threshold } = input;
  const respondents = (side: Side) => cells.groups.filter((g) => g.side === side).reduce((n, g) => n + g.respondents, 0);
  const bySide = { host: respondents("host"), partner: respondents("partner") };
  if (bySide.host + bySide.partner === 0) return null;
  const round = gateSegments(
    [
      { key: "host", respondents: bySide.host },
      { key: "partner", respondents: bySide.partner },
      { key: "other", respondents: Math.max(0, total.respondents - bySide.host - bySide.partner) },
    ],
    threshold,
  );
  const sideShown = (side: Side) => round.total.visible && round.segments.get(side)!.visible && bySide[side] > 0;
  const result: PulseSides = { host: round.segments.get("host")!, partner: round.segments.get("partner")!, questions: [], withheldQuestions: 0 };
  for (const q of input.questions) {
    const answered: Record<Side, { n: number; sum: number }> = { host: { n: 0, sum: 0 }, partner: { n: 0, sum: 0 } };
    for (const c of cells.cells) {
      if (c.itemKey !== q.key || c.side === null || c.value === null) continue;
      answered[c.side].n += c.count;
      answered[c.side].sum += c.value * c.count;
    }
    const totalAnswered = total.questions.find((t) => t.itemKey === q.key)?.answered ?? 0;
    const decision = gateSegments(
      [
        { key: "host", respondents: answered.host.n },
        { key: "partner", respondents: answered.partner.n },
        { key: "other", respondents: Math.max(0, totalAnswered - answered.host.n - answered.partner.n) },
      ],
      threshold,
    );
    const mean = (side: Side) =>
      sideShown(side) && decision.total.visible && decision.segments.get(side)!.visible && answered[side].n > 0 ? answered[side].sum / answered[side].n : null;
    const host = mean("host");
    const partner = mean("partner");
    if (host === null && partner === null) {
      result.withheldQuestions += 1;
      continue;
    }
    result.questions.push({ key: q.key, label: q.label, host, partner, gap: host !== null && partner !== null ? partner - host : null });
  }
  return result;
}
