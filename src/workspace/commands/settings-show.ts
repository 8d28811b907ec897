/** `/reflect settings`: the workspace's settings, each named in the reader's language beside the word that changes it. */
import { card, context, fields, heading } from "../../core/card.ts";
import { defineCommand } from "../../core/commands.ts";
import { effectiveThreshold, promiseOf } from "../../core/gate.ts";
import type { MessageKey } from "../../core/i18n.ts";
import { COORDINATORS } from "../../core/roles.ts";
import type { SettingKey } from "../settings.ts";

/** The label of each setting shown (the keys people type stay as they are, in code). */
const LABELS: Partial<Record<SettingKey, MessageKey>> = {
  threshold: "settings.label.threshold",
  "comment-threshold": "settings.label.comment_threshold",
  "min-commenters": "settings.label.min_commenters",
  "min-open-hours": "settings.label.min_open_hours",
  timezone: "settings.label.timezone",
  language: "settings.label.language",
  retention: "settings.label.retention",
  cadence: "settings.label.cadence",
  reminders: "settings.label.reminders",
  "quiet-week": "settings.label.quiet_week",
  "deletion-grace": "settings.label.deletion_grace",
  "pulse-cadence": "settings.label.pulse_cadence",
  "renewal-reminders": "settings.label.renewal_reminders",
  "auto-schedule": "settings.label.auto_schedule",
};

export const settingsShowCommand = defineCommand({
  name: "settings.show",
  path: ["settings|setting", "show?"],
  area: "settings",
  roles: COORDINATORS,
  async handle(ctx) {
    const { t, workspace: w } = ctx;
    const code = (word: string) => `\`${word}\``;
    const days = (list: number[]) => list.map((n) => t.number(n)).join(", ");
    const values: [SettingKey, string][] = [
      ["threshold", t.number(effectiveThreshold(w.threshold))],
      ["comment-threshold", t.number(effectiveThreshold(w.commentThreshold))],
      ["min-commenters", t.number(promiseOf(w).minCommenters)],
      ["min-open-hours", t.number(promiseOf(w).minOpenHours)],
      ["timezone", code(w.timezone)],
      ["language", code(w.locale)],
      ["retention", t("settings.months", { months: w.retentionMonths })],
      ["cadence", t("settings.days", { days: w.rubricCadenceDays })],
      ["reminders", days(w.reminderOffsets)],
      ["quiet-week", code(w.quietWeek)],
      ["deletion-grace", t("settings.days", { days: w.deletionGraceDays })],
      ["pulse-cadence", t("settings.days", { days: w.pulseCadenceDays })],
      ["renewal-reminders", days(w.renewalOffsets)],
      ["auto-schedule", code(w.autoSchedule ? "on" : "off")],
    ];
    await ctx.reply(
      card(
        t("settings.title"),
        heading(t("settings.title")),
        fields(values.map(([key, value]) => [`${LABELS[key] ? t(LABELS[key]) : key} · ${code(key)}`, value])),
        context(t("settings.how_to_change")),
      ),
    );
  },
});
