import { card, text } from "../card.ts";
import { errorCard } from "../replies.ts";
import { closePulseRound } from "../../surveys/close.ts";
import { findPulseRound } from "./pulse-round.ts";
import type { CommandHandler } from "./types.ts";

/** Closes a round before its deadline; results go to the coordinator and the origin channel. */
export const pulseClose: CommandHandler<"pulse.close"> = async (ctx, command) => {
  const round = await findPulseRound(ctx, command.round, "open");
  if (!round) return;
  if (round.status !== "open") {
    await ctx.reply(errorCard(ctx.t, ctx.t("pulse.already_closed", { ref: round.ref })));
    return;
  }
  const closed = await closePulseRound(ctx.deps, ctx.workspace, round);
  if (!closed) {
    await ctx.reply(errorCard(ctx.t, ctx.t("pulse.already_closed", { ref: round.ref })));
    return;
  }
  await ctx.audit("pulse.close", round.id);
  const message = ctx.t("pulse.closed_now", { ref: round.ref });
  await ctx.reply(card(message, text(message)));
};
