/** `/reflect rubric close <partnership>`: closes the open check-in, once its minimum open time has passed. */
import { card, text } from "../../core/card.ts";
import { errorCard } from "../../core/replies.ts";
import { closeRubricRound } from "../close.ts";
import { latestRubricRound } from "../find-round.ts";
import { refuseEarlyClose } from "../../surveys/close-guard.ts";
import { partnershipArg } from "../../reviews/partner-lookup.ts";
import { defineCommand } from "../../core/commands.ts";
import { COORDINATORS } from "../../core/roles.ts";

export const rubricCloseCommand = defineCommand({
  name: "rubric.close",
  path: ["rubric", "close"],
  area: "rubric",
  roles: COORDINATORS,
  parse: partnershipArg("rubric"),
  async handle(ctx, command) {
    const found = await latestRubricRound(ctx, command.partnership, "open");
    if (!found) return;
    if (found.round.status === "open" && !(await refuseEarlyClose(ctx, found.round))) return;
    if (!(await closeRubricRound(ctx.deps, ctx.workspace, found.round))) {
      await ctx.reply(errorCard(ctx, ctx.t("pulse.already_closed", { ref: found.round.ref })));
      return;
    }
    await ctx.audit("rubric.close", found.round.id);
    const message = ctx.t("rubric.closed_now", { partnership: found.partnership.name, ref: found.round.ref });
    await ctx.reply(card(message, text(message)));
  },
});
