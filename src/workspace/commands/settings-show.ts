/** `/reflect settings`: the workspace's settings. */
import { card, context, fields, heading } from "../../core/card.ts";
import { defineCommand } from "../../core/commands.ts";
import { effectiveThreshold, promiseOf } from "../../core/gate.ts";
import { COORDINATORS } from "../../core/roles.ts";

export const settingsShowCommand = defineCommand({
  name: "settings.show",
  path: ["settings|setting", "show?"],
  area: "settings",
  roles: COORDINATORS,
  async handle(ctx) {
    const { t, workspace: w } = ctx;
    await ctx.reply(
      card(
        t("settings.title"),
        heading(t("settings.title")),
        fields([
          ["threshold", String(effectiveThreshold(w.threshold))],
          ["comment-threshold", String(effectiveThreshold(w.commentThreshold))],
          ["min-commenters", String(promiseOf(w).minCommenters)],
          ["min-open-hours", String(promiseOf(w).minOpenHours)],
          ["timezone", w.timezone],
          ["language", w.locale],
          ["retention", t("settings.months", { months: w.retentionMonths })],
          ["cadence", t("settings.days", { days: w.rubricCadenceDays })],
          ["reminders", w.reminderOffsets.join(", ")],
          ["quiet-week", w.quietWeek],
          ["deletion-grace", t("settings.days", { days: w.deletionGraceDays })],
          ["pulse-cadence", t("settings.days", { days: w.pulseCadenceDays })],
          ["renewal-reminders", w.renewalOffsets.join(", ")],
          ["auto-schedule", w.autoSchedule ? "on" : "off"],
        ]),
        context(t("settings.how_to_change")),
      ),
    );
  },
});
