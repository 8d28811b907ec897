import { card, text } from "../card.ts";
import { errorCard } from "../replies.ts";
import { closeRubricRound } from "../../rubrics/close.ts";
import { latestRubricRound } from "./rubric-round.ts";
import type { CommandHandler } from "./types.ts";

export const rubricClose: CommandHandler<"rubric.close"> = async (ctx, command) => {
  const found = await latestRubricRound(ctx, command.partnership, "open");
  if (!found) return;
  if (!(await closeRubricRound(ctx.deps, ctx.workspace, found.round))) {
    await ctx.reply(errorCard(ctx.t, ctx.t("pulse.already_closed", { ref: found.round.ref })));
    return;
  }
  await ctx.audit("rubric.close", found.round.id);
  const message = ctx.t("rubric.closed_now", { partnership: found.partnership.name, ref: found.round.ref });
  await ctx.reply(card(message, text(message)));
};
