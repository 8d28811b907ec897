import { card, context, text } from "../card.ts";
import { errorCard } from "../replies.ts";
import { buildSummary } from "../../summaries/build.ts";
import { renderSummary } from "../../summaries/card.ts";
import type { CommandHandler } from "./types.ts";

const days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

export function parseWeekday(input: string | undefined): number | null {
  if (!input) return 1;
  const i = days.findIndex((d) => d === input.toLowerCase() || d.slice(0, 3) === input.toLowerCase());
  return i < 0 ? null : i + 1;
}

export function parseQuarterHour(input: string | undefined): string | null {
  if (!input) return "09:00";
  const m = /^(\d{1,2})(?::(\d{2}))?$/.exec(input.trim());
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2] ?? "0");
  if (hour > 23 || ![0, 15, 30, 45].includes(minute)) return null;
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

/** `/reflect summary subscribe [#channel] [day monday] [time 09:00]`. */
export const summarySubscribe: CommandHandler<"summary.subscribe"> = async (ctx, command) => {
  const { deps, t, workspace, event, member } = ctx;
  const channel = command.channel ?? (event.isDirect ? undefined : event.conversationId);
  if (!channel) {
    await ctx.reply(errorCard(t, t("summary.channel_needed"), "summary"));
    return;
  }
  const weekday = parseWeekday(command.day);
  if (weekday === null) {
    await ctx.reply(errorCard(t, t("summary.bad_day", { value: command.day ?? "" }), "summary"));
    return;
  }
  const localTime = parseQuarterHour(command.time);
  if (localTime === null) {
    await ctx.reply(errorCard(t, t("summary.bad_time", { value: command.time ?? "" }), "summary"));
    return;
  }
  await deps.store.summaries.subscribe({ workspaceId: workspace.id, channelId: channel, weekday, localTime, createdBy: member.userId });
  await ctx.audit("summary.subscribe", channel, { weekday, localTime });
  const message = t("summary.subscribed", { channel: `<#${channel}>`, day: t(`summary.day_${weekday}` as "summary.day_1"), time: localTime, zone: workspace.timezone });
  await ctx.reply(card(message, text(message), context(t("summary.subscribed_footer"))));
};

export const summaryUnsubscribe: CommandHandler<"summary.unsubscribe"> = async (ctx, command) => {
  const { deps, t, workspace, event } = ctx;
  const channel = command.channel ?? (event.isDirect ? undefined : event.conversationId);
  if (!channel || !(await deps.store.summaries.unsubscribe(workspace.id, channel))) {
    await ctx.reply(errorCard(t, t("summary.not_subscribed", { channel: channel ? `<#${channel}>` : "" }), "summary"));
    return;
  }
  await ctx.audit("summary.unsubscribe", channel);
  const message = t("summary.unsubscribed", { channel: `<#${channel}>` });
  await ctx.reply(card(message, text(message)));
};

/** What would be posted now, shown only to the person asking. */
export const summaryPreview: CommandHandler<"summary.preview"> = async (ctx) => {
  const { deps, t, workspace } = ctx;
  const summary = await renderSummary(t, await buildSummary(deps, workspace, deps.clock.now(), t.locale));
  await ctx.reply(summary ?? card(t("summary.quiet_skipped"), text(t("summary.quiet_skipped"))));
};
