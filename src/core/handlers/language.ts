import { card, text } from "../card.ts";
import type { CommandHandler } from "./types.ts";

/** Sets the caller's own language; replies in the new language. */
export const language: CommandHandler<"language"> = async (ctx, command) => {
  const { deps, t } = ctx;
  const available = deps.i18n.locales().join(", ");
  if (!command.locale) {
    await ctx.reply(card(t("language.current", { locale: t.locale, available }), text(t("language.current", { locale: t.locale, available }))));
    return;
  }
  if (!deps.i18n.has(command.locale)) {
    const message = t("language.unknown", { locale: command.locale, available });
    await ctx.reply(card(message, text(`:warning: ${message}`)));
    return;
  }
  await deps.store.members.update(ctx.workspace.id, ctx.member.userId, { locale: command.locale });
  const next = deps.i18n.forLocale(command.locale);
  await ctx.reply(card(next("language.set", { locale: command.locale }), text(next("language.set", { locale: command.locale }))));
};
