/**
 * Workspaces stay apart: an admin of another workspace, holding the ids and refs of this one's
 * rounds, partnerships, reviews and actions (from a screenshot, a log, a forwarded message), can
 * neither read nor change any of them.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BotEvent } from "../../src/core/events.ts";
import { createHarness, FAKE_WORKSPACE, type Harness } from "../fakes/harness.ts";

let h: Harness;
const OTHER_TEAM = "T-OTHER";
let n = 0;

beforeEach(async () => {
  h = await createHarness({ admins: ["amina"], now: "2026-11-23T08:00:00Z" });
  await h.command("amina", "role <@carlos> coordinator");
  await h.command("carlos", 'partner add "Shanti Network"');
  await h.command("carlos", 'review add "Shanti Network" annual-review in 20 days');
  await h.command("carlos", 'action add "Weekly call" for "Shanti Network"');
  h.fake.rosters.set(
    "C-P",
    ["p1", "p2", "p3", "p4", "p5", "p6"].map((userId) => ({ userId, reachable: true })),
  );
  await h.command("carlos", "pulse start partner-pulse closes in 3d", { conversation: "C-P" });
  const other = await h.app.store.workspaces.ensure({ platform: "fake", externalId: OTHER_TEAM });
  await h.app.store.members.setRole(other.id, "mallory", "admin");
});
afterEach(async () => {
  await h.stop();
});

/** Mallory, admin of the other workspace, acting there. */
async function asMallory(event: { kind: "command"; text: string } | { kind: "action"; actionId: string; values?: Record<string, string> }) {
  const origin = {
    platform: "fake" as const,
    workspaceId: `fake:${OTHER_TEAM}`,
    workspaceExternalId: OTHER_TEAM,
    userId: "mallory",
    conversationId: "C-MALLORY",
    isDirect: false,
    eventId: `mallory-${++n}`,
  };
  const full: BotEvent =
    event.kind === "command"
      ? { ...origin, kind: "command", command: "reflect", text: event.text }
      : { ...origin, kind: "action", actionId: event.actionId, values: event.values ?? {}, messageRef: { platform: "fake", conversationId: "C-MALLORY", messageId: "m0" } };
  const before = h.fake.deliveries.length;
  await h.send(full);
  return h.fake.deliveries
    .slice(before)
    .map((d) => h.fake.textOf(d))
    .join("\n");
}

describe("workspaces apart", () => {
  it("another workspace's admin cannot see or change this one's register or rounds by name, ref or id", async () => {
    const [round] = await h.app.store.rounds.list(FAKE_WORKSPACE, { kind: "pulse" });
    const [review] = await h.app.store.reviews.listOpen(FAKE_WORKSPACE);
    const [action] = await h.app.store.actions.list(FAKE_WORKSPACE);
    expect(await asMallory({ kind: "command", text: "partner show Shanti Network" })).toContain('There is no partnership "Shanti Network"');
    expect(await asMallory({ kind: "command", text: "partner list" })).not.toContain("Shanti");
    expect(await asMallory({ kind: "command", text: `pulse status ${round!.ref}` })).toContain(`There is no pulse round "${round!.ref}". Recent rounds: none yet.`);
    expect(await asMallory({ kind: "command", text: `pulse close ${round!.ref}` })).toContain(`There is no pulse round "${round!.ref}"`);
    expect(await asMallory({ kind: "command", text: `review done ${review!.ref}` })).toContain(`There is no review \`${review!.ref}\``);
    expect(await asMallory({ kind: "command", text: `action done ${action!.ref}` })).toContain(`There is no action \`${action!.ref}\``);
    // Buttons carrying this workspace's ids.
    await asMallory({ kind: "action", actionId: `pulse:open:${round!.id}` });
    await asMallory({ kind: "action", actionId: `pulse:submit:${round!.id}`, values: { "q:respect": "1", "q:long-term": "1" } });
    await asMallory({ kind: "action", actionId: `review.done:${JSON.stringify({ review: review!.ref })}` });
    // Nothing here changed.
    expect(await h.app.store.responses.submissionCount(round!.id)).toBe(0);
    expect((await h.app.store.rounds.byId(round!.id))?.status).toBe("open");
    expect((await h.app.store.reviews.listOpen(FAKE_WORKSPACE)).map((r) => r.ref)).toContain(review!.ref);
    expect((await h.app.store.actions.list(FAKE_WORKSPACE, { status: "open" })).map((a) => a.ref)).toContain(action!.ref);
    expect((await h.app.store.members.list(FAKE_WORKSPACE)).some((m) => m.userId === "mallory")).toBe(false);
  });
});
