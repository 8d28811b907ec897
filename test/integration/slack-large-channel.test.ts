/**
 * A 5,000-member Slack channel against a fake Web API that enforces Slack's rate tiers (429 when
 * a method is called more often than its tier allows in a minute): every invitation is queued,
 * with no 429 along the way, in about a dozen roster calls (the workspace directory is read with
 * users.list; only members from other organisations are looked up one by one), and people known
 * from the first round are not looked up again the same day. Real time: slow tier.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSlackBot, TEAM, type SlackHarness } from "../fakes/slack-harness.ts";

// With the coordinator, 5,000 people in the channel (the most a round takes).
const MEMBERS = Array.from({ length: 4996 }, (_, i) => `UL${String(i).padStart(5, "0")}`);
const EXTERNAL = ["UX1", "UX2", "UX3"];
let h: SlackHarness;
beforeAll(async () => {
  // Slack's real pacing and rate tiers (the outbox is stopped below, so nothing is delivered).
  h = await startSlackBot({ ADMIN_USERS: `slack:${TEAM}:UADMIN` }, { realPacing: true });
  h.fake.channels.set("CHUGE", ["UCOORD", ...MEMBERS, ...EXTERNAL]);
  for (const u of EXTERNAL) h.fake.users.set(u, { id: u, team_id: "TOTHER" });
  await h.command("UADMIN", "role <@UCOORD> coordinator");
  await h.settle();
  // Only the queue is under test: nothing is delivered (delivery is paced over much longer).
  await h.app.outboxWorker.stop();
  h.fake.tiers = { "users.list": 20, "conversations.members": 100, "users.info": 100, "conversations.open": 50 };
});
afterAll(async () => {
  await h?.stop();
});

const calls = (method: string) => h.fake.calls.filter((c) => c.method === method).length;

describe("a 5,000-member channel", () => {
  it("queues every invitation within the rate tiers, in a dozen roster calls", async () => {
    const before = { list: calls("users.list"), info: calls("users.info"), members: calls("conversations.members") };
    await h.command("UCOORD", "pulse start quick-pulse closes in 7d", { channel: "CHUGE" });
    await h.adapter.idle();
    const [round] = await h.app.store.rounds.list(`slack:${TEAM}`, { kind: "pulse" });
    expect(round?.invitedCount).toBe(4999);
    const queued = await h.app.store.rawQuery<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE dedupe_key LIKE 'pulse:${round!.id}:invite%'`);
    // 4,996 DMs, and one private message per member from another organisation.
    expect(queued[0]!.n).toBe(4999);
    expect(h.fake.rateLimited).toEqual([]);
    expect(calls("conversations.members") - before.members).toBe(5);
    expect(calls("users.list") - before.list).toBeLessThanOrEqual(6);
    // Only the members from other organisations (not in the directory), and the coordinator's own
    // profile is already known.
    expect(calls("users.info") - before.info).toBeLessThanOrEqual(EXTERNAL.length + 1);
  });

  it("does not look anyone up again the same day", async () => {
    const before = { list: calls("users.list"), info: calls("users.info") };
    const members = await h.adapter.listMembers(`slack:${TEAM}`, "CHUGE");
    expect(members).toHaveLength(5000);
    expect(members.filter((m) => m.channelOnly).map((m) => m.userId)).toEqual(EXTERNAL);
    expect(calls("users.list") - before.list).toBe(0);
    expect(calls("users.info") - before.info).toBe(0);
    expect(h.fake.rateLimited).toEqual([]);
  });
});
