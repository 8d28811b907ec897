/**
 * A 5,000-member Teams team: the roster is read in ten pages of 500 and every invitation is
 * queued (nothing delivered here: delivery is paced over much longer). Real time: slow tier.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTeamsBot, TENANT, type TeamsHarness } from "../fakes/teams-harness.ts";

const CHANNEL = "19:everyone@thread.tacv2";
// With the coordinator, 5,000 people (the most a round takes).
const people = Array.from({ length: 4999 }, (_, i) => `tp${i}`);
let t: TeamsHarness;
beforeAll(async () => {
  t = await startTeamsBot({ authenticated: true });
  for (const u of ["admin-aad", "coord"]) await t.install(u);
  await t.message("admin-aad", "privacy", { conversation: CHANNEL });
  await t.settle();
  const workspace = `teams:${TENANT}`;
  const model = (await t.app.store.conversations.get(workspace, "user", "coord")) as { conversation: { id: string }; user?: { id: string } };
  // Half installed the app for themselves (invited by DM); the rest answer in the channel.
  for (const u of people.slice(0, 2500)) {
    await t.app.store.conversations.save(workspace, "user", u, { ...model, conversation: { ...model.conversation, id: `personal-${u}` }, user: { id: `29:${u}`, aadObjectId: u } });
  }
  t.connector.members.set(
    CHANNEL,
    ["coord", ...people].map((u) => ({ id: `29:${u}`, name: u, aadObjectId: u })),
  );
  await t.message("admin-aad", "role @coord coordinator", { mentions: ["coord"] });
  await t.settle();
  await t.app.outboxWorker.stop();
});
afterAll(async () => {
  await t?.stop();
});

describe("a 5,000-member Teams team", () => {
  it("reads the roster in pages of 500 and queues every invitation", async () => {
    const pagesBefore = t.connector.requests.filter((r) => r.path.endsWith("/pagedmembers")).length;
    await t.message("coord", "pulse start quick-pulse closes in 7d", { conversation: CHANNEL });
    await t.adapter.idle();
    expect(t.connector.requests.filter((r) => r.path.endsWith("/pagedmembers")).length - pagesBefore).toBe(10);
    const [round] = await t.app.store.rounds.list(`teams:${TENANT}`, { kind: "pulse" });
    expect(round?.invitedCount).toBe(4999);
    expect(round?.reach).toEqual({ dm: 2500, channel: 2499, email: 0 });
    const queued = await t.app.store.rawQuery<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE dedupe_key LIKE 'pulse:${round!.id}:invite%'`);
    // 2,500 personal invitations and one card in the channel for everyone else.
    expect(queued[0]!.n).toBe(2501);
  });
});
