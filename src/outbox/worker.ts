/**
 * Sends what the core wrote to the outbox, through the adapters. Claims rows with
 * FOR UPDATE SKIP LOCKED (several replicas share the work), paces sends per conversation and
 * per workspace as each adapter asks, retries with exponential backoff and jitter (honouring a
 * platform's Retry-After), and marks a message dead after the adapter's maximum attempts.
 * A crash mid fan-out leaves unsent rows pending; they are claimed again when their lock expires.
 */
import type { MailSender, PacingRules, PlatformAdapter } from "../core/adapter.ts";
import type { Clock } from "../core/clock.ts";
import type { Logger } from "../core/logger.ts";
import type { MessageRef, Platform } from "../core/events.ts";
import { isBotError } from "../core/errors.ts";
import type { OutboxLane, OutboxMessage, OutboxStore } from "../store/types.ts";
import { createPacer, type Pacer } from "./pacer.ts";

export interface OutboxWorkerOptions {
  store: OutboxStore;
  adapters: Map<Platform, PlatformAdapter>;
  /** Sends `email` destinations; without it they fail (email invitations are refused before that). */
  mail?: MailSender;
  clock: Clock;
  logger: Logger;
  /** How often to look for due messages when nothing woke the worker (ms). */
  pollMs?: number;
  batchSize?: number;
  /** How long a claimed message stays locked to this worker (ms). */
  lockMs?: number;
  /** Base of the exponential backoff (ms). */
  backoffMs?: number;
  /** Source of jitter; injectable so tests are deterministic. */
  random?: () => number;
}

export interface OutboxWorker {
  start(): void;
  /** Stops polling and waits for in-flight sends. */
  stop(): Promise<void>;
  /** Wakes the worker now (called after the core enqueues). */
  kick(): void;
  /** Processes until nothing is due (tests, CLI). Returns how many messages were handled. */
  drain(): Promise<number>;
}

