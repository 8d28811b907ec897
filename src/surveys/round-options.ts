/**
 * What starting a pulse and a rubric check-in share: the deadline (default per kind, at least the
 * workspace's minimum open time, at most 90 days) and the audience (the channel the command came
 * from when none is named). Each failure is answered here with what was wrong and the usage.
 */
import type { HandlerContext } from "../core/context.ts";
import type { Audience, Duration } from "../core/grammar/options.ts";
import { durationMs } from "../core/grammar/options.ts";
import type { Translate } from "../core/i18n.ts";
import { errorCard } from "../core/replies.ts";
import { MAX_AUDIENCE, type AudienceProblem } from "./audience.ts";
import { promiseOf } from "../core/gate.ts";

const MAX_ROUND_DAYS = 90;

export async function roundOptions(
  ctx: HandlerContext,
  input: { closesIn?: Duration; audience: Audience },
  defaultDays: number,
  area: "pulse" | "rubric",
): Promise<{ closesAt: Date; audience: Audience } | null> {
  const { t, event, deps } = ctx;
  const ms = input.closesIn ? durationMs(input.closesIn) : defaultDays * 86_400_000;
  // A deadline sooner than the minimum open time would let a coordinator pick the closing moment
  // after all (DESIGN.md §3 rule 12).
  const minHours = promiseOf(ctx.workspace).minOpenHours;
  if (ms > MAX_ROUND_DAYS * 86_400_000 || ms < minHours * 3_600_000) {
    await ctx.reply(errorCard(ctx, ms < minHours * 3_600_000 ? t("pulse.deadline_too_soon", { hours: minHours }) : t("pulse.deadline_too_far", { max: MAX_ROUND_DAYS }), area));
    return null;
  }
  let audience = input.audience;
  if (audience.channels.length === 0 && audience.users.length === 0 && !audience.emails?.length && !audience.contacts) {
    if (event.isDirect) {
      await ctx.reply(errorCard(ctx, t("pulse.audience_needed"), area));
      return null;
    }
    audience = { channels: [event.conversationId], users: [] };
  }
  return { closesAt: new Date(deps.clock.now().getTime() + ms), audience };
}

export function audienceProblem(t: Translate, problem: AudienceProblem): string {
  switch (problem.problem) {
    case "empty_audience":
      return t("pulse.audience_empty", { unreachable: problem.unreachable });
    case "audience_too_large":
      return t("pulse.audience_too_large", { size: problem.size, max: MAX_AUDIENCE });
    case "named_too_few":
      return t("pulse.audience_named_too_few", { size: problem.size, minimum: problem.minimum });
    case "org_too_few":
      return t("rubric.org_too_few", { organisations: problem.organisations.join(", ") });
    case "email_off":
      return t("pulse.email_off");
    case "contacts_none":
      return t("pulse.contacts_none");
    case "email_collective":
      return t("rubric.email_collective", { addresses: problem.addresses.join(", ") });
  }
}
