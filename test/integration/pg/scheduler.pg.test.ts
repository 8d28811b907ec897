/**
 * Reminders across replicas and crashes, on a real PostgreSQL: two scheduler instances send each
 * reminder once; a process that claimed reminders and died before sending them is covered by the
 * next process, once.
 */
import { afterAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./db.ts";
import { createHarness, FAKE_WORKSPACE, type Harness } from "../../fakes/harness.ts";
import { slotContaining, slotsBetween } from "../../../src/jobs/slots.ts";

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function pair(name: string): Promise<[Harness, Harness]> {
  const db = await freshDatabase(name);
  cleanups.push(db.drop);
  const a = await createHarness({ admins: ["amina"], databaseUrl: db.url, now: "2026-11-23T10:00:00Z" });
  const b = await createHarness({ admins: ["amina"], databaseUrl: db.url, now: "2026-11-23T10:00:00Z" });
  cleanups.push(
    () => a.stop(),
    () => b.stop(),
  );
  return [a, b];
}

async function seedReviews(h: Harness, count: number) {
  await h.command("amina", "role <@carlos> coordinator");
  for (let i = 0; i < count; i++) {
    await h.command("carlos", `partner add "Partner ${i}" lead <@carlos>`);
    await h.command("carlos", `review add "Partner ${i}" annual-review 2026-12-${String(10 + i).padStart(2, "0")}`);
  }
}

describe("review reminders across replicas (PostgreSQL)", () => {
  it("two scheduler instances running the same slots send each reminder once", async () => {
    const [a, b] = await pair("sched_two");
    await seedReviews(a, 5);
    const job = a.app.jobs.get("review-reminders");
    // Every 15-minute slot of the days when the 7-day reminders fall (3–7 Dec, 09:00 UTC).
    const slots = slotsBetween(job, new Date("2026-12-03T00:00:00Z"), new Date("2026-12-07T23:59:00Z"));
    let ran = 0;
    for (const slot of slots) {
      a.clock.set(slot);
      b.clock.set(slot);
      const outcomes = await Promise.all([a.app.jobs.runSlot(job, slot), b.app.jobs.runSlot(b.app.jobs.get("review-reminders"), slot)]);
      ran += outcomes.filter((o) => o.status === "ran").length;
      expect(outcomes.filter((o) => o.status === "ran")).toHaveLength(1);
    }
    expect(ran).toBe(slots.length);
    await Promise.all([a.flush(), b.flush()]);
    const delivered = [...a.fake.deliveries, ...b.fake.deliveries].filter((d) => a.fake.textOf(d).includes("is due in 7 days"));
    expect(delivered).toHaveLength(5);
    expect(new Set(delivered.map((d) => a.fake.textOf(d))).size).toBe(5);
  });

  it("a process killed after claiming reminders but before sending them: the next process sends them once", async () => {
    const [a, b] = await pair("sched_crash");
    await seedReviews(a, 3);
    const job = a.app.jobs.get("review-reminders");
    const slot = slotContaining(job, new Date("2026-12-03T09:00:00Z"));
    a.clock.set(slot);
    expect(await a.app.jobs.runSlot(job, slot)).toMatchObject({ status: "ran", result: { reviews: 1 } });
    // The worker of process A claims the reminder and dies before the platform call.
    const claimed = await a.app.store.outbox.claim(a.clock.now(), 10, 60_000);
    expect(claimed.map((m) => m.dedupeKey).filter((k) => k.startsWith("review:"))).toHaveLength(1);
    await a.app.store.close();
    expect(a.fake.deliveries.filter((d) => a.fake.textOf(d).includes("Annual review of Partner"))).toHaveLength(0);

    // Process B starts after A's lock expired.
    b.clock.set(new Date(slot.getTime() + 2 * 60_000));
    await b.flush();
    const reminders = () => b.fake.deliveries.filter((d) => b.fake.textOf(d).includes("Annual review of Partner"));
    expect(reminders()).toHaveLength(1);
    // Running the slot again, or the next slots, sends nothing more.
    expect(await b.app.jobs.runSlot(b.app.jobs.get("review-reminders"), slot)).toMatchObject({ status: "skipped", reason: "already-run" });
    const next = new Date(slot.getTime() + 15 * 60_000);
    b.clock.set(next);
    await b.app.jobs.runSlot(b.app.jobs.get("review-reminders"), next);
    await b.flush();
    expect(reminders()).toHaveLength(1);
    const rows = await b.app.store.outbox.list({ workspaceId: FAKE_WORKSPACE });
    expect(rows.filter((r) => r.dedupeKey.startsWith("review:"))).toHaveLength(1);
  });
});

describe("the node-cron run coordinator (PostgreSQL)", () => {
  it("lets exactly one of two replicas run a slot node-cron offers to both", async () => {
    const { createLedgerCoordinator } = await import("../../../src/jobs/scheduler.ts");
    const [a, b] = await pair("coordinator");
    const ca = createLedgerCoordinator(a.app.jobs);
    const cb = createLedgerCoordinator(b.app.jobs);
    const key = "retention:2026-11-24T03:00:00.000Z";
    const answers = await Promise.all([ca.shouldRun(key, 60_000), cb.shouldRun(key, 60_000)]);
    expect(answers.filter(Boolean)).toHaveLength(1);
    expect(await ca.shouldRun("nope:2026-11-24T03:00:00.000Z", 60_000)).toBe(false);
    expect(await ca.shouldRun("garbage", 60_000)).toBe(false);
  });
});

describe("weekly summary across replicas (PostgreSQL)", () => {
  it("two schedulers post each channel's summary once", async () => {
    const [a, b] = await pair("summary_two");
    await a.command("amina", "role <@lena> lead");
    // Subscribed from inside each channel (naming another channel needs its member list).
    await a.command("lena", "summary subscribe day monday time 09:00", { conversation: "C-LEADS" });
    await a.command("lena", "summary subscribe day monday time 09:00", { conversation: "C-TEAM" });
    const job = a.app.jobs.get("weekly-summary");
    for (const at of ["2026-11-30T08:45:00Z", "2026-11-30T09:00:00Z", "2026-11-30T09:15:00Z", "2026-11-30T13:00:00Z"]) {
      const slot = slotContaining(job, new Date(at));
      a.clock.set(slot);
      b.clock.set(slot);
      await Promise.all([a.app.jobs.runSlot(job, slot), b.app.jobs.runSlot(b.app.jobs.get("weekly-summary"), slot)]);
    }
    // A replica that restarts and replays the morning's slots (as catch-up would) posts nothing more.
    await b.app.jobs.runSlot(b.app.jobs.get("weekly-summary"), slotContaining(job, new Date("2026-11-30T09:00:00Z")));
    await Promise.all([a.flush(), b.flush()]);
    const posts = [...a.fake.deliveries, ...b.fake.deliveries].filter((d) => d.audience === null && (d.conversationId === "C-LEADS" || d.conversationId === "C-TEAM"));
    expect(posts.map((d) => d.conversationId).sort()).toEqual(["C-LEADS", "C-TEAM"]);
  });
});
