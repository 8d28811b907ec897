import { buttons, card, context, heading, text } from "../card.ts";
import type { HandlerContext } from "../context.ts";
import { formatDate, formatDateTime } from "../dates.ts";
import type { Command } from "../grammar/commands.ts";
import { errorCard } from "../replies.ts";
import { DEFAULT_RUBRIC_DAYS, rubricGuard, startRubric } from "../../rubrics/start.ts";
import { audienceProblem, roundOptions } from "./round-options.ts";
import { pick } from "../../surveys/templates.ts";
import { lookupPartnership } from "./partner-lookup.ts";
import type { CommandHandler } from "./types.ts";

type StartCommand = Extract<Command, { name: "rubric.start" }>;

/** `/reflect rubric start [rubric] for <partnership> [to …] [mode …] [closes in …] [confirm]` (coordinator). */
export const rubricStart: CommandHandler<"rubric.start"> = async (ctx, command) => {
  const { deps, t, workspace, event, member } = ctx;
  const key = command.rubric ?? "clarissa";
  const rubric = deps.prompts.rubrics.get(key);
  if (!rubric) {
    const available = [...deps.prompts.rubrics.values()].map((r) => `\`${r.id}\` (${pick(r.title, t.locale)})`).join(", ");
    await ctx.reply(errorCard(t, t("rubric.unknown_rubric", { rubric: key, available }), "rubric"));
    return;
  }
  const partnership = await lookupPartnership(ctx, command.partnership, "rubric");
  if (!partnership) return;
  if (partnership.archivedAt) {
    await ctx.reply(errorCard(t, t("rubric.archived", { partnership: partnership.name })));
    return;
  }
  const now = deps.clock.now();
  const guard = await rubricGuard(deps, workspace, partnership, now);
  if (guard?.guard === "paused") {
    const title = t("rubric.paused_refused", { partnership: partnership.name, reason: guard.reason });
    await ctx.reply(card(title, text(`:pause_button: ${title}`), text(t("rubric.other_formats")), context(t("rubric.resume_hint", { partnership: partnership.name }))));
    return;
  }
  if (guard?.guard === "fatigue" && !command.confirmed) {
    const title = t("rubric.fatigue", { partnership: partnership.name, days: guard.days, cadence: guard.cadence, date: formatDate(guard.lastOpened, workspace.timezone, t.locale), ref: guard.lastRef });
    await ctx.reply(
      card(
        title,
        text(`:hourglass: ${title}`),
        text(t("rubric.fatigue_why")),
        buttons({ actionId: "rubric:confirm", label: t("rubric.start_anyway"), value: JSON.stringify({ ...command, confirmed: true }).slice(0, 1900) }),
        context(t("rubric.fatigue_confirm_hint")),
      ),
    );
    return;
  }
  await startConfirmed(ctx, command, rubric.id, partnership.id);
};

/** Starts after the guards passed (or the coordinator confirmed past the cadence). */
export async function startConfirmed(ctx: HandlerContext, command: StartCommand, rubricId: string, partnershipId: string): Promise<void> {
  const { deps, t, workspace, event, member } = ctx;
  const rubric = deps.prompts.rubrics.get(rubricId)!;
  const partnership = (await deps.store.partnerships.get(partnershipId))!;
  if (partnership.pausedReason) {
    await ctx.reply(errorCard(t, t("rubric.paused_refused", { partnership: partnership.name, reason: partnership.pausedReason })));
    return;
  }
  const options = await roundOptions(ctx, command, DEFAULT_RUBRIC_DAYS, "rubric");
  if (!options) return;
  const { closesAt, audience } = options;
  const result = await startRubric(deps, { workspace, rubric, partnership, audience, mode: command.mode, createdBy: member.userId, originChannelId: event.isDirect ? null : event.conversationId, closesAt });
  if ("problem" in result) {
    await ctx.reply(errorCard(t, audienceProblem(t, result), "rubric"));
    return;
  }
  await ctx.audit("rubric.start", result.round.id, { rubric: rubric.id, mode: command.mode, partnership: partnership.id, invited: result.round.invitedCount });
  const title = t("rubric.started", { partnership: partnership.name, ref: result.round.ref });
  await ctx.reply(
    card(
      title,
      heading(title),
      text(t("rubric.started_detail", { invited: result.round.invitedCount, mode: t(command.mode === "collective" ? "rubric.mode_collective" : "rubric.mode_individual"), rubric: pick(rubric.title, t.locale), closes: formatDateTime(closesAt, member.timezone ?? workspace.timezone, t.locale) })),
      result.unreachable > 0 ? text(`:warning: ${t("pulse.unreachable", { count: result.unreachable })}`) : undefined,
      result.withoutOrganisation > 0 ? text(`:warning: ${t("rubric.without_org", { count: result.withoutOrganisation })}`) : undefined,
      context(t("rubric.started_footer", { partnership: partnership.name })),
    ),
  );
}
