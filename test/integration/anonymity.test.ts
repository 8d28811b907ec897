/**
 * The nine anonymity rules of DESIGN.md §3, one test each (rule 3 also in gate.test.ts and
 * pulse-gate.property.test.ts), through the real core, the fake platform and a real PGlite.
 */
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buttonsOf, createHarness, FAKE_TEAM, FAKE_WORKSPACE, type Harness } from "../fakes/harness.ts";
import { slotContaining } from "../../src/jobs/slots.ts";

const people = [
  { id: "U7QX31PRIYA", name: "Priya Raman" },
  { id: "U8ZK44TOMAS", name: "Tomás Quispe" },
  { id: "U9WM55WANJ", name: "Wanjiru Kamau" },
  { id: "U1AB66KOFI", name: "Kofi Mensah" },
  { id: "U2CD77SITA", name: "Sita Gurung" },
  { id: "U3EF88AMANI", name: "Amani Juma" },
];
let h: Harness;

beforeEach(async () => {
  h = await createHarness({ admins: ["amina"], now: "2026-11-23T10:17:43.512Z" });
  await h.command("amina", "role <@carlos> coordinator");
  h.fake.rosters.set(
    "C-PARTNERS",
    people.map((p) => ({ userId: p.id, displayName: p.name, reachable: true })),
  );
  for (const p of people) await h.app.store.members.ensure(FAKE_WORKSPACE, p.id, p.name);
});
afterEach(async () => {
  await h.stop();
});

async function roundId(): Promise<string> {
  const [round] = await h.app.store.rounds.list(FAKE_WORKSPACE, { kind: "pulse" });
  return round!.id;
}

async function answerAs(userId: string, values: Record<string, string>): Promise<string[]> {
  const invitation = h.fake.deliveries.find((d) => d.conversationId === `D-${userId}`)!;
  const id = await roundId();
  await h.click(userId, invitation, `pulse:open:${id}`);
  await h.click(userId, invitation, `pulse:submit:${id}`, values);
  return invitation.versions.map((v) => JSON.stringify(v)).concat(invitation.id);
}

/** Closes the round once its minimum open time (48 h) has passed, as a coordinator would have to. */
async function closeLater(): Promise<void> {
  h.clock.advance(49 * 3_600_000);
  await h.command("carlos", "pulse close");
}

const answers = (n: number, comment: string) => ({ "q:respect": String(n), "q:long-term": String(6 - n), "q:fundraising": "skip", "q:comment": comment });

