/**
 * Dates as people read them: in the workspace's (or person's) time zone, in the order, words and
 * digits of their language (Intl through luxon: "Sun, 6 Dec 2026" in English, "२०२६ डिसेम्बर ६,
 * आइत" in Nepali). English reads day-month-year, as in the organisations this bot serves.
 */
import { DateTime } from "luxon";

const DAY = { weekday: "short", day: "numeric", month: "short", year: "numeric" } as const;
const TIME = { ...DAY, hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;

/** The locale Intl formats dates in: plain English as British English (day before month). */
export const dateLocale = (locale: string): string => (locale === "en" ? "en-GB" : locale);

export function formatDateTime(date: Date, zone: string, locale = "en"): string {
  return `${DateTime.fromJSDate(date, { zone }).setLocale(dateLocale(locale)).toLocaleString(TIME)} (${zone})`;
}

export function formatDate(date: Date, zone: string, locale = "en"): string {
  return DateTime.fromJSDate(date, { zone }).setLocale(dateLocale(locale)).toLocaleString(DAY);
}

/** A calendar date (YYYY-MM-DD, no time zone) as the reader writes it. */
export function formatCalendarDate(isoDate: string, locale = "en"): string {
  return DateTime.fromISO(isoDate, { zone: "UTC" }).setLocale(dateLocale(locale)).toLocaleString(DAY);
}

/** Day and month only (chart labels). */
export function formatDayMonth(date: Date, zone: string, locale = "en", withYear = false): string {
  return DateTime.fromJSDate(date, { zone })
    .setLocale(dateLocale(locale))
    .toLocaleString(withYear ? { day: "numeric", month: "short", year: "2-digit" } : { day: "numeric", month: "short" });
}

/** The calendar day (UTC midnight) a moment falls on: anonymous rows keep only this. */
export function dayOf(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}
