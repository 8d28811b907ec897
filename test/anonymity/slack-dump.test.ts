/**
 * The reviewer's whole attack, end to end through the Slack adapter: six partners answer a pulse in
 * a known order with distinct answers and comments; after the round closes, a full dump of every
 * table (with each row's physical position and writing transaction) and the logs are searched for
 * anything that ties a person to what they wrote or to when they answered.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSlackBot, TEAM, type SlackHarness } from "../fakes/slack-harness.ts";

const PARTNERS = ["UPA41", "UPB52", "UPC63", "UPD74", "UPE85", "UPF96"];
const NAMES = ["Anjali Thapa", "Bilal Ahmed", "Chandra Rai", "Dalia Mansour", "Esther Wanjiku", "Farhana Akter"];
/** The order they answer in, and what each answers: distinct enough to recognise every person. */
const ORDER = [3, 0, 5, 1, 4, 2];
const profile = (i: number) => ({
  "q:respect": String(i < 5 ? i + 1 : 3),
  "q:long-term": String(i < 5 ? 5 - i : 1),
  "q:comment": `remark by person ${i}: ${"xyzuvw"[i]!.repeat(4)}`,
});

let h: SlackHarness;
let answeringStarted = 0;
let answeringEnded = 0;
let logsFrom = 0;
let logsTo = 0;
let roundId = "";

const xid = async () => Number((await h.app.store.rawQuery<{ x: string }>("SELECT (txid_current() % 4294967296)::text AS x"))[0]!.x);
const mentions = (text: string) => PARTNERS.some((p) => text.includes(p)) || NAMES.some((n) => text.includes(n));

beforeAll(async () => {
  h = await startSlackBot({ ADMIN_USERS: `slack:${TEAM}:UADMIN` });
  h.fake.channels.set("CPARTNERS", ["UCOORD", ...PARTNERS]);
  for (const [i, p] of PARTNERS.entries()) h.fake.users.set(p, { id: p, team_id: TEAM, real_name: NAMES[i] } as never);
  await h.command("UADMIN", "role <@UCOORD> coordinator");
  await h.command("UCOORD", "pulse start partner-pulse closes in 7d", { channel: "CPARTNERS" });
  await h.settle();
  roundId = (await h.app.store.rawQuery<{ id: string }>("SELECT id FROM rounds"))[0]!.id;
  answeringStarted = await xid();
  logsFrom = h.logs.length;
  for (const i of ORDER) {
    const p = PARTNERS[i]!;
    const invitation = h.fake.messages.find((m) => m.channel === `D${p}` && h.textOf(m).includes("a short anonymous pulse"))!;
    await h.click(p, invitation, `pulse:open:${roundId}`);
    await h.settle();
    const modal = h.fake.views.filter((v) => v.method === "views.open").at(-1)!;
    await h.submitView(p, modal.view, profile(i));
    await h.settle();
    expect(h.textOf(invitation)).toContain("Thank you: your answers are in");
  }
  logsTo = h.logs.length;
  answeringEnded = await xid();
  // Everyone invited had answered by the next day, so the coordinator may close then.
  h.clock.advance(24 * 3_600_000);
  await h.command("UCOORD", "pulse close", { channel: "CPARTNERS" });
  await h.settle();
});
afterAll(async () => {
  await h?.stop();
});

describe("a full dump after close (Slack)", () => {
  it("the results are there: the round is not simply empty", async () => {
    const results = h.fake.messages.find((m) => m.channel === "CPARTNERS" && !m.ephemeralUser && h.textOf(m).includes("Pulse results"));
    expect(h.textOf(results!)).toContain("6 of 6 answered");
    for (const i of ORDER) expect(h.textOf(results!)).toContain(`remark by person ${i}`);
  });

  it("no row anywhere that was written while people answered survives, except event hashes with the day", async () => {
    const tables = (await h.app.store.rawQuery<{ t: string }>("SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).map((r) => r.t);
    expect(tables).toContain("outbox");
    const survivors: Record<string, number> = {};
    for (const table of tables) {
      const rows = await h.app.store.rawQuery<{ x: string }>(`SELECT xmin::text AS x FROM "${table}"`);
      const inWindow = rows.filter((r) => Number(r.x) >= answeringStarted && Number(r.x) < answeringEnded).length;
      if (inWindow > 0) survivors[table] = inWindow;
    }
    expect(Object.keys(survivors)).toEqual(["processed_events"]);
    const events = await h.app.store.rawQuery<Record<string, unknown>>("SELECT * FROM processed_events");
    for (const e of events) {
      expect(String(e.event_hash)).toMatch(/^[0-9a-f]{64}$/);
      expect((e.received_on as Date).toISOString()).toMatch(/T00:00:00\.000Z$/);
    }
  });

  it("rows that name a partner are their member rows, written before anyone answered, with no time of day", async () => {
    const tables = (await h.app.store.rawQuery<{ t: string }>("SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).map((r) => r.t);
    for (const table of tables) {
      const rows = await h.app.store.rawQuery<Record<string, unknown>>(`SELECT ctid::text AS ctid, xmin::text AS xmin, * FROM "${table}"`);
      for (const row of rows) {
        const text = JSON.stringify(row);
        if (!mentions(text)) continue;
        expect(table, text.slice(0, 200)).toBe("members");
        expect(Number(row.xmin)).toBeLessThan(answeringStarted);
        for (const v of Object.values(row)) if (v instanceof Date) expect(v.toISOString()).toMatch(/T00:00:00\.000Z$/);
      }
    }
  });

  it("the answer tables were all written by the close: no order, position or transaction from the answering survives", async () => {
    for (const table of ["submissions", "answers", "comments"]) {
      const rows = await h.app.store.rawQuery<{ x: string }>(`SELECT xmin::text AS x FROM ${table} WHERE round_id = $1`, roundId);
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => r.x)).size, table).toBe(1);
      expect(Number(rows[0]!.x)).toBeGreaterThanOrEqual(answeringEnded);
    }
    expect(await h.app.store.rawQuery("SELECT * FROM participations")).toEqual([]);
    // Every answer and comment carries the close day: a day with one answer cannot join it to that day's comment.
    const days = await h.app.store.rawQuery<{ d: string }>("SELECT DISTINCT submitted_on::text AS d FROM submissions UNION SELECT DISTINCT submitted_on::text FROM comments");
    expect(days).toEqual([{ d: h.clock.now().toISOString().slice(0, 10) }]);
  });

  it("nothing was logged while people answered that names the round or a partner", () => {
    const lines = h.logs.slice(logsFrom, logsTo).map((l) => JSON.stringify(l));
    for (const line of lines) {
      expect(line).not.toContain(roundId);
      expect(mentions(line), line.slice(0, 200)).toBe(false);
      expect(line).not.toContain("remark by person");
    }
  });
});
