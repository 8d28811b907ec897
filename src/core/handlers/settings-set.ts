import { DateTime } from "luxon";
import { card, context, text } from "../card.ts";
import { THRESHOLD_FLOOR } from "../gate.ts";
import { errorCard } from "../replies.ts";
import type { MessageKey } from "../i18n.ts";
import type { WorkspaceSettings } from "../../store/types.ts";
import type { CommandHandler } from "./types.ts";

type Parsed = { ok: true; patch: Partial<WorkspaceSettings>; shown: string } | { ok: false; key: MessageKey; params?: Record<string, string | number> };

/** Validates one setting; each failure names the rule and an example value. */
function parseSetting(key: string, raw: string, locales: string[]): Parsed {
  const value = raw.trim();
  const int = /^\d+$/.test(value) ? Number(value) : NaN;
  switch (key) {
    case "threshold":
    case "comment-threshold":
      if (!Number.isInteger(int) || int < THRESHOLD_FLOOR || int > 100) return { ok: false, key: "settings.bad_threshold", params: { floor: THRESHOLD_FLOOR, value } };
      return { ok: true, patch: key === "threshold" ? { threshold: int } : { commentThreshold: int }, shown: String(int) };
    case "timezone": {
      if (!DateTime.now().setZone(value).isValid) return { ok: false, key: "settings.bad_timezone", params: { value } };
      return { ok: true, patch: { timezone: value }, shown: value };
    }
    case "language":
      if (!locales.includes(value)) return { ok: false, key: "settings.bad_language", params: { value, available: locales.join(", ") } };
      return { ok: true, patch: { locale: value }, shown: value };
    case "retention": {
      const m = /^(\d+)\s*(m|months?)?$/.exec(value.toLowerCase());
      const months = m ? Number(m[1]) : NaN;
      if (!Number.isInteger(months) || months < 1 || months > 120) return { ok: false, key: "settings.bad_retention", params: { value } };
      return { ok: true, patch: { retentionMonths: months }, shown: `${months}` };
    }
    case "cadence": {
      const m = /^(\d+)\s*(d|days?)?$/.exec(value.toLowerCase());
      const days = m ? Number(m[1]) : NaN;
      if (!Number.isInteger(days) || days < 7 || days > 1000) return { ok: false, key: "settings.bad_cadence", params: { value } };
      return { ok: true, patch: { rubricCadenceDays: days }, shown: `${days}` };
    }
    case "reminders": {
      const parts = value.split(/[\s,]+/).filter(Boolean).map(Number);
      if (parts.length === 0 || parts.length > 6 || parts.some((n) => !Number.isInteger(n) || n < 1 || n > 365)) {
        return { ok: false, key: "settings.bad_reminders", params: { value } };
      }
      const offsets = [...new Set(parts)].sort((a, b) => b - a);
      return { ok: true, patch: { reminderOffsets: offsets }, shown: offsets.join(", ") };
    }
    case "quiet-week":
      if (value !== "line" && value !== "skip") return { ok: false, key: "settings.bad_quiet_week", params: { value } };
      return { ok: true, patch: { quietWeek: value }, shown: value };
    default:
      return { ok: false, key: "settings.bad_key", params: { value: key } };
  }
}

export const settingsSet: CommandHandler<"settings.set"> = async (ctx, command) => {
  const { deps, t, workspace } = ctx;
  const parsed = parseSetting(command.key, command.value, deps.i18n.locales());
  if (!parsed.ok) {
    await ctx.reply(errorCard(t, t(parsed.key, parsed.params), "settings"));
    return;
  }
  await deps.store.workspaces.updateSettings(workspace.id, parsed.patch);
  await ctx.audit("settings.set", command.key, { value: parsed.shown });
  const message = t("settings.saved", { key: command.key, value: parsed.shown });
  await ctx.reply(card(message, text(message), command.key === "threshold" || command.key === "comment-threshold" ? context(t("settings.threshold_note")) : undefined));
};
