/** Closing a rubric round: erase secret and invitees, then post results once to coordinator and channel. */
import type { BotDeps } from "../core/context.ts";
import type { Round, Workspace } from "../store/types.ts";
import { computeRubricResults } from "./results.ts";
import { rubricResultsCard } from "./results-card.ts";

export async function closeRubricRound(deps: BotDeps, workspace: Workspace, round: Round): Promise<boolean> {
  if (!(await deps.store.rounds.close(round.id, deps.clock.now()))) return false;
  await deps.store.outbox.deleteByPrefix(`rubric:${round.id}:`);
  const closed = (await deps.store.rounds.byId(round.id))!;
  const coordinator = await deps.store.members.get(workspace.id, closed.createdBy);
  const t = deps.i18n.forLocale(coordinator?.locale, workspace.locale);
  const results = await computeRubricResults(deps, workspace, closed, t.locale);
  await deps.outbox.post({
    workspaceId: workspace.id,
    platform: workspace.platform,
    destination: { kind: "dm", userId: closed.createdBy },
    card: rubricResultsCard(t, results, coordinator?.timezone ?? workspace.timezone),
    dedupeKey: `results:${closed.id}:coordinator`,
  });
  if (closed.originChannelId) {
    const tc = deps.i18n.forLocale(workspace.locale);
    const channelResults = tc.locale === t.locale ? results : await computeRubricResults(deps, workspace, closed, tc.locale);
    await deps.outbox.post({
      workspaceId: workspace.id,
      platform: workspace.platform,
      destination: { kind: "conversation", conversationId: closed.originChannelId },
      card: rubricResultsCard(tc, channelResults, workspace.timezone),
      dedupeKey: `results:${closed.id}:channel`,
    });
  }
  deps.logger.info("rubric round closed", { round: closed.id, respondents: results.respondents, visible: results.decision.visible });
  return true;
}
