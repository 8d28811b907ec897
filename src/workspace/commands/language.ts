/**
 * `/reflect language [locale|auto]`: a person's own language, which wins over their Slack or
 * Teams app's and the workspace's; `auto` clears it. The reply comes in the new one.
 */
import { card, inLanguage, text } from "../../core/card.ts";
import { defineCommand } from "../../core/commands.ts";
import { word } from "../../core/grammar/options.ts";
import { ANYONE } from "../../core/roles.ts";
import { markup } from "../../core/text.ts";
import { languageChoices, languageName, speakerLanguages } from "../../core/i18n.ts";

export const languageCommand = defineCommand({
  name: "language",
  path: ["language"],
  area: "language",
  roles: ANYONE,
  parse: (c) => ({ locale: word(c.next()) }),
  async handle(ctx, { locale }) {
    const { deps, t } = ctx;
    const available = markup(languageChoices(t, deps.i18n.locales()));
    if (!locale) {
      const message = t("language.current", { locale: languageName(t.locale), available });
      await ctx.reply(card(message, text(message)));
      return;
    }
    if (locale.toLowerCase() === "auto") {
      const cleared = await deps.store.members.update(ctx.workspace.id, ctx.member.userId, { locale: null });
      const next = deps.i18n.forLocale(...speakerLanguages(cleared), ctx.workspace.locale);
      const message = next("language.auto_set", { locale: languageName(next.locale) });
      await ctx.reply(inLanguage(card(message, text(message)), next.locale));
      return;
    }
    // "ne-NP" or "NE" mean ne; a language with no translation is refused with the list.
    const chosen = deps.i18n.resolve(locale);
    if (!chosen) {
      const message = t("language.unknown", { locale, available });
      await ctx.reply(card(message, text(`:warning: ${message}`)));
      return;
    }
    await deps.store.members.update(ctx.workspace.id, ctx.member.userId, { locale: chosen });
    const next = deps.i18n.forLocale(chosen);
    const message = next("language.set", { locale: languageName(chosen) });
    await ctx.reply(inLanguage(card(message, text(message)), next.locale));
  },
});
