/** `/reflect summary unsubscribe [#channel]`: the channel gets no more weekly summaries. */
import { parseSummaryOptions } from "../options.ts";
import { channelMention } from "../../core/text.ts";
import { card, text } from "../../core/card.ts";
import { errorCard } from "../../core/replies.ts";
import { defineCommand } from "../../core/commands.ts";
import { READERS } from "../../core/roles.ts";
import { callerInChannel } from "../membership.ts";
import type { Cursor } from "../../core/grammar/options.ts";

export const summaryUnsubscribeCommand = defineCommand({
  name: "summary.unsubscribe",
  path: ["summary", "unsubscribe"],
  area: "summary",
  roles: READERS,
  parse(c: Cursor): { channel?: string; day?: string; time?: string } {
    return parseSummaryOptions(c, false);
  },
  async handle(ctx, command) {
    const { deps, t, workspace, event } = ctx;
    const channel = command.channel ?? (event.isDirect ? undefined : event.conversationId);
    if (channel && !(await callerInChannel(ctx, channel))) return;
    if (!channel || !(await deps.store.summaries.unsubscribe(workspace.id, channel))) {
      await ctx.reply(errorCard(ctx, t("summary.not_subscribed", { channel: channel ? channelMention(channel) : "" }), "summary"));
      return;
    }
    await ctx.audit("summary.unsubscribe", channel);
    const message = t("summary.unsubscribed", { channel: channelMention(channel) });
    await ctx.reply(card(message, text(message)));
  },
});
