import { card, text } from "../card.ts";
import { errorCard } from "../replies.ts";
import { syncRenewal } from "../../reviews/renewal.ts";
import { validatePartnerFields } from "../../reviews/partner-fields.ts";
import { lookupPartnership } from "./partner-lookup.ts";
import type { CommandHandler } from "./types.ts";

export const partnerEdit: CommandHandler<"partner.edit"> = async (ctx, command) => {
  const p = await lookupPartnership(ctx, command.partnership, "partner");
  if (!p) return;
  const { deps, t, workspace, member } = ctx;
  const checked = validatePartnerFields(command.fields, deps.clock.now(), workspace.timezone, { isNew: false });
  if (!checked.ok) {
    await ctx.reply(errorCard(t, t(checked.key, checked.params), "partner"));
    return;
  }
  const updated = await deps.store.partnerships.update(p.id, checked.input);
  if ("duplicate" in updated) {
    await ctx.reply(errorCard(t, t("partner.duplicate", { name: command.fields.name ?? "" }), "partner"));
    return;
  }
  if (checked.input.agreementEndDate !== undefined) await syncRenewal(deps, updated, member.userId);
  await ctx.audit("partner.edit", p.id, { fields: Object.keys(checked.input) });
  const message = t("partner.updated", { name: updated.name, fields: Object.keys(command.fields).join(", ") });
  await ctx.reply(card(message, text(message)));
};
