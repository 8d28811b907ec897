import { card, context, heading, text } from "../card.ts";
import { formatDateTime } from "../dates.ts";
import { errorCard } from "../replies.ts";
import { DEFAULT_PULSE_DAYS, startPulse } from "../../surveys/start.ts";
import { audienceProblem, roundOptions } from "./round-options.ts";
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
  const options = await roundOptions(ctx, command, DEFAULT_PULSE_DAYS, "pulse");
  if (!options) return;
  const { closesAt, audience } = options;
  const result = await startPulse(deps, {
    workspace,
    template,
    audience,
    createdBy: member.userId,
    originChannelId: event.isDirect ? null : event.conversationId,
    opensAt: deps.clock.now(),
    closesAt,
    recurrence: command.recurrence ?? null,
  });
  if ("problem" in result) {
    await ctx.reply(errorCard(t, audienceProblem(t, result), "pulse"));
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
