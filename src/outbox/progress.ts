/**
 * Progress of long work shown in place: the reply that started a fan-out (a round's invitations) is
 * updated as its messages go out ("240 of 1,000 invited, 3 could not be reached"), every few seconds
 * at most, until none waits. At most a few updates in all: Slack lets a response_url be used five
 * times, and a person needs to see movement, not every step. Runs in the process that started the
 * work; if that process stops, the fan-out still completes (the outbox is durable), the count simply
 * stops moving.
 */
import type { Card } from "../core/card.ts";
import type { Outbox } from "../core/outbox.ts";
import type { Platform } from "../core/events.ts";
import type { Logger } from "../core/logger.ts";
import type { OutboxStore } from "../store/types.ts";

export interface ProgressInput {
  workspaceId: string;
  platform: Platform;
  /** Dedupe key of the reply to update (kept until sent so its reference is known). */
  replyKey: string;
  /** Dedupe-key prefix of the messages being counted. */
  prefix: string;
  total: number;
  render(progress: { done: number; failed: number; total: number }): Card;
}

export interface ProgressTracker {
  track(input: ProgressInput): void;
  stop(): void;
}

export function createProgressTracker(options: {
  store: Pick<OutboxStore, "progress" | "get">;
  outbox: Outbox;
  logger: Logger;
  intervalMs?: number;
  maxUpdates?: number;
}): ProgressTracker {
  const intervalMs = options.intervalMs ?? 3000;
  const maxUpdates = options.maxUpdates ?? 4;
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;
  return {
    track(input) {
      let updates = 0;
      let last = -1;
      const started = Date.now();
      const tick = async () => {
        if (stopped) return;
        const reply = await options.store.get(input.replyKey);
        const { pending, dead } = await options.store.progress(input.prefix);
        const done = Math.max(0, input.total - pending - dead);
        const finished = pending === 0;
        // Intermediate updates keep one in reserve for the final count.
        const mayUpdate = finished ? updates < maxUpdates : updates < maxUpdates - 1;
        if (reply?.sentRef && mayUpdate && done + dead !== last) {
          updates++;
          last = done + dead;
          await options.outbox.update({
            workspaceId: input.workspaceId,
            platform: input.platform,
            ref: reply.sentRef,
            card: input.render({ done, failed: dead, total: input.total }),
            dedupeKey: `${input.replyKey}:progress${updates}`,
            transient: true,
            lane: "reply",
          });
        }
        // Thirty minutes at most (a Slack response_url's life).
        if ((finished && last === done + dead) || Date.now() - started > 30 * 60_000) return;
        schedule();
      };
      const schedule = () => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          tick().catch((error) => options.logger.warn("progress update failed", { error }));
        }, intervalMs);
        timer.unref();
        timers.add(timer);
      };
      schedule();
    },
    stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}
