/**
 * The outbox worker's lanes poll apart: a reply whose send failed is retried on its own schedule
 * while the bulk lane is still busy with a long, paced fan-out (here: held until the test lets go).
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import type { PlatformAdapter } from "../../src/core/adapter.ts";
import { BotError } from "../../src/core/errors.ts";
import { createMemoryLogger } from "../../src/core/logger.ts";
import { createOutboxWorker, type OutboxWorker } from "../../src/outbox/worker.ts";
import type { OutboxLane, OutboxMessage, OutboxStore } from "../../src/store/types.ts";

/** Just enough of the outbox store for the worker: claim by lane and due time, then record the outcome. */
function memoryOutbox(messages: OutboxMessage[]): OutboxStore & { claims: Record<OutboxLane, number> } {
  const byId = new Map(messages.map((m) => [m.id, m]));
  const claims: Record<OutboxLane, number> = { reply: 0, bulk: 0 };
  const unused = () => {
    throw new Error("not used by the worker");
  };
  return {
    claims,
    async claim(now: Date, limit: number, lockMs: number, lane?: OutboxLane) {
      if (lane) claims[lane]++;
      const due = [...byId.values()].filter((m) => m.status === "pending" && m.nextAttemptAt <= now && (!lane || m.lane === lane)).slice(0, limit);
      for (const m of due) {
        m.status = "sending";
        m.nextAttemptAt = new Date(now.getTime() + lockMs);
      }
      return due.map((m) => ({ ...m }));
    },
    async markSent(id) {
      byId.get(id)!.status = "sent";
    },
    async remove(id) {
      byId.delete(id);
    },
    async markFailed(id, error, nextAttemptAt) {
      const m = byId.get(id)!;
      m.attempts++;
      m.lastError = error;
      if (nextAttemptAt) Object.assign(m, { status: "pending", nextAttemptAt });
      else m.status = "dead";
    },
    async defer(id, nextAttemptAt) {
      Object.assign(byId.get(id)!, { status: "pending", nextAttemptAt });
    },
    enqueue: unused,
    get: unused,
    progress: unused,
    list: unused,
    deleteByPrefix: unused,
    pruneSent: unused,
  };
}

const message = (id: string, lane: OutboxLane): OutboxMessage => ({
  id,
  workspaceId: "fake:T",
  platform: "fake",
  dedupeKey: id,
  op: "post",
  destination: { kind: "dm", userId: id },
  card: { summary: id, elements: [] },
  paceKey: id,
  status: "pending",
  attempts: 0,
  nextAttemptAt: new Date(0),
  lastError: null,
  sentRef: null,
  transient: false,
  lane,
});

let worker: OutboxWorker | undefined;
let releaseBulk = () => {};
afterEach(async () => {
  releaseBulk();
  await worker?.stop();
});

describe("outbox worker lanes", () => {
  it("retries a failed reply while the bulk lane is still sending", async () => {
    const bulkHeld = new Promise<void>((r) => (releaseBulk = r));
    const attempts: string[] = [];
    const adapter = {
      platform: "fake",
      pacing: { perConversationIntervalMs: 0, perWorkspacePerSecond: 0, maxAttempts: 5 },
      async post(_workspace: string, destination: { userId: string }) {
        attempts.push(destination.userId);
        if (destination.userId === "invitation") await bulkHeld;
        // The first reply meets a dropped connection, as a keep-alive socket closed by the server.
        if (destination.userId === "reply" && attempts.filter((a) => a === "reply").length === 1) {
          throw new BotError("ADAPTER_SEND_FAILED", "fetch failed", { retryable: true });
        }
        return { conversationId: destination.userId, messageId: "1" };
      },
    } as unknown as PlatformAdapter;
    const store = memoryOutbox([message("invitation", "bulk"), message("reply", "reply")]);
    worker = createOutboxWorker({
      store,
      adapters: new Map([["fake", adapter]]),
      clock: { now: () => new Date() },
      logger: createMemoryLogger(),
      // The retry is due well after the failed pass ends (200 ms against 20 ms polls), so only a
      // lane that polls on its own picks it up while the bulk lane is held.
      pollMs: 20,
      backoffMs: 200,
      random: () => 0.5,
    });
    worker.start();
    await vi.waitFor(() => expect(attempts.filter((a) => a === "reply")).toHaveLength(2), { timeout: 20_000, interval: 20 });
    expect(store.claims.reply).toBeGreaterThanOrEqual(3);
    // The invitation is still being sent: the retry did not wait for the bulk lane.
    expect(attempts.filter((a) => a === "invitation")).toHaveLength(1);
  });

  it("stops polling at stop(), and polls again once started", async () => {
    const store = memoryOutbox([]);
    worker = createOutboxWorker({
      store,
      adapters: new Map(),
      clock: { now: () => new Date() },
      logger: createMemoryLogger(),
      pollMs: 10,
    });
    worker.start();
    await vi.waitFor(() => expect(store.claims.reply).toBeGreaterThan(2), { timeout: 20_000, interval: 10 });
    await worker.stop();
    const after = { ...store.claims };
    // However slow the machine, a stopped worker claims nothing more.
    await new Promise((r) => setTimeout(r, 100));
    expect(store.claims).toEqual(after);
    worker.start();
    await vi.waitFor(() => expect(store.claims.bulk).toBeGreaterThan(after.bulk), { timeout: 20_000, interval: 10 });
  });
});
