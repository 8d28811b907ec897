/**
 * Slack's Web API rate tiers, kept on our side so a large roster never meets a 429: each method
 * of a tier is spaced per token (Tier 2: 20 a minute, Tier 3: 50, Tier 4: 100), and a 429 that
 * still comes (another process sharing the token) is waited out with its Retry-After and tried
 * again a few times; a dropped connection is tried once more. Used by the roster and DM lookups, which run while a person waits for a
 * round to start; message posts are paced by the outbox instead.
 */
import { BotError } from "../../src/core/errors.ts";

/** Calls per minute for the methods this adapter calls in bulk. */
export const TIERS: Record<string, number> = {
  "users.list": 20,
  "conversations.open": 50,
  "conversations.members": 100,
  "users.info": 100,
};

export interface TierPacer {
  /** Runs `call` no sooner than its tier allows, waiting out a 429 up to `attempts` times. */
  run<T>(token: string, method: string, call: () => Promise<T>): Promise<T>;
  /**
   * Runs `call` only if its tier allows a call right now, else returns null without waiting (for
   * lookups that are nice to have, such as a person's language while they wait for a reply).
   */
  tryRun<T>(token: string, method: string, call: () => Promise<T>): Promise<T> | null;
}

/** No spacing and no retries (tests that are not about rate limits). */
export const UNPACED: TierPacer = { run: (_token, _method, call) => call(), tryRun: (_token, _method, call) => call() };

export function createTierPacer(options: { now?: () => number; sleep?: (ms: number) => Promise<void>; attempts?: number } = {}): TierPacer {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const attempts = options.attempts ?? 5;
  const nextFree = new Map<string, number>();
  const reserve = (key: string, perMinute: number) => {
    const t = now();
    const at = Math.max(t, nextFree.get(key) ?? 0);
    nextFree.set(key, at + Math.ceil(60_000 / perMinute));
    return at - t;
  };
  /** After a 429 (or a failure worth a pause), everyone on this method waits at least `ms`. */
  const holdBack = (key: string, ms: number) => nextFree.set(key, Math.max(nextFree.get(key) ?? 0, now() + ms));
  return {
    tryRun(token, method, call) {
      const perMinute = TIERS[method];
      const key = `${token}\u0000${method}`;
      if (perMinute) {
        if ((nextFree.get(key) ?? 0) > now()) return null;
        reserve(key, perMinute);
      }
      return call().catch((error: unknown) => {
        // A 429 still holds back everyone on this method, as in run().
        if (error instanceof BotError && error.retryAfterMs !== undefined) holdBack(key, error.retryAfterMs);
        throw error;
      });
    },
    async run(token, method, call) {
      const perMinute = TIERS[method];
      const key = `${token}\u0000${method}`;
      for (let attempt = 1; ; attempt++) {
        if (perMinute) {
          const wait = reserve(key, perMinute);
          if (wait > 0) await sleep(wait);
        }
        try {
          return await call();
        } catch (error) {
          // A 429 waits its Retry-After; a dropped connection or a 5xx gets one more try a second later.
          const retryable = error instanceof BotError && error.retryable;
          const retryAfter = error instanceof BotError ? (error.retryAfterMs ?? (attempt === 1 && retryable ? 1000 : undefined)) : undefined;
          if (retryAfter === undefined || attempt >= attempts) throw error;
          // Everyone behind us on this method waits too.
          holdBack(key, retryAfter);
        }
      }
    },
  };
}
