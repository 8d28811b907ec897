/** Catch-up after downtime: nothing owed on a new database, and never more than each job's window. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../fakes/harness.ts";
import { slotContaining, slotsBetween } from "../../src/jobs/slots.ts";

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ admins: ["amina"], now: "2026-11-23T10:07:00Z" });
});
afterEach(async () => {
  await h.stop();
});

describe("scheduler catch-up", () => {
  it("owes no slots from before a job first ran on this database", async () => {
    expect(await h.app.scheduler.catchUp()).toBe(0);
    expect(await h.app.store.rawQuery("SELECT 1 FROM job_runs")).toEqual([]);
  });

  it("runs the slots missed since the last run, bounded by the job's own window", async () => {
    const job = h.app.jobs.get("pulse-rounds"); // catch-up window: one hour
    await h.app.jobs.runSlot(job, slotContaining(job, h.clock.now()));
    // Down for five hours: only the slots of the last hour are owed.
    h.clock.advance(5 * 3_600_000);
    const owed = slotsBetween(job, new Date(h.clock.now().getTime() - job.catchUpMs), h.clock.now());
    expect(owed.length).toBeGreaterThan(0);
    await h.app.scheduler.catchUp();
    const runs = await h.app.store.rawQuery<{ slot: Date }>("SELECT slot FROM job_runs WHERE job_id = 'pulse-rounds' ORDER BY slot");
    expect(runs.length).toBe(1 + owed.length);
    const earliestCaughtUp = new Date(runs[1]!.slot).getTime();
    expect(h.clock.now().getTime() - earliestCaughtUp).toBeLessThanOrEqual(job.catchUpMs);
  });
});
