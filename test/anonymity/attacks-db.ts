/**
 * The anonymity review's attacks by someone who reads the database (a copy, a dump, the raw pages):
 * each test plays the reader and tries the join. Run on PGlite (`npm test`) and PostgreSQL
 * (`npm run test:pg`); each failed against the code before the protections of DESIGN.md §3 rules
 * 10–13 were built (commit 054b54b lists what each recovered).
 */
import { describe, expect, it } from "vitest";
import { slotContaining } from "../../src/jobs/slots.ts";
import { ANSWER_ORDER, HOUR, PARTNERS, profile, useAttackKit, type AttackEnv } from "./attack-kit.ts";

export function defineDatabaseAttacks(label: string, env: AttackEnv): void {
  describe(`anonymity against a database reader (${label})`, () => {
    const kit = useAttackKit(env);
    const { setup, invitationOf, openRound, answer, answeredRound, mentionsPartner } = kit;
    it("outbox: nothing in it lists who answered, even while the round is open", async () => {
      await setup("outbox", 6);
      await kit.h.command("carlos", "pulse start partner-pulse closes in 3d", { conversation: "C-PARTNERS" });
      const id = await openRound("pulse");
      kit.h.clock.advance(HOUR);
      await answer(3, id);
      // The thank-you was delivered: no row of it is kept, and the only row naming the person is
      // their invitation (which every invitee has, answered or not).
      const invitationDelivered = invitationOf(PARTNERS[3]!.id);
      expect(kit.h.fake.textOf(invitationDelivered)).toContain("Thank you");
      const rows = await kit.h.app.store.rawQuery<Record<string, unknown>>("SELECT * FROM outbox");
      const naming = rows.filter((r) => mentionsPartner(r) === PARTNERS[3]!.id).map((r) => String(r.dedupe_key));
      expect(naming).toEqual([`pulse:${id}:invite:${PARTNERS[3]!.id}`]);
      // After close, the attacker's query (rows per person ordered by time) finds nobody.
      for (const i of [0, 1, 2, 4]) await answer(i, id);
      kit.h.clock.advance(49 * HOUR);
      await kit.h.command("carlos", "pulse close");
      const after = await kit.h.app.store.rawQuery<Record<string, unknown>>("SELECT * FROM outbox ORDER BY created_at, ctid");
      expect(after.map(mentionsPartner).filter(Boolean)).toEqual([]);
    });

    it("heap order: sorting submissions, answers and comments by ctid, xmin or id does not give the answering order", async () => {
      const id = await answeredRound("heap");
      const whoAnswered = (r: { respect: number; long_term: number }) =>
        PARTNERS.findIndex((_, i) => profile(i).respect === r.respect && profile(i).longTerm === r.long_term && i < 12);
      const submissions = async (order: string) =>
        (
          await kit.h.app.store.rawQuery<{ respect: number; long_term: number }>(
            `SELECT (SELECT a.value FROM answers a WHERE a.submission_id = s.id AND a.item_key = 'respect') AS respect,
                    (SELECT a.value FROM answers a WHERE a.submission_id = s.id AND a.item_key = 'long-term') AS long_term
             FROM submissions s WHERE s.round_id = $1 ORDER BY ${order}`,
            id,
          )
        ).map(whoAnswered);
      for (const order of ["s.ctid", "s.xmin::text::bigint", "s.id"]) {
        expect(await submissions(order), `submissions by ${order}`).not.toEqual(ANSWER_ORDER);
      }
      const answersByCtid = (await kit.h.app.store.rawQuery<{ value: number }>("SELECT value FROM answers WHERE round_id = $1 AND item_key = 'respect' ORDER BY ctid", id)).map(
        (r) => r.value,
      );
      expect(answersByCtid).not.toEqual(ANSWER_ORDER.map((i) => profile(i).respect));
      for (const order of ["ctid", "xmin::text::bigint", "id"]) {
        const comments = (await kit.h.app.store.rawQuery<{ text: string }>(`SELECT text FROM comments WHERE round_id = $1 ORDER BY ${order}`, id)).map((r) =>
          Number(r.text.replace(/\D/g, "")),
        );
        expect(comments, `comments by ${order}`).not.toEqual(ANSWER_ORDER);
        // Attack B of the review: comment i of the heap next to submission i of the heap.
        expect(comments, `comments zipped with submissions by ${order}`).not.toEqual(await submissions(`s.${order}`));
      }
      // What makes it hold, beyond chance: every row was rewritten by the closing transaction
      // (one xmin for all), and participation codes are gone.
      const xmins = await kit.h.app.store.rawQuery<{ x: string }>(
        `SELECT DISTINCT xmin::text AS x FROM submissions WHERE round_id = $1 UNION SELECT DISTINCT xmin::text FROM answers WHERE round_id = $1 UNION SELECT DISTINCT xmin::text FROM comments WHERE round_id = $1`,
        id,
      );
      expect(xmins).toHaveLength(1);
      expect(await kit.h.app.store.rawQuery("SELECT * FROM participations WHERE round_id = $1", id)).toEqual([]);
    });

    it("fresh ids: no submission, answer or comment id from before the close survives it", async () => {
      await setup("ids", 6);
      await kit.h.command("carlos", "pulse start partner-pulse closes in 3d", { conversation: "C-PARTNERS" });
      const id = await openRound("pulse");
      for (const i of [4, 1, 5, 0, 2, 3]) await answer(i, id);
      const before = new Set(
        (
          await kit.h.app.store.rawQuery<{ id: string }>(
            "SELECT id FROM submissions UNION ALL SELECT id FROM answers UNION ALL SELECT id FROM comments UNION ALL SELECT submission_id FROM answers",
          )
        ).map((r) => r.id),
      );
      kit.h.clock.advance(49 * HOUR);
      await kit.h.command("carlos", "pulse close");
      const after = (
        await kit.h.app.store.rawQuery<{ id: string }>(
          "SELECT id FROM submissions UNION ALL SELECT id FROM answers UNION ALL SELECT id FROM comments UNION ALL SELECT submission_id FROM answers",
        )
      ).map((r) => r.id);
      expect(after.length).toBeGreaterThan(0);
      expect(after.filter((x) => before.has(x))).toEqual([]);
      // The results are what they were.
      expect(kit.h.text(await kit.h.command("carlos", "pulse results"))).toContain("6 of 6 answered");
    });

    it("day stamps: a day with a single answer cannot be joined to that day's comment", async () => {
      await setup("days", 6);
      await kit.h.command("carlos", "pulse start partner-pulse closes in 3d", { conversation: "C-PARTNERS" });
      const id = await openRound("pulse");
      for (const i of [0, 1, 2, 3]) await answer(i, id, { "q:comment": i === 0 ? "a first remark" : "" });
      kit.h.clock.advance(24 * HOUR);
      await answer(4, id, { "q:comment": "the victim's distinctive words" });
      kit.h.clock.advance(25 * HOUR);
      expect(kit.h.text(await kit.h.command("carlos", "pulse close"))).toContain("is closed");
      // The attack: the only submission of day 2 and the only comment of day 2 are one person's.
      const subsByDay = await kit.h.app.store.rawQuery<{ d: string; n: string }>(
        "SELECT submitted_on::text AS d, count(*)::text AS n FROM submissions WHERE round_id = $1 GROUP BY 1",
        id,
      );
      const commentsByDay = await kit.h.app.store.rawQuery<{ d: string }>("SELECT DISTINCT submitted_on::text AS d FROM comments WHERE round_id = $1", id);
      expect(subsByDay).toEqual([{ d: kit.h.clock.now().toISOString().slice(0, 10), n: "5" }]);
      expect(commentsByDay).toEqual([{ d: kit.h.clock.now().toISOString().slice(0, 10) }]);
    });

    it("members and references: answering leaves no new row version and no time finer than the day", async () => {
      await setup("members", 6);
      await kit.h.command("carlos", "pulse start partner-pulse closes in 3d", { conversation: "C-PARTNERS" });
      const id = await openRound("pulse");
      const snapshot = async () =>
        JSON.stringify(await kit.h.app.store.rawQuery("SELECT xmin::text AS x, * FROM members ORDER BY user_id"), (_k, v) => (typeof v === "bigint" ? String(v) : v));
      const invited = await snapshot();
      // The invitees are known before anyone answers (so no row is born at the moment of answering).
      for (const p of PARTNERS.slice(0, 6)) expect(invited).toContain(p.id);
      kit.h.clock.advance(5 * HOUR);
      for (const i of [2, 0, 4]) await answer(i, id);
      expect(await snapshot()).toBe(invited);
      for (const table of ["members", "conversation_references"]) {
        const rows = await kit.h.app.store.rawQuery<Record<string, unknown>>(`SELECT * FROM ${table}`);
        for (const row of rows) {
          for (const [column, value] of Object.entries(row)) {
            if (value instanceof Date) expect(value.toISOString(), `${table}.${column}`).toMatch(/T00:00:00\.000Z$/);
          }
        }
      }
    });

    it("processed events: no platform event id, person or time finer than the day", async () => {
      await setup("events", 6);
      await kit.h.command("carlos", "pulse start partner-pulse closes in 3d", { conversation: "C-PARTNERS" });
      const id = await openRound("pulse");
      kit.h.clock.advance(3 * HOUR + 17_000);
      const sent = kit.h.eventIds.length;
      for (const i of [1, 3, 5]) await answer(i, id);
      const clicks = kit.h.eventIds.slice(sent);
      const rows = await kit.h.app.store.rawQuery<Record<string, unknown>>("SELECT * FROM processed_events");
      expect(rows.length).toBeGreaterThan(0);
      const text = JSON.stringify(rows);
      for (const e of clicks) expect(text).not.toContain(e);
      expect(mentionsPartner(rows)).toBeNull();
      for (const row of rows) for (const value of Object.values(row)) if (value instanceof Date) expect(value.toISOString()).toMatch(/T00:00:00\.000Z$/);
    });

    it("logs: answering writes no line about the round or the person", async () => {
      await setup("logs", 6);
      await kit.h.command("carlos", "pulse start partner-pulse closes in 3d", { conversation: "C-PARTNERS" });
      const id = await openRound("pulse");
      const from = kit.h.logs.length;
      for (const i of [0, 1, 2]) await answer(i, id);
      const lines = kit.h.logs.slice(from).map((l) => JSON.stringify(l));
      for (const line of lines) {
        expect(line).not.toContain(id);
        expect(mentionsPartner(line)).toBeNull();
        expect(line).not.toMatch(/submission|answer/i);
      }
    });

    it("rubric rounds: notes and ratings are rewritten at close and no per-person outbox row survives", async () => {
      await setup("rubric", 6);
      await kit.h.command("carlos", 'partner add "Shanti Network"');
      await kit.h.command("carlos", "rubric start for Shanti closes in 5d", { conversation: "C-PARTNERS" });
      const id = await openRound("rubric");
      const order = [3, 0, 5, 1, 4, 2];
      for (const i of order) {
        const p = PARTNERS[i]!;
        const invitation = invitationOf(p.id, "check-in");
        await kit.h.click(p.id, invitation, `rubric:open:${id}`);
        await kit.h.click(p.id, invitation, `rubric:submit:${id}`, { "e:communications": i % 2 ? "emerging" : "needs-help", "n:communications": `note of ${i}` });
      }
      const notesBefore = (await kit.h.app.store.rawQuery<{ id: string }>("SELECT id FROM comments WHERE round_id = $1", id)).map((r) => r.id);
      kit.h.clock.advance(6 * 24 * HOUR);
      const job = kit.h.app.jobs.get("rubric-rounds");
      await kit.h.app.jobs.runSlot(job, slotContaining(job, kit.h.clock.now()));
      await kit.h.flush();
      expect((await kit.h.app.store.rounds.byId(id))!.status).toBe("closed");
      const notes = await kit.h.app.store.rawQuery<{ id: string; x: string }>("SELECT id, xmin::text AS x FROM comments WHERE round_id = $1", id);
      expect(notes).toHaveLength(6);
      expect(notes.filter((n) => notesBefore.includes(n.id))).toEqual([]);
      expect(new Set(notes.map((n) => n.x)).size).toBe(1);
      const outbox = await kit.h.app.store.rawQuery("SELECT * FROM outbox");
      expect(outbox.map(mentionsPartner).filter(Boolean)).toEqual([]);
    });

    if (env.rawPages) {
      it("raw pages: after close no row version written before it is left in the heap, and no partner's id in the raw bytes", async () => {
        await setup("pages");
        await kit.h.command("carlos", "pulse start partner-pulse closes in 3d", { conversation: "C-PARTNERS" });
        const id = await openRound("pulse");
        for (const i of ANSWER_ORDER) await answer(i, id);
        kit.h.clock.advance(49 * HOUR);
        // Every transaction from here on has a larger xid: the close, and what follows it (results).
        const closeXid = Number((await kit.h.app.store.rawQuery<{ x: string }>("SELECT (txid_current() % 4294967296)::text AS x"))[0]!.x);
        expect(kit.h.text(await kit.h.command("carlos", "pulse close"))).toContain("is closed");
        await kit.h.app.store.rawQuery("CREATE EXTENSION IF NOT EXISTS pageinspect");
        for (const table of ["submissions", "answers", "comments", "participations", "round_invitees", "outbox"]) {
          const pages = Number((await kit.h.app.store.rawQuery<{ n: string }>(`SELECT (pg_relation_size('${table}') / current_setting('block_size')::int)::text AS n`))[0]!.n);
          let old = 0;
          let raw = "";
          for (let block = 0; block < pages; block++) {
            const items = await kit.h.app.store.rawQuery<{ xmin: string | null; xmax: string | null }>(
              `SELECT t_xmin::text AS xmin, t_xmax::text AS xmax FROM heap_page_items(get_raw_page('${table}', ${block}))`,
            );
            // A version older than the close that was since deleted or replaced: what a reader of
            // the data files could still find.
            old += items.filter((i) => i.xmin !== null && Number(i.xmin) < closeXid && i.xmax !== null && i.xmax !== "0").length;
            raw += (await kit.h.app.store.rawQuery<{ b: string }>(`SELECT encode(get_raw_page('${table}', ${block}), 'escape') AS b`))[0]!.b;
          }
          expect(old, `${table}: deleted or superseded row versions from before the close`).toBe(0);
          for (const p of PARTNERS) expect(raw.includes(p.id), `${table} raw bytes name ${p.id}`).toBe(false);
          if (table !== "comments" && table !== "outbox") expect(raw.includes("comment of person"), `${table} raw bytes`).toBe(false);
        }
        // Live rows of the answer tables were all written by the close itself.
        const survivors = await kit.h.app.store.rawQuery<{ n: string }>(
          `SELECT count(*)::text AS n FROM (SELECT xmin FROM submissions UNION ALL SELECT xmin FROM answers UNION ALL SELECT xmin FROM comments) t WHERE xmin::text::bigint < $1`,
          closeXid,
        );
        expect(survivors[0]!.n).toBe("0");
      });
    }
  });
}
