/** Dates as people read them: in the workspace's (or person's) time zone and language. */
import { DateTime } from "luxon";

export function formatDateTime(date: Date, zone: string, locale = "en"): string {
  return DateTime.fromJSDate(date, { zone }).setLocale(locale).toFormat("ccc d LLL yyyy, HH:mm") + ` (${zone})`;
}

export function formatDate(date: Date, zone: string, locale = "en"): string {
  return DateTime.fromJSDate(date, { zone }).setLocale(locale).toFormat("ccc d LLL yyyy");
}

/** The calendar day (UTC midnight) a moment falls on: anonymous rows keep only this. */
export function dayOf(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}
