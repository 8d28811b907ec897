/** `/reflect partner add "<name>" [category …] [spectrum …] [country …] [lead @p] [start …] [end …] [notes …]`. */
import { PARTNER_FIELD_WORDS, parsePartnerFields, type PartnerFields } from "../partner-fields.ts";
import { card, context, heading, text } from "../../core/card.ts";
import { errorCard } from "../../core/replies.ts";
import { showDate, todayIn } from "../dates.ts";
import { kindLabel, when } from "../cards.ts";
import { syncRenewal } from "../renewal.ts";
import { scheduleDefaults } from "../defaults.ts";
import { markup } from "../../core/text.ts";
import { validatePartnerFields } from "../partner-fields.ts";
import { defineCommand } from "../../core/commands.ts";
import { COORDINATORS } from "../../core/roles.ts";
import { partnershipName, type Cursor } from "../../core/grammar/options.ts";

export const partnerAddCommand = defineCommand({
  name: "partner.add",
  path: ["partner|partners|partnership", "add"],
  area: "partner",
  roles: COORDINATORS,
  parse(c: Cursor): { partnerName: string; fields: PartnerFields } {
    // A quoted name ends at its quote; an unquoted one runs to the first field word.
    const first = c.peek();
    let partnerName: string;
    if (first?.kind === "quoted") {
      c.next();
      partnerName = first.text;
    } else partnerName = partnershipName(c.until(PARTNER_FIELD_WORDS), "partner");
    return { partnerName, fields: parsePartnerFields(c) };
  },
  async handle(ctx, command) {
    const { deps, t, workspace, member } = ctx;
    const now = deps.clock.now();
    const checked = validatePartnerFields({ ...command.fields, name: command.partnerName }, now, workspace.timezone, { isNew: true });
    if (!checked.ok) {
      await ctx.reply(errorCard(ctx, t(checked.key, checked.params), "partner"));
      return;
    }
    const created = await deps.store.partnerships.create(workspace.id, { name: command.partnerName, ...checked.input, leadUserId: checked.input.leadUserId ?? member.userId }, now);
    if ("duplicate" in created) {
      await ctx.reply(errorCard(ctx, t("partner.duplicate", { name: command.partnerName }), "partner"));
      return;
    }
    const renewal = await syncRenewal(deps, created, member.userId);
    const scheduled = await scheduleDefaults(deps, workspace, created, member.userId);
    await ctx.audit("partner.add", created.id, { name: created.name });
    const today = todayIn(now, workspace.timezone);
    await ctx.reply(
      card(
        t("partner.added", { name: created.name }),
        heading(t("partner.added", { name: created.name })),
        created.agreementEndDate
          ? text(t("partner.renewal_created", { date: showDate(created.agreementEndDate, t.locale), when: when(t, created.agreementEndDate, today), ref: renewal?.ref ?? "" }))
          : undefined,
        scheduled.length
          ? text(t("partner.defaults_scheduled", { list: markup(scheduled.map((e) => `${kindLabel(t, e)} ${showDate(e.dueDate, t.locale)} (\`${e.ref}\`)`).join(", ")) }))
          : undefined,
        context(t("partner.added_footer", { name: created.name })),
      ),
    );
  },
});
