import { card, context, heading, text } from "../card.ts";
import { formatDateTime } from "../dates.ts";
import { durationMs } from "../grammar/options.ts";
import { errorCard } from "../replies.ts";
import { DEFAULT_PULSE_DAYS, MAX_PULSE_DAYS, startPulse } from "../../surveys/start.ts";
import { MAX_AUDIENCE } from "../../surveys/audience.ts";
import { pick } from "../../surveys/templates.ts";
import type { CommandHandler } from "./types.ts";

/** `/reflect pulse start [template] [to …] [closes in …] [every …]` (coordinator). */
export const pulseStart: CommandHandler<"pulse.start"> = async (ctx, command) => {
  const { deps, t, workspace, event, member } = ctx;
  const key = command.template ?? "partner-pulse";
  const template = deps.prompts.surveys.get(key);
  if (!template) {
    const available = [...deps.prompts.surveys.values()].map((s) => `\`${s.id}\` (${pick(s.title, t.locale)})`).join(", ");
    await ctx.reply(errorCard(t, t("pulse.unknown_template", { template: key, available }), "pulse"));
    return;
  }
  const now = deps.clock.now();
  const ms = command.closesIn ? durationMs(command.closesIn) : DEFAULT_PULSE_DAYS * 86_400_000;
  if (ms > MAX_PULSE_DAYS * 86_400_000) {
    await ctx.reply(errorCard(t, t("pulse.deadline_too_far", { max: MAX_PULSE_DAYS }), "pulse"));
    return;
  }
  if (ms < 3_600_000) {
    await ctx.reply(errorCard(t, t("pulse.deadline_too_soon"), "pulse"));
    return;
  }
  let audience = command.audience;
  if (audience.channels.length === 0 && audience.users.length === 0) {
    if (event.isDirect) {
      await ctx.reply(errorCard(t, t("pulse.audience_needed"), "pulse"));
      return;
    }
    audience = { channels: [event.conversationId], users: [] };
  }
  const closesAt = new Date(now.getTime() + ms);
  const result = await startPulse(deps, {
    workspace,
    template,
    audience,
    createdBy: member.userId,
    originChannelId: event.isDirect ? null : event.conversationId,
    opensAt: now,
    closesAt,
    recurrence: command.recurrence ?? null,
  });
  if ("problem" in result) {
    const message =
      result.problem === "empty_audience"
        ? t("pulse.audience_empty", { unreachable: result.unreachable })
        : result.problem === "audience_too_large"
          ? t("pulse.audience_too_large", { size: result.size, max: MAX_AUDIENCE })
          : t("pulse.unknown_template", { template: key, available: result.available.join(", ") });
    await ctx.reply(errorCard(t, message, "pulse"));
    return;
  }
  const { round, unreachable } = result;
  await ctx.audit("pulse.start", round.id, { template: template.id, version: template.version, invited: round.invitedCount, unreachable });
  const title = t("pulse.started", { title: pick(template.title, t.locale), ref: round.ref });
  await ctx.reply(
    card(
      title,
      heading(title),
      text(t("pulse.started_detail", { invited: round.invitedCount, closes: formatDateTime(closesAt, member.timezone ?? workspace.timezone, t.locale) })),
      unreachable > 0 ? text(`:warning: ${t("pulse.unreachable", { count: unreachable })}`) : undefined,
      command.recurrence ? context(t(command.recurrence === "monthly" ? "pulse.recurs_monthly" : "pulse.recurs_quarterly")) : undefined,
      context(t("pulse.started_footer", { ref: round.ref })),
    ),
  );
};
