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

export interface Handoff {
  /** Saves acknowledged, unhandled events for the next start. */
  save(events: BotEvent[]): Promise<void>;
  /** Handles every saved event in order, deleting each once handled; returns how many. */
  replay(handle: (event: BotEvent) => Promise<void>): Promise<number>;
}

export function createHandoff(store: EventHandoffStore, seal: Seal, logger: Logger): Handoff {
  const log = logger.child({ component: "handoff" });
  return {
    async save(events) {
      if (events.length === 0) return;
      await store.save(events.map((e) => seal.seal(JSON.stringify(e), CONTEXT)));
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
            event = JSON.parse(seal.open(row.sealed, CONTEXT)) as BotEvent;
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
