/** Archiving keeps history (past rounds, reviews) but stops reminders and hides it from lists. */
import { card, text } from "../../core/card.ts";
import { lookupPartnership, partnershipArg } from "../partner-lookup.ts";
import { defineCommand } from "../../core/commands.ts";
import { COORDINATORS } from "../../core/roles.ts";

export const partnerArchiveCommand = defineCommand({
  name: "partner.archive",
  path: ["partner|partners|partnership", "archive"],
  area: "partner",
  roles: COORDINATORS,
  parse: partnershipArg("partner"),
  async handle(ctx, command) {
    const p = await lookupPartnership(ctx, command.partnership, "partner");
    if (!p) return;
    await ctx.deps.store.partnerships.archive(p.id, ctx.deps.clock.now());
    await ctx.audit("partner.archive", p.id);
    const message = ctx.t("partner.archived_now", { name: p.name });
    await ctx.reply(card(message, text(message)));
  },
});
