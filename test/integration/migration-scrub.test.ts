/**
 * Upgrading a database whose rounds closed before closes rewrote their rows: the migration does
 * what a close now does to each of them (random order, fresh ids, one transaction, the close day),
 * drops their participation codes, rewrites member rows and strips per-message ids from Teams
 * references. Played as the database reader after the upgrade, on a real PGlite.
 */
import { describe, expect, it } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import { applyMigrations, readMigrations } from "../../src/store/migrate.ts";
import { MIGRATIONS_DIR } from "../../src/app.ts";
import { createMemoryLogger } from "../../src/core/logger.ts";

const SCRUB = "reminder_optouts_and_scrub";

describe("the upgrade scrubs rounds closed before it", () => {
  it("rewrites old closed rounds and member rows, so their order says nothing", async () => {
    const all = readMigrations(MIGRATIONS_DIR);
    const at = all.findIndex((m) => m.name.endsWith(SCRUB));
    expect(at).toBeGreaterThan(0);
    const db = new PGlite();
    const session = { exec: async (sql: string) => void (await db.exec(sql)), query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows };
    await applyMigrations(session, all.slice(0, at), createMemoryLogger());

    // As the old code left it: eight people answered in order, one a day; a comment each; their
    // participation codes; member rows born at their first click.
    await db.exec(`INSERT INTO workspaces (id, platform, external_id) VALUES ('w', 'slack', 'T1')`);
    await db.exec(`INSERT INTO rounds (id, ref, workspace_id, kind, snapshot_id, created_by, status, opens_at, closes_at, closed_at)
                   VALUES ('old', 'abc12', 'w', 'pulse', 's', 'c', 'closed', '2026-01-01', '2026-01-10', '2026-01-10T12:00:00Z'),
                          ('open', 'def34', 'w', 'pulse', 's', 'c', 'open', '2026-01-01', '2026-02-10', NULL)`);
    for (let i = 0; i < 8; i++) {
      await db.exec(`INSERT INTO members (id, workspace_id, user_id) VALUES ('m${i}', 'w', 'U${i}')`);
      await db.exec(`INSERT INTO participations (round_id, person_hash) VALUES ('old', 'h${i}'), ('open', 'h${i}')`);
      await db.exec(`INSERT INTO submissions (id, round_id, submitted_on) VALUES ('s${i}', 'old', DATE '2026-01-0${i + 1}')`);
      await db.exec(`INSERT INTO answers (id, submission_id, round_id, item_key, value) VALUES ('a${i}', 's${i}', 'old', 'respect', ${(i % 5) + 1})`);
      await db.exec(`INSERT INTO comments (id, round_id, item_key, text, submitted_on) VALUES ('c${i}', 'old', 'comment', 'comment ${i}', DATE '2026-01-0${i + 1}')`);
    }
    await db.exec(`INSERT INTO submissions (id, round_id, submitted_on) VALUES ('s-open', 'open', DATE '2026-01-05')`);
    await db.exec(
      `INSERT INTO conversation_references (id, workspace_id, kind, key, reference) VALUES ('r1', 'w', 'user', 'U1', '{"activityId":"a99","locale":"en-US","serviceUrl":"https://smba.trafficmanager.net/emea/","conversation":{"id":"c1"}}')`,
    );
    const xmin = async (table: string) => (await db.query<{ x: string }>(`SELECT DISTINCT xmin::text AS x FROM ${table}`)).rows.map((r) => r.x);
    const membersBefore = await xmin("members");

    await applyMigrations(session, all, createMemoryLogger());

    const subs = (await db.query<{ id: string; submitted_on: Date; x: string }>(`SELECT id, submitted_on, xmin::text AS x FROM submissions WHERE round_id = 'old'`)).rows;
    expect(subs).toHaveLength(8);
    expect(subs.filter((s) => /^s\d$/.test(s.id))).toEqual([]);
    expect(new Set(subs.map((s) => s.x)).size).toBe(1);
    expect(new Set(subs.map((s) => s.submitted_on.toISOString()))).toEqual(new Set(["2026-01-10T00:00:00.000Z"]));
    // Answers still belong to their (renamed) submissions: the results are unchanged.
    const joined = (
      await db.query<{ v: number }>(`SELECT a.value AS v FROM answers a JOIN submissions s ON s.id = a.submission_id WHERE s.round_id = 'old' ORDER BY a.value`)
    ).rows.map((r) => r.v);
    expect(joined).toEqual([1, 1, 2, 2, 3, 3, 4, 5]);
    const comments = (await db.query<{ id: string; submitted_on: Date }>(`SELECT id, submitted_on FROM comments WHERE round_id = 'old'`)).rows;
    expect(comments.filter((c) => /^c\d$/.test(c.id))).toEqual([]);
    expect(new Set(comments.map((c) => c.submitted_on.toISOString()))).toEqual(new Set(["2026-01-10T00:00:00.000Z"]));
    // Closed rounds lose their participation codes; the open round keeps its own.
    expect((await db.query(`SELECT * FROM participations WHERE round_id = 'old'`)).rows).toEqual([]);
    expect((await db.query(`SELECT * FROM participations WHERE round_id = 'open'`)).rows).toHaveLength(8);
    expect((await db.query<{ id: string }>(`SELECT id FROM submissions WHERE round_id = 'open'`)).rows).toEqual([{ id: "s-open" }]);
    // Member rows were rewritten together (no xmin of a first click survives).
    const membersAfter = await xmin("members");
    expect(membersAfter).toHaveLength(1);
    expect(membersBefore).not.toContain(membersAfter[0]);
    const ref = (await db.query<{ reference: Record<string, unknown> }>(`SELECT reference FROM conversation_references`)).rows[0]!.reference;
    expect(ref).toEqual({ serviceUrl: "https://smba.trafficmanager.net/emea/", conversation: { id: "c1" } });
    await db.close();
  });
});
