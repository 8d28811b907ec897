/**
 * Workspace settings people may change, and the check of each value: a failure names the rule
 * and an example value.
 */
import { DateTime } from "luxon";
import { COMMENTERS_FLOOR, MIN_OPEN_HOURS_FLOOR, THRESHOLD_FLOOR } from "../core/gate.ts";
import type { MessageKey } from "../core/i18n.ts";
import type { WorkspaceSettings } from "../store/types.ts";

export const SETTING_KEYS = [
  "threshold",
  "comment-threshold",
  "min-commenters",
  "min-open-hours",
  "timezone",
  "language",
  "retention",
  "cadence",
  "reminders",
  "quiet-week",
  "deletion-grace",
  "pulse-cadence",
  "renewal-reminders",
  "auto-schedule",
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

export type Parsed = { ok: true; patch: Partial<WorkspaceSettings>; shown: string } | { ok: false; key: MessageKey; params?: Record<string, string | number> };

/** Validates one setting; each failure names the rule and an example value. */
export function parseSetting(key: string, raw: string, locales: string[]): Parsed {
  const value = raw.trim();
  const int = /^\d+$/.test(value) ? Number(value) : NaN;
  switch (key) {
    case "threshold":
    case "comment-threshold":
      if (!Number.isInteger(int) || int < THRESHOLD_FLOOR || int > 100) return { ok: false, key: "settings.bad_threshold", params: { floor: THRESHOLD_FLOOR, value } };
      return { ok: true, patch: key === "threshold" ? { threshold: int } : { commentThreshold: int }, shown: String(int) };
    case "min-commenters":
      if (!Number.isInteger(int) || int < COMMENTERS_FLOOR || int > 20) return { ok: false, key: "settings.bad_min_commenters", params: { value } };
      return { ok: true, patch: { minCommenters: int }, shown: String(int) };
    case "min-open-hours": {
      const m = /^(\d+)\s*(h|hours?)?$/.exec(value.toLowerCase());
      const hours = m ? Number(m[1]) : NaN;
      if (!Number.isInteger(hours) || hours < MIN_OPEN_HOURS_FLOOR || hours > 720) return { ok: false, key: "settings.bad_min_open_hours", params: { value } };
      return { ok: true, patch: { minOpenHours: hours }, shown: String(hours) };
    }
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
    case "pulse-cadence": {
      const m = /^(\d+)\s*(d|days?)?$/.exec(value.toLowerCase());
      const days = m ? Number(m[1]) : NaN;
      if (!Number.isInteger(days) || days < 0 || days > 365) return { ok: false, key: "settings.bad_pulse_cadence", params: { value } };
      return { ok: true, patch: { pulseCadenceDays: days }, shown: `${days}` };
    }
    case "auto-schedule":
      if (!["on", "off"].includes(value.toLowerCase())) return { ok: false, key: "settings.bad_auto_schedule", params: { value } };
      return { ok: true, patch: { autoSchedule: value.toLowerCase() === "on" }, shown: value.toLowerCase() };
    case "renewal-reminders":
    case "reminders": {
      const parts = value
        .split(/[\s,]+/)
        .filter(Boolean)
        .map(Number);
      if (parts.length === 0 || parts.length > 6 || parts.some((n) => !Number.isInteger(n) || n < 1 || n > 365)) {
        return { ok: false, key: "settings.bad_reminders", params: { value } };
      }
      const offsets = [...new Set(parts)].sort((a, b) => b - a);
      return { ok: true, patch: key === "reminders" ? { reminderOffsets: offsets } : { renewalOffsets: offsets }, shown: offsets.join(", ") };
    }
    case "deletion-grace": {
      const m = /^(\d+)\s*(d|days?)?$/.exec(value.toLowerCase());
      const days = m ? Number(m[1]) : NaN;
      if (!Number.isInteger(days) || days < 7 || days > 365) return { ok: false, key: "settings.bad_deletion_grace", params: { value } };
      return { ok: true, patch: { deletionGraceDays: days }, shown: `${days}` };
    }
    case "quiet-week":
      if (value !== "line" && value !== "skip") return { ok: false, key: "settings.bad_quiet_week", params: { value } };
      return { ok: true, patch: { quietWeek: value }, shown: value };
    default:
      return { ok: false, key: "settings.bad_key", params: { value: key } };
  }
}
