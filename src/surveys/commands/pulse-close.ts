/** Closes a round before its deadline; results go to the coordinator and the origin channel. */
import { card, text } from "../../core/card.ts";
import { errorCard } from "../../core/replies.ts";
import { closePulseRound } from "../close.ts";
import { findPulseRound, roundArg } from "../find-round.ts";
import { refuseEarlyClose } from "../close-guard.ts";
import { defineCommand } from "../../core/commands.ts";
import { COORDINATORS } from "../../core/roles.ts";

export const pulseCloseCommand = defineCommand({
  name: "pulse.close",
  path: ["pulse", "close"],
  area: "pulse",
  roles: COORDINATORS,
  parse: roundArg,
  async handle(ctx, command) {
    const round = await findPulseRound(ctx, command.round, "open");
    if (!round) return;
    if (round.status !== "open") {
      await ctx.reply(errorCard(ctx, ctx.t("pulse.already_closed", { ref: round.ref })));
      return;
    }
    if (!(await refuseEarlyClose(ctx, round))) return;
    const closed = await closePulseRound(ctx.deps, ctx.workspace, round);
    if (!closed) {
      await ctx.reply(errorCard(ctx, ctx.t("pulse.already_closed", { ref: round.ref })));
      return;
    }
    await ctx.audit("pulse.close", round.id);
    const message = ctx.t("pulse.closed_now", { ref: round.ref });
    await ctx.reply(card(message, text(message)));
  },
});
