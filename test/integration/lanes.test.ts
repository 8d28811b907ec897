/**
 * Replies never wait behind bulk sends: with a 1,000-member channel on Slack's real pacing, the
 * coordinator's confirmation arrives before the 20th invitation is delivered.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSlackBot, TEAM, type SlackHarness } from "../fakes/slack-harness.ts";

const MEMBERS = Array.from({ length: 1000 }, (_, i) => `UM${String(i).padStart(4, "0")}`);
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
    // Wait for the confirmation (not for the fan-out, which Slack's pacing spreads over a minute).
    for (let i = 0; i < 400 && confirmed() < 0; i++) await new Promise((r) => setTimeout(r, 50));
    const at = confirmed();
    expect(at).toBeGreaterThanOrEqual(0);
    const invitationsBefore = h.fake.messages.slice(0, at).filter((m) => m.channel.startsWith("DUM")).length;
    expect(invitationsBefore).toBeLessThan(20);
    // And the fan-out is under way, paced (not all at once).
    await new Promise((r) => setTimeout(r, 500));
    const sent = h.fake.messages.filter((m) => m.channel.startsWith("DUM")).length;
    expect(sent).toBeGreaterThan(0);
    expect(sent).toBeLessThan(1000);
  });
});
