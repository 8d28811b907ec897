/**
 * The database reader's attack through the Teams adapter (authenticated, locally signed tokens):
 * six partners installed the app, five answer in a known order; after close, nothing in any
 * table, conversation references included, was written while they answered, and no reference
 * holds a per-message activity id.
 */
import { findAction } from "../fakes/actions.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTeamsBot, type TeamsHarness } from "../fakes/teams-harness.ts";

const CHANNEL = "19:anon@thread.tacv2";
const PARTNERS = ["pa1", "pb2", "pc3", "pd4", "pe5", "pf6"];
const ORDER = [3, 1, 4, 0, 2];
let h: TeamsHarness;
let answeringStarted = 0;
let answeringEnded = 0;

const xid = async () => Number((await h.app.store.rawQuery<{ x: string }>("SELECT (txid_current() % 4294967296)::text AS x"))[0]!.x);

beforeAll(async () => {
  h = await startTeamsBot({ authenticated: true });
  for (const u of ["admin-aad", "coord", ...PARTNERS]) await h.install(u);
  await h.message("admin-aad", "privacy", { conversation: CHANNEL });
  await h.settle();
  h.connector.members.set(
    CHANNEL,
    ["coord", ...PARTNERS].map((u) => ({ id: `29:${u}`, name: u, aadObjectId: u })),
  );
  await h.message("admin-aad", "role @coord coordinator", { mentions: ["coord"] });
  await h.message("coord", "pulse start partner-pulse closes in 7d", { conversation: CHANNEL });
  await h.settle();
  answeringStarted = await xid();
  for (const i of ORDER) {
    const p = PARTNERS[i]!;
    const invitation = h.connector.sent.filter((s) => s.conversationId === `personal-${p}` && h.textOf(s).includes("a short anonymous pulse")).at(-1)!;
    const open = findAction(invitation.activity, "pulse.open");
    await h.submit(p, invitation, { rb_action: open });
    await h.settle();
    const submit = findAction(invitation.activity, "pulse.submit");
    const before = h.connector.sent.length;
    await h.submit(p, invitation, { rb_action: submit, "q:respect": String(i + 1), "q:long-term": String(5 - i), "q:comment": `comment ${i}` });
    await h.settle();
    expect(h.textOf(invitation)).toContain("Thank you: your answers are in");
    expect(h.connector.sent.length).toBe(before);
  }
  answeringEnded = await xid();
  h.clock.advance(49 * 3_600_000);
  await h.message("coord", "pulse close", { conversation: CHANNEL });
  await h.settle();
});
afterAll(async () => {
  await h?.stop();
});

describe("a full dump after close (Teams)", () => {
  it("conversation references keep no per-message ids and were not rewritten while people answered", async () => {
    const refs = await h.app.store.rawQuery<{ x: string; key: string; reference: Record<string, unknown> }>("SELECT xmin::text AS x, key, reference FROM conversation_references");
    expect(refs.length).toBeGreaterThan(PARTNERS.length);
    for (const r of refs) {
      expect(r.reference, r.key).not.toHaveProperty("activityId");
      expect(Number(r.x) >= answeringStarted && Number(r.x) < answeringEnded, `${r.key} written while people answered`).toBe(false);
    }
  });

  it("no row of any table written while people answered survives, except event hashes with the day", async () => {
    const tables = (await h.app.store.rawQuery<{ t: string }>("SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).map((r) => r.t);
    const survivors: string[] = [];
    for (const table of tables) {
      const rows = await h.app.store.rawQuery<{ x: string }>(`SELECT xmin::text AS x FROM "${table}"`);
      if (rows.some((r) => Number(r.x) >= answeringStarted && Number(r.x) < answeringEnded)) survivors.push(table);
    }
    expect(survivors).toEqual(["processed_events"]);
  });

  it("answers and comments keep the close day, not the day each was given", async () => {
    const days = await h.app.store.rawQuery<{ d: string }>("SELECT DISTINCT submitted_on::text AS d FROM submissions UNION SELECT DISTINCT submitted_on::text FROM comments");
    expect(days).toHaveLength(1);
    expect(days[0]!.d).toBe(h.clock.now().toISOString().slice(0, 10));
  });
});
