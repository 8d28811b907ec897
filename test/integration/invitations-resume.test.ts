/**
 * A process that dies while queueing a round's invitations loses none: the round stays marked as
 * not fully invited, and the rounds job (after a grace period, so it never races a start still
 * running) queues the rest, each person's invitation once.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, FAKE_WORKSPACE, type Harness } from "../fakes/harness.ts";
import { slotContaining } from "../../src/jobs/slots.ts";

const people = Array.from({ length: 10 }, (_, i) => `m${i}`);
let h: Harness;
beforeEach(async () => {
  h = await createHarness({ admins: ["amina"] });
  await h.command("amina", "role <@carlos> coordinator");
  h.fake.rosters.set(
    "C-ALL",
    people.map((userId) => ({ userId, reachable: true })),
  );
});
afterEach(async () => {
  await h.stop();
});

/** The process "dies" after queueing `n` invitations: every later outbox write fails. */
function dieAfter(n: number): () => void {
  const outbox = h.app.deps.outbox;
  const post = outbox.post.bind(outbox);
  let invitations = 0;
  outbox.post = async (input) => {
    if (input.dedupeKey.includes(":invite:") && ++invitations > n) throw new Error("the process died here");
    return post(input);
  };
  return () => {
    outbox.post = post;
  };
}

const invitationsTo = (user: string) => h.fake.deliveries.filter((d) => d.conversationId === `D-${user}` && h.fake.textOf(d).includes("Quick pulse")).length;

describe("invitations after a stop mid fan-out", () => {
  it("queues the rest once, and only after the grace period", async () => {
    const revive = dieAfter(4);
    await h.command("carlos", "pulse start quick-pulse", { conversation: "C-ALL" });
    revive();
    await h.flush();
    expect(people.map(invitationsTo).filter((n) => n === 1)).toHaveLength(4);
    const [round] = await h.app.store.rounds.list(FAKE_WORKSPACE, { kind: "pulse" });
    expect(round!.invitedCount).toBe(10);
    const job = h.app.jobs.get("pulse-rounds");
    // Right away, a start might still be running in another process: the job leaves it alone.
    await h.app.jobs.runSlot(job, slotContaining(job, new Date(h.clock.now().getTime() + 60_000)));
    await h.flush();
    expect(people.map(invitationsTo).filter((n) => n === 1)).toHaveLength(4);
    // After the grace period, the rest go out, and nobody gets a second.
    await h.app.jobs.runSlot(job, slotContaining(job, new Date(h.clock.now().getTime() + 6 * 60_000)));
    await h.flush();
    expect(people.map(invitationsTo)).toEqual(people.map(() => 1));
    expect(await h.app.store.rounds.awaitingInvitations(new Date(h.clock.now().getTime() + 86_400_000))).toEqual([]);
    // A later slot finds nothing to finish.
    await h.app.jobs.runSlot(job, slotContaining(job, new Date(h.clock.now().getTime() + 11 * 60_000)));
    await h.flush();
    expect(people.map(invitationsTo)).toEqual(people.map(() => 1));
  });

  it("marks a round whose start finished as fully invited", async () => {
    await h.command("carlos", "pulse start quick-pulse", { conversation: "C-ALL" });
    expect(await h.app.store.rounds.awaitingInvitations(new Date(h.clock.now().getTime() + 86_400_000))).toEqual([]);
  });
});
