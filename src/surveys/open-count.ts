/**
 * What coordinators may know of an open round (DESIGN.md §3 rule 12): a count that changes once a
 * day (the answers of the days before today, UTC), never live, so nobody can watch it tick the
 * moment someone answers; and whether that count already reaches the threshold. Leads see neither.
 *
 * And when an open round may be closed by hand: not before its minimum open time, unless everyone
 * invited has answered or the deadline has passed, so nobody can close it at a moment that
 * isolates a known group.
 */
import type { BotDeps } from "../core/context.ts";
import { dayOf } from "../core/dates.ts";
import { rulesFor } from "../core/gate.ts";
import type { Round, Workspace } from "../store/types.ts";

export interface OpenRoundCount {
  /** The moment the count stands at: the start of today (UTC). */
  asOf: Date;
  answered: number;
  invited: number;
  threshold: number;
  enough: boolean;
}

export async function openRoundCount(deps: BotDeps, workspace: Workspace, round: Round): Promise<OpenRoundCount> {
  const asOf = dayOf(deps.clock.now());
  const answered = await deps.store.responses.countBefore(round.id, asOf);
  const { threshold } = rulesFor(round, workspace);
  return { asOf, answered, invited: round.invitedCount, threshold, enough: round.mode === "collective" ? answered > 0 : answered >= threshold };
}

export type CloseCheck = { ok: true } | { ok: false; from: Date; hours: number };

export async function closeCheck(deps: BotDeps, round: Round): Promise<CloseCheck> {
  const now = deps.clock.now();
  const from = new Date(round.opensAt.getTime() + round.minOpenHours * 3_600_000);
  if (now >= from || now >= round.closesAt) return { ok: true };
  // Everyone had answered by the start of today: there is no smaller group left to isolate. The
  // daily count, not the live one, so retrying a close does not tell when the last person
  // answered. (Collective rounds count organisations, not people: only time opens them early.)
  if (round.mode === "individual" && round.invitedCount > 0 && (await deps.store.responses.countBefore(round.id, dayOf(now))) >= round.invitedCount) return { ok: true };
  return { ok: false, from, hours: round.minOpenHours };
}
