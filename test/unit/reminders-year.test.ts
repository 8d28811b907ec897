/**
 * A year of review and action reminders, checked slot by slot (every 15 minutes, as the job runs)
 * with a fixed clock, in Europe/London (two DST changes) and Asia/Kathmandu (UTC+05:45): every
 * reminder fires exactly once, at 09:00 local time.
 */
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { dueReminder, REMINDER_HOUR } from "../../src/reviews/reminders.ts";
import { addDays } from "../../src/reviews/dates.ts";

const SLOT = 15 * 60_000;

function simulate(zone: string, items: { id: string; dueDate: string; createdAt: Date }[], offsets: number[], from: string, to: string, overdueFirst = 1) {
  const sent = new Map<string, Date>();
  const fired: { key: string; at: Date }[] = [];
  for (let t = new Date(from).getTime(); t <= new Date(to).getTime(); t += SLOT) {
    const slot = new Date(t);
    for (const item of items) {
      const r = dueReminder(item, offsets, zone, slot, { overdueFirstAfterDays: overdueFirst });
      // The outbox's dedupe key: a key already sent is not sent again.
      if (r && !sent.has(r.key)) {
        sent.set(r.key, slot);
        fired.push({ key: r.key, at: slot });
      }
    }
  }
  return fired;
}

const local = (d: Date, zone: string) => DateTime.fromJSDate(d, { zone });

describe.each(["Europe/London", "Asia/Kathmandu"])("a year of reminders in %s", (zone) => {
  // Due dates around both DST changes in London (29 Mar and 25 Oct 2026) and through the year.
  const dueDates = ["2026-02-10", "2026-03-30", "2026-04-27", "2026-06-15", "2026-10-26", "2026-11-30", "2026-12-31"];
  const createdAt = new Date("2026-01-01T00:00:00Z");
  const items = dueDates.map((dueDate, i) => ({ id: `e${i}`, dueDate, createdAt }));
  const fired = simulate(zone, items, [30, 7, 1], "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");

  it("fires each before-reminder once, on the right day at 09:00 local", () => {
    for (const item of items) {
      for (const offset of [30, 7, 1]) {
        const matches = fired.filter((f) => f.key === `${item.id}:${item.dueDate}:before${offset}`);
        expect(matches, `${item.id} ${offset}d`).toHaveLength(1);
        const at = local(matches[0]!.at, zone);
        expect(at.toISODate()).toBe(addDays(item.dueDate, -offset));
        expect([at.hour, at.minute]).toEqual([REMINDER_HOUR, 0]);
      }
    }
  });

  it("fires weekly overdue reminders, each once, at 09:00 local, until the year ends", () => {
    for (const item of items) {
      const overdue = fired.filter((f) => f.key.startsWith(`${item.id}:${item.dueDate}:overdue`));
      const expected = Math.floor(DateTime.fromISO("2027-01-01", { zone }).diff(DateTime.fromISO(addDays(item.dueDate, 1), { zone }).set({ hour: 9 }), "days").days / 7) + 1;
      expect(overdue.length, item.id).toBe(Math.max(0, expected));
      expect(new Set(overdue.map((o) => o.key)).size).toBe(overdue.length);
      overdue.forEach((o, k) => {
        const at = local(o.at, zone);
        expect(at.toISODate()).toBe(addDays(item.dueDate, 1 + 7 * k));
        expect([at.hour, at.minute]).toEqual([REMINDER_HOUR, 0]);
      });
    }
  });

  it("fires nothing else", () => {
    const planned = items.flatMap((i) => [30, 7, 1].map((o) => `${i.id}:${i.dueDate}:before${o}`));
    const extra = fired.filter((f) => !planned.includes(f.key) && !/:overdue\d+$/.test(f.key));
    expect(extra).toEqual([]);
  });
});

describe("reminders for items created late, and after downtime", () => {
  it("does not send reminders whose time passed before the item existed", () => {
    const item = { id: "late", dueDate: "2026-06-10", createdAt: new Date("2026-06-05T12:00:00Z") };
    const fired = simulate("UTC", [item], [30, 7, 1], "2026-06-05T12:00:00Z", "2026-06-10T00:00:00Z");
    expect(fired.map((f) => f.key)).toEqual(["late:2026-06-10:before1"]);
  });

  it("sends a reminder missed during downtime once the job runs again, within the grace period", () => {
    const item = { id: "down", dueDate: "2026-06-10", createdAt: new Date("2026-01-01T00:00:00Z") };
    // The bot was down from 08:00 to 20:00 on the 1-day reminder's day.
    expect(dueReminder(item, [1], "UTC", new Date("2026-06-09T20:00:00Z"))?.key).toBe("down:2026-06-10:before1");
    expect(dueReminder(item, [1], "UTC", new Date("2026-06-08T20:00:00Z"))).toBeNull();
  });
});
