/** Starting a check-in once its guards passed, or the coordinator confirmed past the cadence. */
import { reachLine } from "../surveys/results-card.ts";
import { card, context, heading, text } from "../core/card.ts";
import type { HandlerContext } from "../core/context.ts";
import { formatDateTime } from "../core/dates.ts";
import type { Audience, Duration } from "../core/grammar/options.ts";
import { errorCard } from "../core/replies.ts";
import { pick } from "../surveys/templates.ts";
import { audienceProblem, roundOptions } from "../surveys/round-options.ts";
import { DEFAULT_RUBRIC_DAYS, startRubric } from "./start.ts";

/** What `/reflect rubric start` was asked (and what the confirm button carries). */
export interface RubricStartArgs {
  rubric?: string;
  partnership: string;
  audience: Audience;
  mode: "individual" | "collective";
  closesIn?: Duration;
  confirmed: boolean;
}

/** Starts after the guards passed (or the coordinator confirmed past the cadence). */
export async function startConfirmed(ctx: HandlerContext, command: RubricStartArgs, rubricId: string, partnershipId: string): Promise<void> {
  const { deps, t, workspace, event, member } = ctx;
  const rubric = deps.prompts.rubrics.get(rubricId)!;
  const partnership = (await deps.store.partnerships.get(partnershipId))!;
  // Checked here as well as in the command: the "Start anyway" button reaches this directly.
  if (partnership.archivedAt) {
    await ctx.reply(errorCard(ctx, t("rubric.archived", { partnership: partnership.name })));
    return;
  }
  if (partnership.pausedReason) {
    await ctx.reply(errorCard(ctx, t("rubric.paused_refused", { partnership: partnership.name, reason: partnership.pausedReason })));
    return;
  }
  const options = await roundOptions(ctx, command, DEFAULT_RUBRIC_DAYS, "rubric");
  if (!options) return;
  const { closesAt, audience } = options;
  const result = await startRubric(deps, {
    workspace,
    rubric,
    partnership,
    audience,
    mode: command.mode,
    createdBy: member.userId,
    originChannelId: event.isDirect ? null : event.conversationId,
    closesAt,
  });
  if ("problem" in result) {
    await ctx.reply(errorCard(ctx, audienceProblem(t, result), "rubric"));
    return;
  }
  await ctx.audit("rubric.start", result.round.id, { rubric: rubric.id, mode: command.mode, partnership: partnership.id, invited: result.round.invitedCount });
  const title = t("rubric.started", { partnership: partnership.name, ref: result.round.ref });
  await ctx.reply(
    card(
      title,
      heading(title),
      text(
        t("rubric.started_detail", {
          invited: result.round.invitedCount,
          mode: t(command.mode === "collective" ? "rubric.mode_collective" : "rubric.mode_individual"),
          rubric: pick(rubric.title, t.locale),
          closes: formatDateTime(closesAt, member.timezone ?? workspace.timezone, t.locale),
        }),
      ),
      context(reachLine(t, result.round)),
      result.unreachable > 0 ? text(`:warning: ${t("pulse.unreachable", { count: result.unreachable })}`) : undefined,
      result.withoutOrganisation > 0 ? text(`:warning: ${t("rubric.without_org", { count: result.withoutOrganisation })}`) : undefined,
      // Who answers for which organisation, so a coordinator sees anyone placed where they should not be.
      Object.keys(result.byOrganisation).length > 0
        ? context(
            t("rubric.by_org_invited", {
              list: Object.entries(result.byOrganisation)
                .map(([org, n]) => `${org}: ${n}`)
                .join(" · "),
            }),
          )
        : undefined,
      context(t("rubric.started_footer", { partnership: partnership.name })),
    ),
  );
}
