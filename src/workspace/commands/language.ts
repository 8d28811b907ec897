/** `/reflect language [locale]`: a person's own language; the reply comes in the new one. */
import { card, text } from "../../core/card.ts";
import { defineCommand } from "../../core/commands.ts";
import { word } from "../../core/grammar/options.ts";
import { ANYONE } from "../../core/roles.ts";
import { markup } from "../../core/text.ts";

export const languageCommand = defineCommand({
  name: "language",
  path: ["language"],
  area: "language",
  roles: ANYONE,
  parse: (c) => ({ locale: word(c.next()) }),
  async handle(ctx, { locale }) {
    const { deps, t } = ctx;
    const available = markup(deps.i18n.locales().join(", "));
    if (!locale) {
      const message = t("language.current", { locale: markup(t.locale), available });
      await ctx.reply(card(message, text(message)));
      return;
    }
    if (!deps.i18n.has(locale)) {
      const message = t("language.unknown", { locale, available });
      await ctx.reply(card(message, text(`:warning: ${message}`)));
      return;
    }
    await deps.store.members.update(ctx.workspace.id, ctx.member.userId, { locale });
    const next = deps.i18n.forLocale(locale);
    const message = next("language.set", { locale: markup(locale) });
    await ctx.reply(card(message, text(message)));
  },
});
