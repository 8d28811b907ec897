/**
 * Nothing acknowledged is lost at a stop: events still queued when a stopping process runs out of
 * time are saved, sealed, and the next process to start handles them (once: `processed_events`
 * dedupes, so a replica replaying the same row at the same moment, or the platform's own retry,
 * is recognised) and deletes each after handling it. Sealed because a queued event may carry a
 * person's answers beside their id: the key is derived from a secret outside the database, so a
 * database reader learns nothing from these rows, and they are gone once handled.
 */
import type { BotEvent } from "./events.ts";
import type { Logger } from "./logger.ts";
import type { Seal } from "./seal.ts";
import type { EventHandoffStore } from "../store/types.ts";

const CONTEXT = "event-handoff";
/**
 * Older than this, a saved event is dropped unhandled: past the platforms' retry windows, and past
 * the two days `processed_events` remembers, so an old row put back could not be told from new.
 */
const MAX_AGE_MS = 2 * 86_400_000;

export interface Handoff {
  /** Saves acknowledged, unhandled events for the next start. */
  save(events: BotEvent[]): Promise<void>;
  /** Handles every saved event in order, deleting each once handled; returns how many. */
  replay(handle: (event: BotEvent) => Promise<void>): Promise<number>;
}

export function createHandoff(store: EventHandoffStore, seal: Seal, logger: Logger, now: () => number = Date.now): Handoff {
  const log = logger.child({ component: "handoff" });
  return {
    async save(events) {
      if (events.length === 0) return;
      // The time is sealed with the event, so it cannot be changed without the key.
      await store.save(events.map((event) => seal.seal(JSON.stringify({ sealedAt: now(), event }), CONTEXT)));
      log.info("acknowledged events handed to the next start", { count: events.length });
    },
    async replay(handle) {
      let handled = 0;
      for (;;) {
        const rows = await store.list(100);
        if (rows.length === 0) break;
        for (const row of rows) {
          let event: BotEvent | null = null;
          try {
            const opened = JSON.parse(seal.open(row.sealed, CONTEXT)) as { sealedAt: number; event: BotEvent };
            if (now() - opened.sealedAt <= MAX_AGE_MS) event = opened.event;
            else log.warn("a handed-off event is too old to handle and is dropped", { id: row.id });
          } catch {
            // Sealed under another key (the secret changed): it can never be read; say so once.
            log.error("a handed-off event cannot be opened with this key and is dropped", { id: row.id });
          }
          if (event) {
            await handle(event).catch((error) => log.error("handed-off event failed", { kind: event!.kind, error }));
            handled++;
          }
          await store.remove(row.id);
        }
      }
      if (handled > 0) log.info("handled events handed off by a stopped process", { count: handled });
      return handled;
    },
  };
}
