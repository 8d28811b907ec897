/**
 * What starting a pulse and a rubric check-in share: the deadline (default per kind, at least an
 * hour, at most 90 days) and the audience (the channel the command came from when none is named).
 * Each failure is answered here with what was wrong and the usage.
 */
import type { HandlerContext } from "../context.ts";
import type { Audience, Duration } from "../grammar/commands.ts";
import { durationMs } from "../grammar/options.ts";
import type { Translate } from "../i18n.ts";
import { errorCard } from "../replies.ts";
import { MAX_AUDIENCE } from "../../surveys/audience.ts";

export const MAX_ROUND_DAYS = 90;

export async function roundOptions(
  ctx: HandlerContext,
  input: { closesIn?: Duration; audience: Audience },
  defaultDays: number,
  area: "pulse" | "rubric",
): Promise<{ closesAt: Date; audience: Audience } | null> {
  const { t, event, deps } = ctx;
  const ms = input.closesIn ? durationMs(input.closesIn) : defaultDays * 86_400_000;
  if (ms > MAX_ROUND_DAYS * 86_400_000 || ms < 3_600_000) {
    await ctx.reply(errorCard(t, ms < 3_600_000 ? t("pulse.deadline_too_soon") : t("pulse.deadline_too_far", { max: MAX_ROUND_DAYS }), area));
    return null;
  }
  let audience = input.audience;
  if (audience.channels.length === 0 && audience.users.length === 0) {
    if (event.isDirect) {
      await ctx.reply(errorCard(t, t("pulse.audience_needed"), area));
      return null;
    }
    audience = { channels: [event.conversationId], users: [] };
  }
  return { closesAt: new Date(deps.clock.now().getTime() + ms), audience };
}

export function audienceProblem(t: Translate, problem: { problem: "empty_audience"; unreachable: number } | { problem: "audience_too_large"; size: number }): string {
  return problem.problem === "empty_audience" ? t("pulse.audience_empty", { unreachable: problem.unreachable }) : t("pulse.audience_too_large", { size: problem.size, max: MAX_AUDIENCE });
}
