/**
 * Summaries name partnerships and show results: only someone in a channel may start or stop
 * them there. Running the command inside the channel is proof enough; naming another channel
 * needs the caller on its member list.
 */
import type { HandlerContext } from "../core/context.ts";
import { errorCard } from "../core/replies.ts";
import { channelMention } from "../core/text.ts";

/** True when the caller may manage the channel's summary; otherwise replies why and returns false. */
export async function callerInChannel(ctx: HandlerContext, channel: string): Promise<boolean> {
  const { deps, t, workspace, event, member } = ctx;
  if (channel === event.conversationId) return true;
  const members = await deps.directory.listMembers(workspace.platform, workspace.id, channel).catch(() => null);
  if (members === null) {
    await ctx.reply(errorCard(ctx, t("summary.channel_unreadable", { channel: channelMention(channel) }), "summary"));
    return false;
  }
  if (!members.some((m) => m.userId === member.userId)) {
    await ctx.reply(errorCard(ctx, t("summary.not_a_member", { channel: channelMention(channel) }), "summary"));
    return false;
  }
  return true;
}
