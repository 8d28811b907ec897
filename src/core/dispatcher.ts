/**
 * Hands acknowledged events to the core with bounded concurrency. Receivers acknowledge first
 * (Slack wants an answer within 3 s, Teams within 15 s); if every acknowledged event started its
 * database work at once, the callbacks of hundreds of queries would queue ahead of the next
 * request's acknowledgement. A small pool keeps acks fast under load; events wait their turn in
 * order. A stop drains the queue for a while, then hands what is still waiting to the next start
 * (handoff.ts) and finishes only what is running.
 */
import type { Bot } from "./bot.ts";
import type { BotEvent } from "./events.ts";
import type { Logger } from "./logger.ts";

export interface Dispatcher {
  /** Queues an event; `before` runs first in the same slot (platform bookkeeping after the ack). */
  dispatch(event: BotEvent | null, before?: () => Promise<void>, after?: () => void): void;
  /** Resolves when every queued and running event is handled. */
  idle(): Promise<void>;
  /**
   * Stops: handles queued events for up to `withinMs`, then saves the rest through `handoff`
   * (when given; otherwise keeps handling them) and waits for the running ones.
   */
  stop(withinMs: number): Promise<void>;
  readonly pending: number;
}

/** How a stop treats acknowledged events still queued (see handoff.ts). */
export interface StopOptions {
  /** How long a stop keeps handling queued events before handing the rest off. */
  withinMs: number;
  handoff: (events: BotEvent[]) => Promise<void>;
}

/** Every dispatcher's queue, for the metrics' depth gauge. */
const depths = new Set<() => number>();
export const queuedEvents = (): number => [...depths].reduce((n, depth) => n + depth(), 0);

export function createDispatcher(bot: Bot, logger: Logger, options: { concurrency?: number; warnAt?: number; handoff?: (events: BotEvent[]) => Promise<void> } = {}): Dispatcher {
  const concurrency = options.concurrency ?? 4;
  const warnAt = options.warnAt ?? 2000;
  const queue: { event: BotEvent | null; before?: () => Promise<void>; after?: () => void }[] = [];
  let running = 0;
  let waiters: (() => void)[] = [];
  let warned = false;
  depths.add(() => queue.length);

  const pump = () => {
    while (running < concurrency && queue.length > 0) {
      const item = queue.shift()!;
      running++;
      void (async () => {
        try {
          await item.before?.();
          if (item.event) await bot.handle(item.event);
        } catch (error) {
          logger.error("dispatch failed", { kind: item.event?.kind ?? "bookkeeping", error });
        } finally {
          item.after?.();
          running--;
          if (queue.length === 0 && running === 0) {
            for (const w of waiters) w();
            waiters = [];
          }
          // Let pending I/O (new requests waiting for their ack) run before the next event.
          setImmediate(pump);
        }
      })();
    }
  };

  return {
    dispatch(event, before, after) {
      queue.push({ event, ...(before ? { before } : {}), ...(after ? { after } : {}) });
      if (queue.length >= warnAt && !warned) {
        warned = true;
        logger.warn("event backlog is growing", { queued: queue.length });
      }
      if (queue.length < warnAt / 2) warned = false;
      pump();
    },
    idle() {
      if (queue.length === 0 && running === 0) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    get pending() {
      return queue.length + running;
    },
    async stop(withinMs) {
      const idle = this.idle();
      if (options.handoff) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([idle, new Promise((r) => (timer = setTimeout(r, withinMs)))]);
        clearTimeout(timer);
        const rest = queue.splice(0);
        const events: BotEvent[] = [];
        for (const item of rest) {
          // Platform bookkeeping is quick and local to this process: done now, not handed off.
          await item.before?.().catch((error) => logger.error("bookkeeping failed at stop", { error }));
          item.after?.();
          if (item.event) events.push(item.event);
        }
        if (events.length > 0) {
          try {
            await options.handoff(events);
          } catch (error) {
            // Could not save them: keep handling them here rather than lose them.
            logger.error("handing off events failed; handling them before stopping", { count: events.length, error });
            for (const event of events) queue.push({ event });
            pump();
          }
        }
        if (running === 0) {
          for (const w of waiters) w();
          waiters = [];
        }
      }
      await this.idle();
    },
  };
}
