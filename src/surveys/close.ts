/**
 * Closing a pulse round (at the deadline or by command): erase the participation secret and the
 * invitee list, drop undelivered invitations and reminders, then send the results card to the
 * coordinator and to the channel the round was started from. Exactly one closer posts results.
 */
import type { BotDeps } from "../core/context.ts";
import { roundScope } from "../core/outbox.ts";
import type { Round, Workspace } from "../store/types.ts";
import { computePulseResults, templateOf } from "./results.ts";
import { pulseResultsCard } from "../charts/results-charts.ts";
import { scheduleNext } from "./start.ts";
import { postResults } from "./post-results.ts";

export async function closePulseRound(deps: BotDeps, workspace: Workspace, round: Round): Promise<boolean> {
  const now = deps.clock.now();
  // Erases the secret, invitees, participation codes and the round's outbox rows, and rewrites
  // the answers in a random order (see RoundStore.close).
  if (!(await deps.store.rounds.close(round.id, now, roundScope(round)))) return false;
  const closed = (await deps.store.rounds.byId(round.id))!;
  const template = await templateOf(deps, closed);
  await postResults(deps, workspace, closed, async (t, zone) => pulseResultsCard(deps, t, await computePulseResults(deps, workspace, closed, t.locale), zone));
  await scheduleNext(deps, closed, template, now);
  deps.logger.info("pulse round closed", { round: closed.id });
  return true;
}
