/** Closing a rubric round: erase secret and invitees, then post results once to coordinator and channel. */
import type { BotDeps } from "../core/context.ts";
import { roundScope } from "../core/outbox.ts";
import type { Round, Workspace } from "../store/types.ts";
import { computeRubricResults } from "./results.ts";
import { checkinResultsCard } from "../charts/results-charts.ts";
import { postResults } from "../surveys/post-results.ts";
import { checkinHeld } from "../reviews/defaults.ts";

export async function closeRubricRound(deps: BotDeps, workspace: Workspace, round: Round): Promise<boolean> {
  if (!(await deps.store.rounds.close(round.id, deps.clock.now(), roundScope(round)))) return false;
  const closed = (await deps.store.rounds.byId(round.id))!;
  await postResults(deps, workspace, closed, async (t, zone) => checkinResultsCard(t, await computeRubricResults(deps, workspace, closed, t.locale), zone));
  await checkinHeld(deps, workspace, closed);
  deps.logger.info("rubric round closed", { round: closed.id });
  return true;
}