export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { store, adapters, clock } = options;
  const log = options.logger.child({ component: "outbox" });
  const pollMs = options.pollMs ?? 1000;
  const batchSize = options.batchSize ?? 25;
  const lockMs = options.lockMs ?? 60_000;
  const backoffMs = options.backoffMs ?? 1000;
  const random = options.random ?? Math.random;
  const pacers = new Map<string, Pacer>();
  let running = false;
  let stopping = false;

  const pacerFor = (key: string, pacing: PacingRules): Pacer => {
    let p = pacers.get(key);
    if (!p) {
      p = createPacer(pacing);
      pacers.set(key, p);
    }
    return p;
  };

  /** Delivered: transient messages go, the rest stay as sent (their dedupe keys guard jobs). */
  async function done(message: OutboxMessage, ref: MessageRef | null): Promise<void> {
    if (message.transient) await store.remove(message.id);
    else await store.markSent(message.id, ref, clock.now());
  }

  async function deliver(message: OutboxMessage): Promise<void> {
    const email = message.destination.kind === "email";
    const adapter = email ? undefined : adapters.get(message.platform);
    const sender = email ? options.mail : undefined;
    if (!adapter && !sender) {
      // The platform (or email) is not configured in this process; another replica may have it.
      await store.markFailed(message.id, `no ${email ? "mail sender" : `${message.platform} adapter`} in this process`, new Date(clock.now().getTime() + 60_000));
      return;
    }
    const pacing = (adapter ?? sender)!.pacing;
    // Each lane has its own pacer: replies keep their own budget under the platform's limits.
    const pacer = pacerFor(`${email ? "email" : message.platform}:${message.lane}`, pacing);
    const wait = pacer.reserve(message.paceKey, message.workspaceId);
    if (wait > 2000) {
      await store.defer(message.id, new Date(clock.now().getTime() + wait));
      return;
    }
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    try {
      if (sender && message.destination.kind === "email") {
        await sender.send(message.destination.to, message.card, message.destination.link);
        await done(message, null);
      } else if (message.op === "update") {
        if (message.destination.kind !== "message") throw new Error("update without a message reference");
        await adapter!.update(message.workspaceId, message.destination.ref, message.card);
        await done(message, message.destination.ref);
      } else {
        if (message.destination.kind === "message" || message.destination.kind === "email") throw new Error("post to a message reference");
        const ref = await adapter!.post(message.workspaceId, message.destination, message.card);
        await done(message, ref);
      }
    } catch (error) {
      const attempts = message.attempts + 1;
      const retryable = isBotError(error) ? error.retryable : true;
      const retryAfter = isBotError(error) ? error.retryAfterMs : undefined;
      if (retryAfter !== undefined) pacer.pause(message.paceKey, retryAfter);
      if (!retryable || attempts >= pacing.maxAttempts) {
        log.error("message dead", { id: message.id, platform: message.platform, attempts, error });
        // A reply nobody will ever see is not kept either: it would only record who acted when.
        if (message.transient) await store.remove(message.id);
        else await store.markFailed(message.id, (error as Error).message ?? String(error), null);
        return;
      }
      const exponential = backoffMs * 2 ** (attempts - 1);
      const delay = Math.min(retryAfter ?? exponential * (0.5 + random()), 15 * 60_000);
      log.warn("send failed, will retry", { id: message.id, platform: message.platform, attempts, delayMs: Math.round(delay), error });
      await store.markFailed(message.id, (error as Error).message ?? String(error), new Date(clock.now().getTime() + delay));
    }
  }

  async function processBatch(lane: OutboxLane): Promise<number> {
    const claimed = await store.claim(clock.now(), batchSize, lockMs, lane);
    if (claimed.length === 0) return 0;
    // Sends to one conversation stay in order; different conversations go in parallel.
    const groups = new Map<string, OutboxMessage[]>();
    for (const m of claimed) groups.set(m.paceKey, [...(groups.get(m.paceKey) ?? []), m]);
    await Promise.all(
      [...groups.values()].map(async (group) => {
        for (const m of group) await deliver(m);
      }),
    );
    return claimed.length;
  }

  /**
   * Each lane drains on its own (its own pass, its own "run again" flag), so a reply queued while
   * a thousand invitations go out is claimed at once instead of after them.
   */
  const lanes = new Map<OutboxLane, { busy?: Promise<number>; again: boolean }>([
    ["reply", { again: false }],
    ["bulk", { again: false }],
  ]);

  async function drainLane(lane: OutboxLane): Promise<number> {
    const state = lanes.get(lane)!;
    let total = 0;
    do {
      state.again = false;
      let n: number;
      do {
        n = await processBatch(lane);
        total += n;
      } while (n > 0 && !stopping);
    } while (state.again && !stopping);
    return total;
  }

  function runLane(lane: OutboxLane): Promise<number> {
    const state = lanes.get(lane)!;
    if (state.busy) {
      state.again = true;
      return state.busy;
    }
    state.busy = drainLane(lane)
      .catch((error) => {
        log.error("outbox pass failed", { lane, error });
        return 0;
      })
      .finally(() => {
        state.busy = undefined;
      });
    return state.busy;
  }

  const run = async (): Promise<number> => {
    const [replies, bulk] = await Promise.all([runLane("reply"), runLane("bulk")]);
    return replies + bulk;
  };
  const busyLanes = () => [...lanes.values()].map((l) => l.busy).filter((b): b is Promise<number> => b !== undefined);

  /**
   * Each lane polls on its own timer. One shared timer re-armed after both lanes finished would
   * leave a reply whose send failed (due again in a second) waiting until a thousand paced
   * invitations had gone: only a new enqueue would wake it.
   */
  const timers = new Map<OutboxLane, NodeJS.Timeout>();
  const schedule = (lane: OutboxLane, delay: number) => {
    // One timer per lane, even when a pass from before a stop() ends after the next start().
    clearTimeout(timers.get(lane));
    timers.set(
      lane,
      setTimeout(() => {
        if (!running) return;
        void runLane(lane).finally(() => {
          if (running) schedule(lane, pollMs);
        });
      }, delay),
    );
  };

  return {
    start() {
      if (running) return;
      running = true;
      stopping = false;
      for (const lane of lanes.keys()) schedule(lane, 0);
    },
    async stop() {
      running = false;
      stopping = true;
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
      await Promise.all(busyLanes());
    },
    kick() {
      if (running) void run();
    },
    async drain() {
      let total = 0;
      for (;;) {
        await Promise.all(busyLanes());
        const n = await run();
        total += n;
        if (n === 0) return total;
      }
    },
  };
}
