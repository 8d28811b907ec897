/**
 * After a round closes (pulse or rubric): the results card goes privately to the coordinator who
 * started it, in their language and zone, and to the channel it was started from, in the
 * workspace's. Dedupe keys make the posts happen once, whichever replica closed the round.
 */
import type { Card } from "../core/card.ts";
import type { BotDeps } from "../core/context.ts";
import type { Translator } from "../core/i18n.ts";
import type { Round, Workspace } from "../store/types.ts";

export type RenderResults = (t: Translator, zone: string) => Promise<Card>;

export async function postResults(deps: BotDeps, workspace: Workspace, round: Round, render: RenderResults): Promise<void> {
  const coordinator = await deps.store.members.get(workspace.id, round.createdBy);
  await deps.outbox.post({
    workspaceId: workspace.id,
    platform: workspace.platform,
    destination: { kind: "dm", userId: round.createdBy },
    card: await render(deps.i18n.forLocale(coordinator?.locale, workspace.locale), coordinator?.timezone ?? workspace.timezone),
    dedupeKey: `results:${round.id}:coordinator`,
  });
  if (round.originChannelId) {
    await deps.outbox.post({
      workspaceId: workspace.id,
      platform: workspace.platform,
      destination: { kind: "conversation", conversationId: round.originChannelId },
      card: await render(deps.i18n.forLocale(workspace.locale), workspace.timezone),
      dedupeKey: `results:${round.id}:channel`,
    });
  }
}
