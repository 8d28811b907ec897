/**
 * `/reflect channel language [#channel] [<locale>|default]` (admins, coordinators and leads who
 * are in the channel, as for its weekly summary): the
 * language of what the bot posts for a whole channel (weekly summaries, results, invitations
 * shown to everyone). Private messages stay in each reader's own language.
 */
import { card, context, text } from "../../core/card.ts";
import { defineCommand } from "../../core/commands.ts";
import { fail, phrase, word } from "../../core/grammar/options.ts";
import { READERS } from "../../core/roles.ts";
import { channelMention, markup } from "../../core/text.ts";
import { languageChoices, languageName } from "../../core/i18n.ts";
import { callerInChannel } from "../../summaries/membership.ts";

export const channelLanguageCommand = defineCommand({
  name: "channel.language",
  path: ["channel|channels", "language|lang"],
  area: "language",
  roles: READERS,
  parse(c): { channel?: string; locale?: string } {
    let channel: string | undefined;
    let locale: string | undefined;
    while (!c.done()) {
      const t = c.next()!;
      if (t.kind === "channel" && !channel) channel = t.id;
      else if (!locale && word(t)) locale = word(t)!.toLowerCase();
      else fail("language", "error.unexpected", { value: phrase([t]) });
    }
    return { ...(channel ? { channel } : {}), ...(locale ? { locale } : {}) };
  },
  async handle(ctx, args) {
    const { deps, t, workspace, event } = ctx;
    // Typed in a channel without naming one: that channel.
    const channel = args.channel ?? (event.isDirect ? undefined : event.conversationId);
    if (!channel) {
      const message = t("channel.language_where");
      await ctx.reply(card(message, text(`:warning: ${message}`)));
      return;
    }
    // Only someone in the channel decides what language it is spoken to in (as for its summary).
    if (!(await callerInChannel(ctx, channel, { unreadable: "channel.language_unreadable", notMember: "channel.language_not_member", area: "language" }))) return;
    const available = markup(languageChoices(t, deps.i18n.locales()));
    if (!args.locale) {
      const own = await deps.store.channels.language(workspace.id, channel);
      const message = t("channel.language_current", {
        channel: channelMention(channel),
        locale: languageName(own ?? workspace.locale),
        source: own ? "channel" : "workspace",
        available,
      });
      await ctx.reply(card(message, text(message)));
      return;
    }
    if (args.locale === "default" || args.locale === "workspace") {
      await deps.store.channels.setLanguage(workspace.id, channel, null);
      await ctx.audit("channel.language", channel, { locale: null });
      const message = t("channel.language_cleared", { channel: channelMention(channel), locale: languageName(workspace.locale) });
      await ctx.reply(card(message, text(message)));
      return;
    }
    const locale = deps.i18n.resolve(args.locale);
    if (!locale) {
      const message = t("language.unknown", { locale: args.locale, available });
      await ctx.reply(card(message, text(`:warning: ${message}`)));
      return;
    }
    await deps.store.channels.setLanguage(workspace.id, channel, locale);
    await ctx.audit("channel.language", channel, { locale });
    const message = t("channel.language_set", { channel: channelMention(channel), locale: languageName(locale) });
    await ctx.reply(card(message, text(message), context(t("channel.language_note"))));
  },
});
