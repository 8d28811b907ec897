import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buttonsOf, createHarness, FAKE_WORKSPACE, type Harness } from "../fakes/harness.ts";
import { slotContaining } from "../../src/jobs/slots.ts";

const partners = ["p1", "p2", "p3", "p4", "p5", "p6"];
let h: Harness;

beforeEach(async () => {
  h = await createHarness({ admins: ["amina"], now: "2026-11-23T08:00:00Z" });
  await h.command("amina", "role <@carlos> coordinator");
  h.fake.rosters.set(
    "C-P",
    partners.map((userId) => ({ userId, reachable: true })),
  );
});
afterEach(async () => {
  await h.stop();
});

async function runJob(id: string, at: string) {
  h.clock.set(at);
  const job = h.app.jobs.get(id);
  const outcome = await h.app.jobs.runSlot(job, slotContaining(job, h.clock.now()));
  await h.flush();
  return outcome;
}

async function answer(userId: string, values: Record<string, string>) {
  const [round] = await h.app.store.rounds.list(FAKE_WORKSPACE, { kind: "pulse", status: "open" });
  const invitation = h.fake.deliveries.find((d) => d.conversationId === `D-${userId}`)!;
  await h.click(userId, invitation, `pulse:open:${round!.id}`);
  await h.click(userId, invitation, `pulse:submit:${round!.id}`, values);
}

const reminders = (user: string) => h.fake.deliveries.filter((d) => d.conversationId === `D-${user}` && h.fake.textOf(d).startsWith("Reminder:")).length;

describe("pulse reminders and recurrence", () => {
  it("reminds non-respondents at most twice (half-way, 24 h before close), in their daytime, unless they opted out", async () => {
    // Opens Mon 08:00 UTC, closes Mon +7d 08:00: half-way Thu 20:00 UTC, 24 h before: Sun 08:00 UTC.
    await h.command("carlos", "pulse start partner-pulse closes in 7d", { conversation: "C-P" });
    await h.app.store.members.update(FAKE_WORKSPACE, "p2", { timezone: "Asia/Kathmandu" });
    await h.app.store.members.update(FAKE_WORKSPACE, "p3", { remindersOptOut: true });
    await answer("p1", { "q:respect": "4" });

    expect(await runJob("pulse-reminders", "2026-11-26T19:00:00Z")).toMatchObject({ result: { sent: 0 } }); // before half-way
    // 20:00 UTC: night in UTC, but 01:45 in Kathmandu: nobody is in daytime.
    expect(await runJob("pulse-reminders", "2026-11-26T20:00:00Z")).toMatchObject({ result: { sent: 0 } });
    // 04:00 UTC = 09:45 Kathmandu: p2's morning.
    expect(await runJob("pulse-reminders", "2026-11-27T04:00:00Z")).toMatchObject({ result: { sent: 1 } });
    expect(reminders("p2")).toBe(1);
    // 09:00 UTC: the others' morning.
    expect(await runJob("pulse-reminders", "2026-11-27T09:00:00Z")).toMatchObject({ result: { sent: 3 } });
    expect(await runJob("pulse-reminders", "2026-11-27T10:00:00Z")).toMatchObject({ result: { sent: 0 } });
    expect(reminders("p1")).toBe(0); // answered
    expect(reminders("p3")).toBe(0); // opted out
    // p4 answers after the first reminder; the second reminder skips them.
    await answer("p4", { "q:respect": "3" });
    expect(await runJob("pulse-reminders", "2026-11-29T09:00:00Z")).toMatchObject({ result: { sent: 3 } });
    expect(await runJob("pulse-reminders", "2026-11-29T15:00:00Z")).toMatchObject({ result: { sent: 0 } });
    expect([reminders("p2"), reminders("p4"), reminders("p5"), reminders("p6")]).toEqual([2, 1, 2, 2]);
  });

  it("lets a person stop a round's reminders from the reminder itself, leaving no trace on their member row", async () => {
    await h.command("carlos", "pulse start partner-pulse closes in 4d", { conversation: "C-P" });
    await runJob("pulse-reminders", "2026-11-25T09:00:00Z");
    const reminder = h.fake.deliveries.find((d) => d.conversationId === "D-p5" && h.fake.textOf(d).startsWith("Reminder:"))!;
    const off = buttonsOf(reminder.card).find((b) => b.actionId.startsWith("pulse.reminders-off:"))!;
    const before = await h.app.store.rawQuery("SELECT xmin::text AS x, * FROM members WHERE user_id = 'p5'");
    expect(h.text(await h.click("p5", reminder, off.actionId))).toContain("no more reminders for this pulse");
    // The opt-out is a one-way code under the round's secret, not a change to the person's row.
    expect(await h.app.store.rawQuery("SELECT xmin::text AS x, * FROM members WHERE user_id = 'p5'")).toEqual(before);
    expect(await runJob("pulse-reminders", "2026-11-26T09:00:00Z")).toMatchObject({ result: { sent: 5 } });
    expect(h.fake.deliveries.filter((d) => d.conversationId === "D-p5" && h.fake.textOf(d).startsWith("Reminder:"))).toHaveLength(1);
    // The general preference is still a command away.
    expect(h.text(await h.command("p5", "pulse reminders off"))).toContain("You will get no more pulse reminders");
    expect((await h.app.store.members.get(FAKE_WORKSPACE, "p5"))?.remindersOptOut).toBe(true);
    expect(h.text(await h.command("p5", "pulse reminders on"))).toContain("Pulse reminders are on");
  });

  it("repeats a monthly round with the same audience and compares with the previous round", async () => {
    await h.command("carlos", "pulse start partner-pulse closes in 7d every month", { conversation: "C-P" });
    for (const p of partners.slice(0, 5)) await answer(p, { "q:respect": "2", "q:design-involvement": "2", "q:long-term": "3" });
    await runJob("pulse-rounds", "2026-11-30T08:05:00Z");
    const [next] = await h.app.store.rounds.list(FAKE_WORKSPACE, { kind: "pulse", status: "scheduled" });
    expect(next).toMatchObject({ recurrence: "monthly", audience: { channels: ["C-P"], users: [] } });
    expect(next!.opensAt.toISOString()).toBe("2026-12-23T08:00:00.000Z");
    h.fake.reset();
    expect(await runJob("pulse-rounds", "2026-12-23T08:05:00Z")).toMatchObject({ result: { opened: 1 } });
    expect(h.fake.deliveries.filter((d) => h.fake.textOf(d).includes("a short anonymous pulse"))).toHaveLength(6);
    for (const p of partners.slice(0, 5)) await answer(p, { "q:respect": "4", "q:design-involvement": "4", "q:long-term": "3" });
    await runJob("pulse-rounds", "2026-12-30T08:05:00Z");
    const post = h.fake.deliveries.find((d) => d.conversationId === "C-P" && h.fake.textOf(d).includes("Pulse results"))!;
    const text = h.fake.textOf(post);
    expect(text).toMatch(/\*4\.0\* \(↑ 2\.0\)\s+Our two organisations work together with mutual respect/);
    expect(text).toMatch(/\*3\.0\* \(→ 0\.0\)\s+Our relationship is meant to last beyond any single project/);
    // Equitable from two questions, with its change; Deep from one question is no score.
    expect(text).toMatch(/Equitable\n?.*4\.0 \/ 5 \(↑ 2\.0\)/);
    expect(text).toContain("Equitable: questions 1, 2");
    expect(text).not.toContain("Deep");
    expect(text).toContain("Changes are against round");
  });
});
