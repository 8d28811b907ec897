import { card, context, heading, text } from "../card.ts";
import { errorCard } from "../replies.ts";
import { showDate, todayIn } from "../../reviews/dates.ts";
import { when } from "../../reviews/cards.ts";
import { syncRenewal } from "../../reviews/renewal.ts";
import { validatePartnerFields } from "../../reviews/partner-fields.ts";
import type { CommandHandler } from "./types.ts";

/** `/reflect partner add "<name>" [category …] [spectrum …] [country …] [lead @p] [start …] [end …] [notes …]`. */
export const partnerAdd: CommandHandler<"partner.add"> = async (ctx, command) => {
  const { deps, t, workspace, member } = ctx;
  const now = deps.clock.now();
  const checked = validatePartnerFields({ ...command.fields, name: command.partnerName }, now, workspace.timezone, { isNew: true });
  if (!checked.ok) {
    await ctx.reply(errorCard(t, t(checked.key, checked.params), "partner"));
    return;
  }
  const created = await deps.store.partnerships.create(workspace.id, { name: command.partnerName, ...checked.input, leadUserId: checked.input.leadUserId ?? member.userId }, now);
  if ("duplicate" in created) {
    await ctx.reply(errorCard(t, t("partner.duplicate", { name: command.partnerName }), "partner"));
    return;
  }
  const renewal = await syncRenewal(deps, created, member.userId);
  await ctx.audit("partner.add", created.id, { name: created.name });
  const today = todayIn(now, workspace.timezone);
  await ctx.reply(
    card(
      t("partner.added", { name: created.name }),
      heading(t("partner.added", { name: created.name })),
      created.agreementEndDate
        ? text(t("partner.renewal_created", { date: showDate(created.agreementEndDate, t.locale), when: when(t, created.agreementEndDate, today), ref: renewal?.ref ?? "" }))
        : undefined,
      context(t("partner.added_footer", { name: created.name })),
    ),
  );
};
