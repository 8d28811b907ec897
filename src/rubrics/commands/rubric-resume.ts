/** `/reflect rubric resume <partnership>`: check-ins may start again after a pause. */
import { card, text } from "../../core/card.ts";
import { lookupPartnership, partnershipArg } from "../../reviews/partner-lookup.ts";
import { defineCommand } from "../../core/commands.ts";
import { COORDINATORS } from "../../core/roles.ts";

export const rubricResumeCommand = defineCommand({
  name: "rubric.resume",
  path: ["rubric", "resume"],
  area: "rubric",
  roles: COORDINATORS,
  parse: partnershipArg("rubric"),
  async handle(ctx, command) {
    const p = await lookupPartnership(ctx, command.partnership, "rubric");
    if (!p) return;
    await ctx.deps.store.partnerships.setPause(p.id, null, ctx.deps.clock.now());
    await ctx.audit("rubric.resume", p.id);
    const message = ctx.t("rubric.resumed", { partnership: p.name });
    await ctx.reply(card(message, text(message)));
  },
});
