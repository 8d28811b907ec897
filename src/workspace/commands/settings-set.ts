/** `/reflect settings <name> <value>` (admin). Rounds keep what their invitations promised. */
import { card, context, text } from "../../core/card.ts";
import { defineCommand } from "../../core/commands.ts";
import { fail, phrase, word } from "../../core/grammar/options.ts";
import { errorCard } from "../../core/replies.ts";
import { ADMINS } from "../../core/roles.ts";
import { markup } from "../../core/text.ts";
import { parseSetting, SETTING_KEYS, type SettingKey } from "../settings.ts";

export const settingsSetCommand = defineCommand({
  name: "settings.set",
  path: ["settings|setting"],
  area: "settings",
  roles: ADMINS,
  parse(c): { key: SettingKey; value: string } {
    const key = word(c.next());
    if (!key || !(SETTING_KEYS as readonly string[]).includes(key)) return fail("settings", "error.setting_key", { value: key ?? "", keys: SETTING_KEYS.join(", ") });
    const value = phrase(c.rest());
    if (!value) return fail("settings", "error.setting_value", { key });
    return { key: key as SettingKey, value };
  },
  async handle(ctx, { key, value }) {
    const { deps, t, workspace } = ctx;
    const parsed = parseSetting(key, value, deps.i18n.locales());
    if (!parsed.ok) {
      await ctx.reply(errorCard(ctx, t(parsed.key, parsed.params), "settings"));
      return;
    }
    await deps.store.workspaces.updateSettings(workspace.id, parsed.patch);
    await ctx.audit("settings.set", key, { value: parsed.shown });
    // The key is a word people type: shown as code in every language.
    const message = t("settings.saved", { key: markup(`\`${key}\``), value: parsed.shown });
    // Rounds keep what their invitations promised (DESIGN.md §3 rule 11): the reply says so.
    const rules = ["min-commenters", "min-open-hours"].includes(key);
    const note = key === "threshold" || key === "comment-threshold" ? t("settings.threshold_note") : rules ? t("settings.rules_note") : null;
    await ctx.reply(card(message, text(message), note ? context(note) : undefined));
  },
});
