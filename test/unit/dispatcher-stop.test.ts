/** A stop hands queued events off (or, when it cannot, handles them) and never drops one. */
import { describe, expect, it } from "vitest";
import type { Bot } from "../../src/core/bot.ts";
import { createDispatcher } from "../../src/core/dispatcher.ts";
import type { BotEvent } from "../../src/core/events.ts";
import { createMemoryLogger } from "../../src/core/logger.ts";
import { createHandoff } from "../../src/core/handoff.ts";
import { createSeal } from "../../src/core/seal.ts";
import type { EventHandoffStore } from "../../src/store/types.ts";

const event = (i: number) =>
  ({ kind: "command", platform: "slack", eventId: `e${i}`, workspaceId: "slack:T1", userId: `U${i}`, conversationId: "C1", isDirect: true, text: "help" }) as unknown as BotEvent;

/** A bot whose handling waits until released, recording what it handled. */
function heldBot() {
  const handled: string[] = [];
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const handle = async (e: BotEvent) => {
    await gate;
    handled.push((e as { eventId: string }).eventId);
  };
  const bot = { handle } as unknown as Bot;
  return { bot, handled, release };
}

describe("dispatcher stop", () => {
  it("hands off what has not started, finishes what is running, and the next start handles the rest once", async () => {
    const { bot, handled, release } = heldBot();
    const saved: { id: string; sealed: string }[] = [];
    const store: EventHandoffStore = {
      save: async (s) => void saved.push(...s.map((sealed, i) => ({ id: String(i), sealed }))),
      list: async (n) => saved.slice(0, n),
      remove: async (id) =>
        void saved.splice(
          saved.findIndex((r) => r.id === id),
          1,
        ),
    };
    const handoff = createHandoff(store, createSeal("a secret of some length", "test"), createMemoryLogger());
    const d = createDispatcher(bot, createMemoryLogger(), { concurrency: 2, handoff: (events) => handoff.save(events) });
    for (let i = 0; i < 10; i++) d.dispatch(event(i));
    const stopped = d.stop(0);
    await new Promise((r) => setTimeout(r, 10));
    release();
    await stopped;
    expect(handled).toEqual(["e0", "e1"]);
    expect(saved).toHaveLength(8);
    // Sealed: the ciphertext's bytes hold no field of the event.
    expect(saved.every((r) => !Buffer.from(r.sealed.split(".")[3]!, "base64").toString("latin1").includes('"userId"'))).toBe(true);
    const next: string[] = [];
    expect(await handoff.replay(async (e) => void next.push((e as { eventId: string }).eventId))).toBe(8);
    expect(next).toEqual(["e2", "e3", "e4", "e5", "e6", "e7", "e8", "e9"]);
    expect(saved).toEqual([]);
  });

  it("handles everything itself when the handoff cannot be saved", async () => {
    const { bot, handled, release } = heldBot();
    const logger = createMemoryLogger();
    const d = createDispatcher(bot, logger, { concurrency: 2, handoff: async () => Promise.reject(new Error("database gone")) });
    for (let i = 0; i < 6; i++) d.dispatch(event(i));
    const stopped = d.stop(0);
    await new Promise((r) => setTimeout(r, 10));
    release();
    await stopped;
    expect(handled.sort()).toEqual(["e0", "e1", "e2", "e3", "e4", "e5"]);
    expect(logger.lines.map((l) => l.msg)).toContain("handing off events failed; handling them before stopping");
  });

  it("drops a row sealed under another key, saying so, and goes on", async () => {
    const rows = [{ id: "1", sealed: createSeal("the old secret value", "p").seal("{}", "event-handoff") }];
    const store: EventHandoffStore = {
      save: async () => undefined,
      list: async (n) => rows.slice(0, n),
      remove: async (id) =>
        void rows.splice(
          rows.findIndex((r) => r.id === id),
          1,
        ),
    };
    const logger = createMemoryLogger();
    const handoff = createHandoff(store, createSeal("the new secret value", "p"), logger);
    expect(await handoff.replay(async () => undefined)).toBe(0);
    expect(rows).toEqual([]);
    expect(logger.lines.some((l) => String(l.msg).includes("cannot be opened"))).toBe(true);
  });

  it("drops a saved event older than two days (it could not be told from one put back)", async () => {
    const rows: { id: string; sealed: string }[] = [];
    const store: EventHandoffStore = {
      save: async (s) => void rows.push(...s.map((sealed, i) => ({ id: String(i), sealed }))),
      list: async (n) => rows.slice(0, n),
      remove: async (id) =>
        void rows.splice(
          rows.findIndex((r) => r.id === id),
          1,
        ),
    };
    let t = Date.parse("2027-01-01T00:00:00Z");
    const logger = createMemoryLogger();
    const handoff = createHandoff(store, createSeal("a secret of some length", "p"), logger, () => t);
    await handoff.save([event(1)]);
    t += 3 * 86_400_000;
    const seen: BotEvent[] = [];
    expect(await handoff.replay(async (e) => void seen.push(e))).toBe(0);
    expect(seen).toEqual([]);
    expect(rows).toEqual([]);
    expect(logger.lines.map((l) => l.msg)).toContain("a handed-off event is too old to handle and is dropped");
  });
});
