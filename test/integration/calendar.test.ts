/**
 * A calendar that schedules itself (IIRR 4.9, Alert, CLARISSA, CARE): a new partnership gets an
 * annual joint reflection and a six-monthly check-in; closing a check-in schedules the next;
 * renewal reminders start 90 days ahead; portfolio-wide reviews; the partner's focal point is
 * reminded of joint reviews beside the INGO lead.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { slotContaining } from "../../src/jobs/slots.ts";
import { buttonsOf, createHarness, FAKE_WORKSPACE, type Harness } from "../fakes/harness.ts";

let h: Harness;
beforeEach(async () => {
  // Monday 23 November 2026, 10:00 UTC.
  h = await createHarness({ admins: ["amina"], now: "2026-11-23T10:00:00Z" });
  await h.command("amina", "role <@carlos> coordinator");
});
afterEach(async () => {
  await h.stop();
});

async function runReminders(at: string) {
  h.clock.set(at);
  const job = h.app.jobs.get("review-reminders");
  const outcome = await h.app.jobs.runSlot(job, slotContaining(job, h.clock.now()));
  await h.flush();
  return outcome;
}

const open = async () => (await h.app.store.reviews.listOpen(FAKE_WORKSPACE)).map((e) => [e.kind, e.dueDate, e.everyMonths]);

describe("default calendar", () => {
  it("gives a new partnership an annual joint reflection and a six-monthly check-in, both repeating", async () => {
    const added = h.text(await h.command("carlos", 'partner add "Shanti Network" lead <@carlos>'));
    expect(added).toContain("Scheduled with it: Annual joint reflection Tue, 23 Nov 2027");
    expect(added).toContain("Rubric check-in due Sun, 23 May 2027");
    expect(await open()).toEqual([
      ["rubric-checkin", "2027-05-23", 6],
      ["joint-reflection", "2027-11-23", 12],
    ]);
    // Turned off, a new partnership starts with an empty calendar.
    await h.command("amina", "settings auto-schedule off");
    expect(h.text(await h.command("carlos", 'partner add "Tuungane Alliance"'))).not.toContain("Scheduled with it");
    expect(await open()).toHaveLength(2);
    expect(h.text(await h.command("amina", "settings auto-schedule maybe"))).toContain('"maybe" is not on or off');
  });

  it("closing a check-in marks the one due as held and schedules the next a cadence later", async () => {
    await h.command("carlos", 'partner add "Shanti Network"');
    h.fake.rosters.set(
      "C-S",
      ["s1", "s2", "s3", "s4", "s5", "s6"].map((userId) => ({ userId, reachable: true })),
    );
    await h.command("carlos", 'rubric start for "Shanti Network" confirm', { conversation: "C-S" });
    h.clock.advance(8 * 86_400_000);
    await h.command("carlos", 'rubric close "Shanti Network"');
    const done = await h.app.store.reviews.listDone(FAKE_WORKSPACE);
    expect(done.map((e) => [e.kind, e.notes])).toEqual([["rubric-checkin", expect.stringMatching(/^round \w+$/)]]);
    // The default cadence is 180 days from the close (1 Dec 2026).
    expect((await open()).find(([kind]) => kind === "rubric-checkin")).toEqual(["rubric-checkin", "2027-05-30", 6]);
  });
});

describe("reminders", () => {
  it("reminds of an agreement renewal 90, 30 and 7 days ahead by default", async () => {
    await h.command("amina", "settings auto-schedule off");
    await h.command("carlos", 'partner add "Shanti Network" lead <@carlos> end 2027-06-30');
    const sent: string[] = [];
    for (const day of ["2027-04-01", "2027-05-31", "2027-06-23", "2027-06-29"]) {
      const outcome = await runReminders(`${day}T09:00:00Z`);
      if ((outcome as unknown as { result: { reviews: number } }).result.reviews > 0) sent.push(day);
    }
    expect(sent).toEqual(["2027-04-01", "2027-05-31", "2027-06-23"]);
    expect(h.fake.textOf(h.fake.deliveries.find((d) => d.conversationId === "D-carlos")!)).toContain("Agreement renewal of Shanti Network is due in 90 days");
    expect(h.text(await h.command("amina", "settings renewal-reminders 120, 60"))).toContain("120, 60");
  });

  it("records portfolio-wide reviews and reminds whoever added them", async () => {
    const added = h.text(await h.command("carlos", "review add all team-review 2026-12-30"));
    expect(added).toContain("Annual team partnership review for all partnerships on Wed, 30 Dec 2026");
    expect(h.text(await h.command("carlos", "review list 60d"))).toContain("*Annual team partnership review*: all partnerships");
    expect(await runReminders("2026-11-30T09:00:00Z")).toMatchObject({ result: { reviews: 1 } });
    expect(h.fake.textOf(h.fake.deliveries.find((d) => d.conversationId === "D-carlos")!)).toContain("Annual team partnership review of all partnerships is due in 30 days");
  });

  it("reminds the partner's focal point of a joint review too, without the coordinator's buttons", async () => {
    await h.command("amina", "settings auto-schedule off");
    await h.command("carlos", 'partner add "Shanti Network" lead <@carlos>');
    expect(h.text(await h.command("carlos", "partner edit Shanti focal <@priya>"))).toContain("focal");
    expect(h.text(await h.command("carlos", "partner show Shanti"))).toContain("<@priya>");
    await h.command("carlos", "review add Shanti joint-reflection 2026-12-30");
    await h.command("carlos", 'review add Shanti "budget check" 2026-12-30');
    expect(await runReminders("2026-11-30T09:00:00Z")).toMatchObject({ result: { reviews: 3 } });
    const toPriya = h.fake.deliveries.filter((d) => d.conversationId === "D-priya");
    expect(toPriya).toHaveLength(1);
    expect(h.fake.textOf(toPriya[0]!)).toContain("Annual joint reflection of Shanti Network is due in 30 days");
    expect(h.fake.textOf(toPriya[0]!)).toContain("focal point");
    expect(buttonsOf(toPriya[0]!.card)).toEqual([]);
    const toCarlos = h.fake.deliveries.filter((d) => d.conversationId === "D-carlos");
    expect(toCarlos).toHaveLength(2);
    expect(buttonsOf(toCarlos[0]!.card).map((b) => b.label)).toEqual(["Mark done", "Snooze a week"]);
  });
});
