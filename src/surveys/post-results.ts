/**
 * After a round closes (pulse or rubric): the results card goes privately to the coordinator who
 * started it, in their language and zone, and to the channel it was started from, in the
 * channel's (or workspace's). Dedupe keys make the posts happen once, whichever replica closed the round.
 */
import { type Card, inLanguage } from "../core/card.ts";
import { type BotDeps, channelTranslator } from "../core/context.ts";
import { speakerLanguages, type Translator } from "../core/i18n.ts";
import type { Round, Workspace } from "../store/types.ts";

export type RenderResults = (t: Translator, zone: string) => Promise<Card>;

export async function postResults(deps: BotDeps, workspace: Workspace, round: Round, render: RenderResults): Promise<void> {
  const coordinator = await deps.store.members.get(workspace.id, round.createdBy);
  const inLocale = async (t: Translator, zone: string) => inLanguage(await render(t, zone), t.locale);
  await deps.outbox.post({
    workspaceId: workspace.id,
    platform: workspace.platform,
    destination: { kind: "dm", userId: round.createdBy },
    card: await inLocale(deps.i18n.forLocale(...speakerLanguages(coordinator), workspace.locale), coordinator?.timezone ?? workspace.timezone),
    dedupeKey: `results:${round.id}:coordinator`,
  });
  if (round.originChannelId) {
    await deps.outbox.post({
      workspaceId: workspace.id,
      platform: workspace.platform,
      destination: { kind: "conversation", conversationId: round.originChannelId },
      card: await inLocale(await channelTranslator(deps, workspace, round.originChannelId), workspace.timezone),
      dedupeKey: `results:${round.id}:channel`,
    });
  }
}
