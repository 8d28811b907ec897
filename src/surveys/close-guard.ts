/**
 * Closing by hand before the minimum open time is refused (DESIGN.md §3 rule 12): anonymity wins
 * over convenience, and the reply says so and when closing will be possible.
 */
import type { HandlerContext } from "../core/context.ts";
import { formatDateTime } from "../core/dates.ts";
import { errorCard } from "../core/replies.ts";
import { closeCheck } from "./open-count.ts";
import type { Round } from "../store/types.ts";

/** True when the round may be closed now; otherwise answers the coordinator and returns false. */
export async function refuseEarlyClose(ctx: HandlerContext, round: Round): Promise<boolean> {
  const check = await closeCheck(ctx.deps, round);
  if (check.ok) return true;
  const zone = ctx.member.timezone ?? ctx.workspace.timezone;
  const { t } = ctx;
  await ctx.reply(
    errorCard(
      ctx,
      t("pulse.close_too_early", { ref: round.ref, from: formatDateTime(check.from, zone, t.locale), hours: check.hours, closes: formatDateTime(round.closesAt, zone, t.locale) }),
    ),
  );
  return false;
}
