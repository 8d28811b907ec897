/**
 * Summaries name partnerships and show results: only someone in a channel may start or stop
 * them there. Running the command inside the channel is proof enough; naming another channel
 * needs the caller on its member list.
 */
import type { HandlerContext } from "../core/context.ts";
import type { MessageKey } from "../core/i18n.ts";
import { errorCard } from "../core/replies.ts";
import { channelMention } from "../core/text.ts";

/** What the refusals say, for a feature other than summaries (the channel's language). */
interface Refusals {
  unreadable: MessageKey;
  notMember: MessageKey;
  area: string;
}
const SUMMARY: Refusals = { unreadable: "summary.channel_unreadable", notMember: "summary.not_a_member", area: "summary" };

/** True when the caller may manage the channel's summary (or its language); otherwise replies why and returns false. */
export async function callerInChannel(ctx: HandlerContext, channel: string, refusals: Refusals = SUMMARY): Promise<boolean> {
  const { deps, t, workspace, event, member } = ctx;
  if (channel === event.conversationId) return true;
  const members = await deps.directory.listMembers(workspace.platform, workspace.id, channel).catch(() => null);
  if (members === null) {
    await ctx.reply(errorCard(ctx, t(refusals.unreadable, { channel: channelMention(channel) }), refusals.area));
    return false;
  }
  if (!members.some((m) => m.userId === member.userId)) {
    await ctx.reply(errorCard(ctx, t(refusals.notMember, { channel: channelMention(channel) }), refusals.area));
    return false;
  }
  return true;
}
