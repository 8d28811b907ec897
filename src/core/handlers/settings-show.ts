import { card, context, fields, heading } from "../card.ts";
import { effectiveThreshold } from "../gate.ts";
import type { CommandHandler } from "./types.ts";

export const settingsShow: CommandHandler<"settings.show"> = async (ctx) => {
  const { t, workspace: w } = ctx;
  await ctx.reply(
    card(
      t("settings.title"),
      heading(t("settings.title")),
      fields([
        ["threshold", String(effectiveThreshold(w.threshold))],
        ["comment-threshold", String(effectiveThreshold(w.commentThreshold))],
        ["timezone", w.timezone],
        ["language", w.locale],
        ["retention", t("settings.months", { months: w.retentionMonths })],
        ["cadence", t("settings.days", { days: w.rubricCadenceDays })],
        ["reminders", w.reminderOffsets.join(", ")],
        ["quiet-week", w.quietWeek],
      ]),
      context(t("settings.how_to_change")),
    ),
  );
};
