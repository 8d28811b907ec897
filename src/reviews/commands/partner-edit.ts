/** `/reflect partner edit <partnership> [field value…]`: changes fields; a new end date moves the renewal. */
import { PARTNER_FIELD_WORDS, parsePartnerFields, type PartnerFields } from "../partner-fields.ts";
import { card, text } from "../../core/card.ts";
import { errorCard } from "../../core/replies.ts";
import { syncRenewal } from "../renewal.ts";
import { validatePartnerFields } from "../partner-fields.ts";
import { lookupPartnership } from "../partner-lookup.ts";
import { defineCommand } from "../../core/commands.ts";
import { COORDINATORS } from "../../core/roles.ts";
import { fail, phrase, type Cursor } from "../../core/grammar/options.ts";

export const partnerEditCommand = defineCommand({
  name: "partner.edit",
  path: ["partner|partners|partnership", "edit"],
  area: "partner",
  roles: COORDINATORS,
  parse(c: Cursor): { partnership: string; fields: PartnerFields } {
    const first = c.next();
    if (!first) return fail("partner", "error.partnership_missing");
    const rest = first.kind === "quoted" ? [] : c.until(PARTNER_FIELD_WORDS);
    const partnership = phrase([first, ...rest]);
    const fields = parsePartnerFields(c);
    if (Object.keys(fields).length === 0) return fail("partner", "error.edit_nothing");
    return { partnership, fields };
  },
  async handle(ctx, command) {
    const p = await lookupPartnership(ctx, command.partnership, "partner");
    if (!p) return;
    const { deps, t, workspace, member } = ctx;
    const checked = validatePartnerFields(command.fields, deps.clock.now(), workspace.timezone, { isNew: false });
    if (!checked.ok) {
      await ctx.reply(errorCard(ctx, t(checked.key, checked.params), "partner"));
      return;
    }
    const updated = await deps.store.partnerships.update(p.id, checked.input);
    if ("duplicate" in updated) {
      await ctx.reply(errorCard(ctx, t("partner.duplicate", { name: command.fields.name ?? "" }), "partner"));
      return;
    }
    if (checked.input.agreementEndDate !== undefined) await syncRenewal(deps, updated, member.userId);
    await ctx.audit("partner.edit", p.id, { fields: Object.keys(checked.input) });
    const message = t("partner.updated", { name: updated.name, fields: Object.keys(command.fields).join(", ") });
    await ctx.reply(card(message, text(message)));
  },
});
