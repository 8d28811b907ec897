import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buttonsOf, createHarness, FAKE_WORKSPACE, type Harness } from "../fakes/harness.ts";
import { slotContaining } from "../../src/jobs/slots.ts";
import { importPartnerships } from "../../src/reviews/import.ts";

let h: Harness;
beforeEach(async () => {
  // Monday 23 November 2026, 10:00 London.
  h = await createHarness({ admins: ["amina"], now: "2026-11-23T10:00:00Z" });
  await h.command("amina", "role <@carlos> coordinator");
  await h.command("amina", "settings timezone Europe/London");
  // These tests count the events they add; the default calendar has its own tests (calendar.test.ts).
  await h.command("amina", "settings auto-schedule off");
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

describe("partnership register", () => {
  it("adds a partnership with every field, echoes the renewal date, and shows it", async () => {
    const added = h.text(
      await h.command(
        "carlos",
        'partner add "Shanti Network" category consortium, learning community spectrum locally led country Nepal lead <@carlos> start 2024-01-15 end in 45 days notes "Two field offices"',
      ),
    );
    expect(added).toContain("Added Shanti Network to the partnership register");
    expect(added).toContain("The agreement ends Thu, 7 Jan 2027 (in 45 days)");
    const shown = h.text(await h.command("carlos", "partner show shanti"));
    expect(shown).toContain("consortium, learning-community");
    expect(shown).toContain("locally-led");
    expect(shown).toContain("Nepal");
    expect(shown).toContain("Agreement renewal");
    expect(shown).toContain("Two field offices");
    expect(h.text(await h.command("carlos", "partner list"))).toContain("*Shanti Network* · Nepal · locally-led");
  });

  it("refuses duplicates, bad categories, impossible or past dates, and unknown names with suggestions", async () => {
    await h.command("carlos", 'partner add "Shanti Network"');
    expect(h.text(await h.command("carlos", 'partner add "shanti  network"'))).toContain('A partnership called "shanti  network" already exists');
    expect(h.text(await h.command("carlos", 'partner add "X" category charity'))).toContain(
      '"charity" is not a partnership category. Use one or more of: learning-community, consortium',
    );
    expect(h.text(await h.command("carlos", 'partner add "X" spectrum remote'))).toContain('"remote" is not on the leadership spectrum');
    expect(h.text(await h.command("carlos", 'partner add "X" end 2027-02-31'))).toContain('"2027-02-31" is not a real date');
    expect(h.text(await h.command("carlos", 'partner add "X" end 2020-01-01'))).toContain("is in the past");
    expect(h.text(await h.command("carlos", "partner show Shanty Netwrk"))).toContain('Did you mean "Shanti Network"?');
    expect(h.text(await h.command("carlos", "partner show Zzzz"))).toContain('There is no partnership "Zzzz"');
    expect((await h.app.store.partnerships.list(FAKE_WORKSPACE)).map((p) => p.name)).toEqual(["Shanti Network"]);
  });

  it("edits fields, moves the renewal with the end date, and archives", async () => {
    await h.command("carlos", 'partner add "Tuungane Alliance" end 2027-06-30');
    expect(h.text(await h.command("carlos", 'partner edit "Tuungane Alliance" end 2027-09-30 country Kenya'))).toContain("Updated Tuungane Alliance: end, country.");
    const [renewal] = await h.app.store.reviews.listOpen(FAKE_WORKSPACE);
    expect(renewal).toMatchObject({ kind: "agreement-renewal", dueDate: "2027-09-30" });
    expect(await h.app.store.reviews.listOpen(FAKE_WORKSPACE)).toHaveLength(1);
    expect(h.text(await h.command("carlos", "partner archive Tuungane"))).toContain("is archived");
    expect(h.text(await h.command("carlos", "partner list"))).toContain("register is empty");
    expect(h.text(await h.command("carlos", "partner list all"))).toContain("(archived)");
  });

  it("refuses register changes to partners and leads", async () => {
    expect(h.text(await h.command("priya", 'partner add "X"'))).toContain("needs the admin or coordinator role");
    await h.command("amina", "role <@lena> lead");
    expect(h.text(await h.command("lena", 'partner add "X"'))).toContain("needs the admin or coordinator role");
    expect(h.text(await h.command("lena", "partner list"))).toContain("register is empty");
  });
});

describe("review calendar", () => {
  beforeEach(async () => {
    await h.command("carlos", 'partner add "Shanti Network" lead <@carlos>');
  });

  it("adds reviews with ISO and relative dates, lists them, and records done with the next occurrence", async () => {
    expect(h.text(await h.command("carlos", "review add Shanti Network annual-review 2027-03-01 every 12m"))).toMatch(
      /Annual review for Shanti Network on Mon, 1 Mar 2027 \(in 98 days\), review `\w+`/,
    );
    expect(h.text(await h.command("carlos", 'review add Shanti "donor visit" in 3 weeks'))).toContain("donor visit for Shanti Network on Mon, 14 Dec 2026 (in 21 days)");
    expect(h.text(await h.command("carlos", "review add Shanti joint-reflection next monday"))).toContain("on Mon, 30 Nov 2026 (in 7 days)");
    const list = h.text(await h.command("carlos", "review list"));
    expect(list).toContain("donor visit");
    expect(list).toContain("Annual joint reflection");
    expect(list).not.toContain("Annual review"); // 98 days away
    expect(h.text(await h.command("carlos", "review list 120d"))).toContain("Annual review");
    const annual = (await h.app.store.reviews.listOpen(FAKE_WORKSPACE)).find((e) => e.kind === "annual-review")!;
    const done = h.text(await h.command("carlos", `review done ${annual.ref} agreed a shared reporting calendar`));
    expect(done).toContain("marked done");
    expect(done).toContain("Next occurrence scheduled for Wed, 1 Mar 2028");
    const [finished] = await h.app.store.reviews.listDone(FAKE_WORKSPACE);
    expect(finished).toMatchObject({ notes: "agreed a shared reporting calendar" });
    expect(h.text(await h.command("carlos", `review done ${annual.ref}`))).toContain("already done");
  });

  it("refuses past, impossible and unreadable dates, unknown partnerships and reviews", async () => {
    expect(h.text(await h.command("carlos", "review add Shanti annual-review 2026-01-01"))).toContain("is in the past");
    expect(h.text(await h.command("carlos", "review add Shanti annual-review 2027-02-31"))).toContain('"2027-02-31" is not a real date');
    expect(h.text(await h.command("carlos", "review add Shanti annual-review whenever"))).toContain('could not read "whenever" as a date');
    expect(h.text(await h.command("carlos", "review add Shantti annual-review 2027-03-01"))).toContain('Did you mean "Shanti Network"?');
    expect(h.text(await h.command("carlos", "review done nope"))).toContain("There is no review `nope`");
    expect(await h.app.store.reviews.listOpen(FAKE_WORKSPACE)).toEqual([]);
  });

  it("snoozes a review, and reminders follow the new date", async () => {
    await h.command("carlos", "review add Shanti annual-review 2026-12-01");
    const [event] = await h.app.store.reviews.listOpen(FAKE_WORKSPACE);
    expect(h.text(await h.command("carlos", `review snooze ${event!.ref} 2w`))).toContain("moved to Tue, 15 Dec 2026");
    expect(h.text(await h.command("carlos", `review snooze ${event!.ref} until 2025-01-01`))).toContain("is in the past");
  });

  it("reminds the lead coordinator by DM at the 30-day mark at 09:00 their time, once, with working buttons", async () => {
    await h.app.store.members.update(FAKE_WORKSPACE, "carlos", { timezone: "Asia/Kathmandu" });
    await h.command("carlos", "review add Shanti annual-review 2027-01-15");
    // 30 days before: 16 Dec 2026, 09:00 Kathmandu = 03:15 UTC.
    expect(await runReminders("2026-12-16T03:00:00Z")).toMatchObject({ result: { reviews: 0 } });
    expect(await runReminders("2026-12-16T03:15:00Z")).toMatchObject({ result: { reviews: 1 } });
    expect(await runReminders("2026-12-16T03:30:00Z")).toMatchObject({ result: { reviews: 0 } });
    const reminder = h.fake.deliveries.find((d) => d.conversationId === "D-carlos")!;
    expect(h.fake.textOf(reminder)).toContain("Annual review of Shanti Network is due in 30 days, on Fri, 15 Jan 2027");
    const snooze = buttonsOf(reminder.card).find((b) => b.label === "Snooze a week")!;
    expect(h.text(await h.click("carlos", reminder, snooze.actionId))).toContain("moved to Fri, 22 Jan 2027");
    const done = buttonsOf(reminder.card).find((b) => b.label === "Mark done")!;
    expect(h.text(await h.click("carlos", reminder, done.actionId))).toContain("marked done");
  });

  it("holds back 'rubric check-in due' reminders while check-ins are paused", async () => {
    await h.command("carlos", "review add Shanti rubric-checkin 2026-12-24");
    const p = (await h.app.store.partnerships.findByName(FAKE_WORKSPACE, "Shanti Network"))!;
    await h.app.store.partnerships.setPause(p.id, "trust is low", h.clock.now());
    expect(await runReminders("2026-12-17T09:00:00Z")).toMatchObject({ result: { reviews: 0 } });
    await h.app.store.partnerships.setPause(p.id, null, h.clock.now());
    expect(await runReminders("2026-12-17T09:15:00Z")).toMatchObject({ result: { reviews: 1 } });
  });
});

describe("agreed actions", () => {
  it("adds, lists and closes actions; reminds the owner on the due date and weekly when overdue", async () => {
    await h.command("carlos", 'partner add "Shanti Network"');
    expect(h.text(await h.command("carlos", 'action add "Hold monthly coffee mornings" owner <@priya> due 2026-12-01 for Shanti'))).toContain("owner <@priya>");
    expect(h.text(await h.command("carlos", "action list"))).toContain("Hold monthly coffee mornings · <@priya> · Tue, 1 Dec 2026 (in 8 days) · Shanti Network");
    expect(h.text(await h.command("priya", "action list"))).toContain("Your open actions (1)");
    expect(h.text(await h.command("carlos", 'action add "x" due 2026-02-30'))).toContain("is not a real date");
    expect(h.text(await h.command("carlos", 'action add "x" element kindness'))).toContain('"kindness" is not a rubric element');
    expect(await runReminders("2026-12-01T09:00:00Z")).toMatchObject({ result: { actions: 1 } });
    expect(await runReminders("2026-12-05T09:00:00Z")).toMatchObject({ result: { actions: 0 } });
    expect(await runReminders("2026-12-08T09:00:00Z")).toMatchObject({ result: { actions: 1 } });
    const reminders = h.fake.deliveries.filter((d) => d.conversationId === "D-priya");
    expect(reminders.map((d) => h.fake.textOf(d).split("\n")[0])).toEqual([
      ':bell: Agreed action "Hold monthly coffee mornings" is due today.',
      ':bell: Agreed action "Hold monthly coffee mornings" is overdue by 7 days.',
    ]);
    const [action] = await h.app.store.actions.list(FAKE_WORKSPACE);
    expect(h.text(await h.command("tomas", `action done ${action!.ref}`))).toContain("belongs to someone else");
    expect(h.text(await h.command("priya", `action done ${action!.ref}`))).toContain('Done: "Hold monthly coffee mornings"');
    expect(await runReminders("2026-12-15T09:00:00Z")).toMatchObject({ result: { actions: 0 } });
  });
});

describe("CSV import", () => {
  it("imports all rows or none, reporting every rejected row with its reason", async () => {
    await h.command("carlos", 'partner add "Existing Org"');
    const workspace = (await h.app.store.workspaces.get(FAKE_WORKSPACE))!;
    const bad = [
      "name,categories,spectrum,country,end",
      "Good One,consortium,locally-led,Nepal,2027-05-01",
      ",knowledge,,,",
      "Bad Date,,,,2027-02-31",
      "Existing Org,,,,",
      "Good One,,,,",
      "Weird,charity,,,",
    ].join("\n");
    const report = await importPartnerships(h.app.deps, workspace, bad, "carlos");
    expect(report.imported).toBe(0);
    expect(report.rejected.map((r) => r.row)).toEqual([3, 4, 5, 6, 7]);
    expect(report.rejected.find((r) => r.row === 4)!.reason).toContain("is not a real date");
    expect(report.rejected.find((r) => r.row === 5)!.reason).toContain("already in the register");
    expect(report.rejected.find((r) => r.row === 6)!.reason).toContain("repeats row 2");
    expect(await h.app.store.partnerships.list(FAKE_WORKSPACE)).toHaveLength(1);

    const good = ["name,categories,spectrum,country,end", "Good One,consortium;knowledge,locally managed,Nepal,2027-05-01", "Second,,,Kenya,"].join("\n");
    expect(await importPartnerships(h.app.deps, workspace, good, "carlos")).toEqual({ imported: 2, rejected: [] });
    const renewal = await h.app.store.reviews.listOpen(FAKE_WORKSPACE);
    expect(renewal.map((r) => [r.kind, r.dueDate])).toEqual([["agreement-renewal", "2027-05-01"]]);
  });
});

describe("partners import from the CLI", () => {
  it("imports into the only workspace, or asks which one, and reports rejected rows", async () => {
    const { runCliRequest, parseCli, CliUsageError } = await import("../../src/cli/run.ts");
    expect(() => parseCli(["partners", "import"])).toThrow(CliUsageError);
    expect(() => parseCli(["partners", "import", "/no/such/file.csv"])).toThrow(/Cannot read \/no\/such\/file.csv/);
    const ok = await runCliRequest(h.app, { command: "partners.import", file: "p.csv", csv: "name,country\nRiver Trust,Uganda\n" });
    expect(ok).toEqual({ ok: true, output: `Imported 1 partnerships into ${FAKE_WORKSPACE}.\n` });
    const bad = await runCliRequest(h.app, { command: "partners.import", file: "p.csv", csv: "name,colour\nX,red\n" });
    expect(bad.ok).toBe(false);
    expect(bad.output).toContain("row 1: unknown columns colour");
    await h.app.store.workspaces.ensure({ platform: "slack", externalId: "T2" });
    const ambiguous = await runCliRequest(h.app, { command: "partners.import", file: "p.csv", csv: "name\nY\n" });
    expect(ambiguous.output).toContain("Say which workspace to import into with --workspace <id>. Workspaces: fake:T-FAKE, slack:T2");
  });
});
