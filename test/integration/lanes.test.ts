/**
 * Replies never wait behind bulk sends: with a 1,000-member channel on Slack's real pacing, the
 * coordinator's confirmation arrives before the 20th invitation is delivered.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSlackBot, TEAM, type SlackHarness } from "../fakes/slack-harness.ts";
import { startTeamsBot, TENANT } from "../fakes/teams-harness.ts";

const MEMBERS = Array.from({ length: 1000 }, (_, i) => `UM${String(i).padStart(4, "0")}`);
/** Polls a condition; the generous bound only ends a broken run (the slow tier allows 180 s a test). */
async function waitUntil(done: () => boolean): Promise<void> {
  for (let i = 0; i < 1200 && !done(); i++) await new Promise((r) => setTimeout(r, 50));
}
let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackBot({ ADMIN_USERS: `slack:${TEAM}:UADMIN` }, { realPacing: true });
  h.fake.channels.set("CBIG", ["UCOORD", ...MEMBERS]);
  await h.command("UADMIN", "role <@UCOORD> coordinator");
  await h.settle();
});
afterAll(async () => {
  await h?.stop();
});

describe("outbox lanes", () => {
  it("delivers the coordinator's confirmation ahead of a 1,000-person fan-out", async () => {
    const confirmed = () => h.fake.messages.findIndex((m) => m.ephemeralUser === "UCOORD" && h.textOf(m).includes("Invited 1000 people privately"));
    await h.command("UCOORD", "pulse start quick-pulse closes in 7d", { channel: "CBIG" });
    // Wait for the confirmation (not for the fan-out, which Slack's pacing spreads over many
    // minutes). It follows the roster reads, which Slack's tiers pace by the clock; the bound is
    // only there to end a broken run.
    await waitUntil(() => confirmed() >= 0);
    const at = confirmed();
    expect(at).toBeGreaterThanOrEqual(0);
    const invitationsBefore = h.fake.messages.slice(0, at).filter((m) => m.channel.startsWith("DUM")).length;
    expect(invitationsBefore).toBeLessThan(20);
    // The confirmation then shows how far the invitations have gone, updated in place.
    const reply = h.fake.messages[at]!;
    await waitUntil(() => reply.versions >= 2);
    expect(reply.versions).toBeGreaterThanOrEqual(2);
    expect(h.textOf(reply)).toMatch(/\d+ of 1000 invitations sent so far, 0 could not be delivered/);
    expect(h.fake.calls.filter((c) => c.method === "response_url" && String(c.args.id).includes("|cmd")).length).toBeLessThanOrEqual(5);
    // And the fan-out is under way, paced (not all at once).
    await waitUntil(() => h.fake.messages.some((m) => m.channel.startsWith("DUM")));
    await new Promise((r) => setTimeout(r, 500));
    const sent = h.fake.messages.filter((m) => m.channel.startsWith("DUM")).length;
    expect(sent).toBeGreaterThan(0);
    expect(sent).toBeLessThan(1000);
  });
});

describe("outbox lanes on Teams", () => {
  it("delivers the coordinator's confirmation ahead of a 1,000-person fan-out through the Bot Connector", async () => {
    const t = await startTeamsBot({ authenticated: true, realPacing: true });
    try {
      const CHANNEL = "19:big@thread.tacv2";
      const people = Array.from({ length: 1000 }, (_, i) => `tm${i}`);
      for (const u of ["admin-aad", "coord"]) await t.install(u);
      await t.message("admin-aad", "privacy", { conversation: CHANNEL });
      await t.settle();
      // A thousand people who installed the app: their personal references, as an install stores them.
      const workspace = `teams:${TENANT}`;
      const model = (await t.app.store.conversations.get(workspace, "user", "coord")) as { conversation: { id: string }; user?: { id: string } };
      for (const u of people) {
        await t.app.store.conversations.save(workspace, "user", u, {
          ...model,
          conversation: { ...model.conversation, id: `personal-${u}` },
          user: { id: `29:${u}`, aadObjectId: u },
        });
      }
      t.connector.members.set(
        CHANNEL,
        ["coord", ...people].map((u) => ({ id: `29:${u}`, name: u, aadObjectId: u })),
      );
      await t.message("admin-aad", "role @coord coordinator", { mentions: ["coord"] });
      await t.settle();
      await t.message("coord", "pulse start quick-pulse closes in 7d", { conversation: CHANNEL });
      const confirmed = () => t.connector.sent.findIndex((s) => t.textOf(s).includes("Invited 1000 people privately"));
      await waitUntil(() => confirmed() >= 0);
      const at = confirmed();
      expect(at).toBeGreaterThanOrEqual(0);
      const invitationsBefore = t.connector.sent.slice(0, at).filter((s) => s.conversationId.startsWith("personal-tm")).length;
      expect(invitationsBefore).toBeLessThan(20);
      // The confirmation (in the coordinator's chat with the bot) shows the progress, updated in place.
      const reply = t.connector.sent[at]!;
      await waitUntil(() => reply.versions >= 2);
      expect(t.textOf(reply)).toMatch(/\d+ of 1000 invitations sent so far/);
      // The fan-out itself is going out (paced), to the people's personal chats.
      await waitUntil(() => t.connector.sent.some((s) => s.conversationId.startsWith("personal-tm")));
      expect(t.connector.sent.some((s) => s.conversationId.startsWith("personal-tm") && t.textOf(s).includes("Quick pulse"))).toBe(true);
    } finally {
      await t.stop();
    }
  });
});

describe("progress of a fan-out", () => {
  it("ends with the final count in the same reply (fake platform, 60 people)", async () => {
    const { createHarness } = await import("../fakes/harness.ts");
    const f = await createHarness({ admins: ["amina"] });
    try {
      await f.command("amina", "role <@carlos> coordinator");
      f.fake.rosters.set(
        "C-BIG",
        Array.from({ length: 60 }, (_, i) => ({ userId: `u${i}`, reachable: true })),
      );
      const [reply] = await f.command("carlos", "pulse start quick-pulse", { conversation: "C-BIG" });
      expect(f.fake.textOf(reply!)).toContain("Invited 60 people privately");
      for (let i = 0; i < 1200 && !f.fake.textOf(reply!).includes("All 60 invitations sent"); i++) {
        await new Promise((r) => setTimeout(r, 50));
        await f.flush();
      }
      expect(f.fake.textOf(reply!)).toContain("All 60 invitations sent.");
      expect(f.fake.textOf(reply!)).toContain("Invited 60 people privately");
    } finally {
      await f.stop();
    }
  });
});
