/** `/reflect summary subscribe [#channel] [day monday] [time 09:00]`. */
import { parseQuarterHour, parseSummaryOptions, parseWeekday } from "../options.ts";
import { channelMention } from "../../core/text.ts";
import { card, context, text } from "../../core/card.ts";
import { errorCard } from "../../core/replies.ts";
import { defineCommand } from "../../core/commands.ts";
import { READERS } from "../../core/roles.ts";
import { callerInChannel } from "../membership.ts";
import type { Cursor } from "../../core/grammar/options.ts";

export const summarySubscribeCommand = defineCommand({
  name: "summary.subscribe",
  path: ["summary", "subscribe"],
  area: "summary",
  roles: READERS,
  parse(c: Cursor): { channel?: string; day?: string; time?: string } {
    return parseSummaryOptions(c, true);
  },
  async handle(ctx, command) {
    const { deps, t, workspace, event, member } = ctx;
    const channel = command.channel ?? (event.isDirect ? undefined : event.conversationId);
    if (!channel) {
      await ctx.reply(errorCard(ctx, t("summary.channel_needed"), "summary"));
      return;
    }
    const weekday = parseWeekday(command.day);
    if (weekday === null) {
      await ctx.reply(errorCard(ctx, t("summary.bad_day", { value: command.day ?? "" }), "summary"));
      return;
    }
    const localTime = parseQuarterHour(command.time);
    if (localTime === null) {
      await ctx.reply(errorCard(ctx, t("summary.bad_time", { value: command.time ?? "" }), "summary"));
      return;
    }
    if (!(await callerInChannel(ctx, channel))) return;
    await deps.store.summaries.subscribe({ workspaceId: workspace.id, channelId: channel, weekday, localTime, createdBy: member.userId });
    await ctx.audit("summary.subscribe", channel, { weekday, localTime });
    const message = t("summary.subscribed", { channel: channelMention(channel), day: t(`summary.day_${weekday}` as "summary.day_1"), time: localTime, zone: workspace.timezone });
    await ctx.reply(card(message, text(message), context(t("summary.subscribed_footer"))));
  },
});
