/**
 * When review and action reminders fall due. Pure functions over calendar dates and zones, so a
 * whole year of slots can be checked with a fixed clock (DST changes, UTC+05:45 included).
 *
 * Reviews: at 09:00 in the coordinator's zone, N days before the due date for each configured
 * offset (30, 7, 1 by default), then weekly once overdue (the day after the due date, then every 7
 * days). Actions: at 09:00 on the due date, then weekly once overdue. Each reminder has a key
 * (event, due date, offset or week) that the outbox uses to send it once.
 */
import type { IsoDate } from "../store/types.ts";
import { addDays, localInstant } from "./dates.ts";

export const REMINDER_HOUR = 9;
/** Reminders late by less than this (the bot was down) are still sent. */
const GRACE_MS = 36 * 3_600_000;
const WEEK = 7;

export interface Reminder {
  key: string;
  at: Date;
  /** Days before the due date (positive), or weeks overdue as a negative number of days. */
  daysBefore: number;
}

/** The before-the-date reminders of a review, as instants. */
function beforeReminders(id: string, dueDate: IsoDate, offsets: number[], zone: string): Reminder[] {
  return [...new Set(offsets)]
    .sort((a, b) => b - a)
    .map((o) => ({ key: `${id}:${dueDate}:before${o}`, at: localInstant(addDays(dueDate, -o), REMINDER_HOUR, zone), daysBefore: o }));
}

/** The k-th overdue reminder (k ≥ 1): the day after the due date, then weekly. */
function overdueReminder(id: string, dueDate: IsoDate, k: number, zone: string, firstAfterDays = 1): Reminder {
  const days = firstAfterDays + (k - 1) * WEEK;
  return { key: `${id}:${dueDate}:overdue${k}`, at: localInstant(addDays(dueDate, days), REMINDER_HOUR, zone), daysBefore: -days };
}

/**
 * The one reminder of an item due at `slot` (if any): the latest before-reminder or overdue
 * reminder whose time has come, unless it is older than the grace period or older than the item.
 */
export function dueReminder(
  item: { id: string; dueDate: IsoDate; createdAt: Date },
  offsets: number[],
  zone: string,
  slot: Date,
  options: { overdueFirstAfterDays?: number } = {},
): Reminder | null {
  const first = options.overdueFirstAfterDays ?? 1;
  let latest: Reminder | null = null;
  for (const r of beforeReminders(item.id, item.dueDate, offsets, zone)) if (r.at <= slot) latest = r;
  const firstOverdue = overdueReminder(item.id, item.dueDate, 1, zone, first);
  if (firstOverdue.at <= slot) {
    // Estimate the week from elapsed time, then correct for DST shifts of an hour either way.
    let k = 1 + Math.floor((slot.getTime() - firstOverdue.at.getTime()) / (WEEK * 86_400_000));
    while (k > 1 && overdueReminder(item.id, item.dueDate, k, zone, first).at > slot) k--;
    while (overdueReminder(item.id, item.dueDate, k + 1, zone, first).at <= slot) k++;
    latest = overdueReminder(item.id, item.dueDate, k, zone, first);
  }
  if (!latest) return null;
  if (latest.at.getTime() <= slot.getTime() - GRACE_MS) return null;
  if (latest.at < item.createdAt) return null;
  return latest;
}
