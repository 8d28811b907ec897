/**
 * Dates people type: ISO ("2027-03-01") checked strictly, and simple relative forms ("in 3
 * weeks", "next monday", "1 March 2027") through chrono-node, read in the workspace's time zone.
 */
import { createRequire } from "node:module";
import { DateTime } from "luxon";
import { formatCalendarDate } from "../core/dates.ts";
import type { IsoDate } from "../store/types.ts";

/**
 * chrono-node's English parser (the grammar is English in every language), loaded the first
 * time someone types a date: the full package with every language holds about 13 MB.
 */
let parser: typeof import("chrono-node/en") | undefined;
const chrono = () => (parser ??= createRequire(import.meta.url)("chrono-node/en") as typeof import("chrono-node/en"));

export type DateParse = { ok: true; date: IsoDate } | { ok: false; reason: "impossible" | "unreadable" };

export function parseUserDate(input: string, now: Date, zone: string): DateParse {
  const text = input.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) {
    const d = DateTime.fromObject({ year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) }, { zone });
    return d.isValid ? { ok: true, date: d.toISODate()! } : { ok: false, reason: "impossible" };
  }
  const [result] = chrono().parse(text, { instant: now, timezone: zone }, { forwardDate: true });
  // The whole input must be the date, so "Shanti in 3 weeks" is not silently half-read.
  if (!result || result.text.trim().length < text.replace(/^(on|by)\s+/i, "").length) return { ok: false, reason: "unreadable" };
  const d = DateTime.fromObject({ year: result.start.get("year")!, month: result.start.get("month")!, day: result.start.get("day")! }, { zone });
  return d.isValid ? { ok: true, date: d.toISODate()! } : { ok: false, reason: "impossible" };
}

/** Today in a time zone, as a calendar date. */
export const todayIn = (now: Date, zone: string): IsoDate => DateTime.fromJSDate(now, { zone }).toISODate()!;

export const addDays = (date: IsoDate, days: number): IsoDate => DateTime.fromISO(date, { zone: "UTC" }).plus({ days }).toISODate()!;
export const addMonths = (date: IsoDate, months: number): IsoDate => DateTime.fromISO(date, { zone: "UTC" }).plus({ months }).toISODate()!;
export const daysBetween = (from: IsoDate, to: IsoDate): number => Math.round(DateTime.fromISO(to, { zone: "UTC" }).diff(DateTime.fromISO(from, { zone: "UTC" }), "days").days);

/** "Mon, 1 Mar 2027" in the person's language (see core/dates.ts). */
export const showDate = (date: IsoDate, locale = "en"): string => formatCalendarDate(date, locale);

/** The instant of a local wall-clock time on a calendar date in a zone (DST-aware). */
export function localInstant(date: IsoDate, hour: number, zone: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  return DateTime.fromObject({ year: y!, month: m!, day: d!, hour }, { zone }).toJSDate();
}