describe("anonymity rules (DESIGN.md §3)", () => {
  it("rule 1: no column of submissions, answers, comments or participation holds an id, name, message id, conversation or exact time", async () => {
    await h.command("carlos", "pulse start partner-pulse", { conversation: "C-PARTNERS" });
    const messageIds: string[] = [];
    for (const [i, p] of people.entries()) {
      h.clock.advance(37_123 + i * 1000);
      await answerAs(p.id, answers((i % 5) + 1, `comment number ${i}`));
      messageIds.push(h.fake.deliveries.find((d) => d.conversationId === `D-${p.id}`)!.id);
    }
    // Participation codes exist while the round is open (and are removed once counted at close).
    const participations = await h.app.store.rawQuery<Record<string, unknown>>("SELECT * FROM participations");
    expect(participations).toHaveLength(6);
    await closeLater();
    const forbidden = [...people.flatMap((p) => [p.id, p.name, `D-${p.id}`]), ...messageIds.map((m) => `"${m}"`), "carlos", FAKE_TEAM];
    for (const table of ["submissions", "answers", "comments", "participations"]) {
      const rows = table === "participations" ? participations : await h.app.store.rawQuery<Record<string, unknown>>(`SELECT * FROM ${table}`);
      expect(rows.length, table).toBeGreaterThan(0);
      for (const row of rows) {
        for (const [column, value] of Object.entries(row)) {
          const text = value instanceof Date ? value.toISOString() : JSON.stringify(value);
          for (const f of forbidden) expect(text, `${table}.${column}`).not.toContain(f);
          if (value instanceof Date) expect(value.toISOString(), `${table}.${column} keeps the day only`).toMatch(/T00:00:00\.000Z$/);
        }
      }
    }
    // Comments are stored apart: no column links them to a submission.
    const commentColumns = Object.keys((await h.app.store.rawQuery<Record<string, unknown>>("SELECT * FROM comments LIMIT 1"))[0]!);
    expect(commentColumns.sort()).toEqual(["id", "item_key", "organisation", "round_id", "submitted_on", "text"]);
  });

  it("rule 2: participation is an HMAC under a round secret that is erased at close, written apart from the answer", async () => {
    await h.command("carlos", "pulse start partner-pulse", { conversation: "C-PARTNERS" });
    const id = await roundId();
    for (const p of people.slice(0, 3)) await answerAs(p.id, answers(4, "x"));
    const hashes = await h.app.store.rawQuery<{ person_hash: string; xmin: string }>("SELECT person_hash, xmin::text AS xmin FROM participations");
    expect(hashes).toHaveLength(3);
    for (const row of hashes) expect(row.person_hash).toMatch(/^[0-9a-f]{64}$/);
    // Each participation row was written by a different transaction than any submission row.
    const submissionTx = new Set((await h.app.store.rawQuery<{ xmin: string }>("SELECT xmin::text AS xmin FROM submissions")).map((r) => r.xmin));
    const answerTx = new Set((await h.app.store.rawQuery<{ xmin: string }>("SELECT xmin::text AS xmin FROM answers")).map((r) => r.xmin));
    for (const row of hashes) {
      expect(submissionTx.has(row.xmin)).toBe(false);
      expect(answerTx.has(row.xmin)).toBe(false);
    }
    expect(await h.app.store.rounds.secret(id)).not.toBeNull();
    expect(await h.app.store.rounds.invitees(id)).toHaveLength(6);
    await closeLater();
    expect(await h.app.store.rounds.secret(id)).toBeNull();
    expect((await h.app.store.rawQuery<{ secret: string | null }>("SELECT secret FROM rounds WHERE id = $1", id))[0]!.secret).toBeNull();
    expect(await h.app.store.rounds.invitees(id)).toEqual([]);
    // Invitations and reminders (who was asked) are gone from the outbox too.
    const outbox = await h.app.store.rawQuery<{ dedupe_key: string }>("SELECT dedupe_key FROM outbox WHERE dedupe_key LIKE $1", `pulse:${id}:%`);
    expect(outbox).toEqual([]);
  });

  it("rule 3: results and comments appear only at the threshold (one below: withheld, with how many more were needed)", async () => {
    await h.command("amina", "settings comment-threshold 6");
    await h.command("carlos", "pulse start partner-pulse", { conversation: "C-PARTNERS" });
    for (const p of people.slice(0, 5)) await answerAs(p.id, answers(4, "visible only at six"));
    await closeLater();
    const text = h.text(await h.command("carlos", "pulse results"));
    expect(text).toContain("4.0");
    expect(text).not.toContain("visible only at six");
    expect(text).toContain("Comments are hidden: 1 more response was needed");
  });

  it("rule 4: coordinators see counts, never names; reminders go only to non-respondents, privately", async () => {
    await h.command("carlos", "pulse start partner-pulse closes in 4d", { conversation: "C-PARTNERS" });
    for (const p of people.slice(0, 2)) await answerAs(p.id, answers(3, "c"));
    // The count is yesterday's: it shows the next day, never the moment someone answers.
    h.clock.set("2026-11-24T08:00:00Z");
    const status = h.text(await h.command("carlos", "pulse status"));
    expect(status).toContain("2 of 6 had answered");
    for (const p of people) {
      expect(status).not.toContain(p.id);
      expect(status).not.toContain(p.name);
    }
    // Half-way is 2 days after the start (10:17 UTC): the 11:00 UTC slot is daytime in UTC.
    h.clock.set("2026-11-25T11:00:00Z");
    const job = h.app.jobs.get("pulse-reminders");
    expect(await h.app.jobs.runSlot(job, slotContaining(job, h.clock.now()))).toMatchObject({ status: "ran", result: { sent: 4 } });
    await h.flush();
    const reminded = h.fake.deliveries
      .filter((d) => h.fake.textOf(d).startsWith("Reminder:"))
      .map((d) => d.conversationId)
      .sort();
    expect(reminded).toEqual(
      people
        .slice(2)
        .map((p) => `D-${p.id}`)
        .sort(),
    );
    expect(h.fake.deliveries.filter((d) => h.fake.textOf(d).startsWith("Reminder:")).every((d) => d.audience === null && d.conversationId.startsWith("D-"))).toBe(true);
  });

  it("rule 5: answers cannot be edited after submission, and the bot says why", async () => {
    await h.command("carlos", "pulse start partner-pulse", { conversation: "C-PARTNERS" });
    await answerAs(people[0]!.id, answers(2, "first"));
    const invitation = h.fake.deliveries.find((d) => d.conversationId === `D-${people[0]!.id}`)!;
    const reply = h.text(await h.click(people[0]!.id, invitation, `pulse:submit:${await roundId()}`, answers(5, "changed my mind")));
    expect(reply).toContain("Answers cannot be changed or answered twice: nothing links them back to you");
    const comments = await h.app.store.responses.comments(await roundId());
    expect(comments.map((c) => c.text)).toEqual(["first"]);
  });

  it("rule 6: the invitation discloses what is stored, who sees what and the threshold before any question", async () => {
    await h.command("amina", "settings threshold 6");
    await h.command("carlos", "pulse start partner-pulse", { conversation: "C-PARTNERS" });
    const invitation = h.fake.deliveries.find((d) => d.conversationId === `D-${people[1]!.id}`)!;
    const first = invitation.versions[0]!;
    const text = h.fake.textOf({ ...invitation, card: first });
    expect(text).toContain("stored with a random id and the day only, never your name or id");
    expect(text).toContain("only once at least 6 people have answered");
    expect(first.elements.some((e) => e.type === "choices" || e.type === "input")).toBe(false);
    expect(buttonsOf(first).map((b) => b.actionId)[0]).toMatch(/^pulse\.open:/);
  });

  it("rule 7: logs never carry answer content, and never a user id next to an answer", async () => {
    await h.command("carlos", "pulse start partner-pulse", { conversation: "C-PARTNERS" });
    for (const p of people.slice(0, 3)) await answerAs(p.id, answers(5, `secret-comment-${p.id}`));
    const lines = h.logs.map((l) => JSON.stringify(l));
    // No line per submission at all: its time would say when someone answered.
    expect(lines.some((l) => /submission recorded/.test(l))).toBe(false);
    for (const line of lines) {
      expect(line).not.toContain("secret-comment");
      expect(line).not.toMatch(/"q:respect"/);
      if (people.some((p) => line.includes(p.id))) expect(line).not.toMatch(/"value"|"values"|answer/i);
    }
  });

  it("rule 8: comments are deleted after the retention period; aggregates remain", async () => {
    await h.command("amina", "settings retention 12");
    await h.command("carlos", "pulse start partner-pulse", { conversation: "C-PARTNERS" });
    for (const p of people.slice(0, 5)) await answerAs(p.id, answers(4, "old comment"));
    await closeLater();
    const id = await roundId();
    const job = h.app.jobs.get("retention");
    h.clock.set("2027-11-22T04:00:00Z");
    expect(await h.app.jobs.runSlot(job, slotContaining(job, h.clock.now()))).toMatchObject({ result: { commentsDeleted: 0 } });
    // Comments are dated the day the round closed (25 November), so they go a year after that.
    h.clock.set("2027-11-26T04:00:00Z");
    expect(await h.app.jobs.runSlot(job, slotContaining(job, h.clock.now()))).toMatchObject({ result: { commentsDeleted: 5 } });
    expect(await h.app.store.responses.comments(id)).toEqual([]);
    const results = h.text(await h.command("carlos", `pulse results ${id}`));
    expect(results).toContain("4.0");
    expect(results).not.toContain("old comment");
  });

  it("rule 9: the privacy document states the threat model and the residual risk honestly, and every test it cites exists", () => {
    const doc = readFileSync("docs/PRIVACY.md", "utf8");
    for (const heading of [
      "Threat model",
      "coordinator",
      "chat workspace admin",
      "database operator, while a round is open",
      "database operator, after a round closed",
      "backup reader",
      "Residual risk",
      "independent host",
      "Colluding colleagues",
    ]) {
      expect(doc.toLowerCase()).toContain(heading.toLowerCase());
    }
    // Claims name their tests: each cited attack, rule and file must exist, so the document
    // cannot keep promising what a deleted test no longer proves.
    const attacks = readFileSync("test/anonymity/attacks-db.ts", "utf8") + readFileSync("test/anonymity/attacks-chat.ts", "utf8");
    const cited = [...doc.matchAll(/attacks "([^"]+)"/g)].map((m) => m[1]!);
    const more = [...doc.matchAll(/attacks "[^"]+"((?:, "[^"]+")+)/g)].flatMap((m) => [...m[1]!.matchAll(/"([^"]+)"/g)].map((x) => x[1]!));
    expect(cited.length).toBeGreaterThan(8);
    for (const name of [...cited, ...more]) expect(attacks, `attack "${name}"`).toContain(`it("${name}`);
    const rules = readFileSync("test/integration/anonymity.test.ts", "utf8");
    for (const m of doc.matchAll(/"rule (\d+)"/g)) expect(rules).toContain(`it("rule ${m[1]}:`);
    for (const m of doc.matchAll(/`(test\/[\w/.-]+\.ts)`/g)) expect(() => readFileSync(m[1]!), m[1]).not.toThrow();
  });
});
