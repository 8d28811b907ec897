/** Slack rate tiers on our side: calls spaced per method and token, 429s waited out, nothing else retried. */
import { describe, expect, it } from "vitest";
import { createTierPacer } from "../../adapters/slack/tiers.ts";
import { BotError } from "../../src/core/errors.ts";

function virtualTime() {
  let t = 0;
  return { now: () => t, sleep: async (ms: number) => void (t += ms), at: () => t };
}

describe("tier pacer", () => {
  it("spaces a Tier 2 method to 20 a minute per token, and other methods or tokens apart", async () => {
    const v = virtualTime();
    const tiers = createTierPacer(v);
    const times: number[] = [];
    for (let i = 0; i < 4; i++) await tiers.run("t1", "users.list", async () => times.push(v.at()));
    expect(times).toEqual([0, 3000, 6000, 9000]);
    await tiers.run("t2", "users.list", async () => times.push(v.at()));
    expect(times.at(-1)).toBe(9000);
  });

  it("tryRun calls only when the tier has room now, and never waits", async () => {
    const v = virtualTime();
    const tiers = createTierPacer(v);
    const calls: number[] = [];
    expect(await tiers.tryRun("t", "users.info", async () => calls.push(v.at()))).toBe(1);
    // Users.info is 100 a minute: the next one is free 600 ms later.
    expect(tiers.tryRun("t", "users.info", async () => calls.push(v.at()))).toBeNull();
    await v.sleep(600);
    expect(tiers.tryRun("t", "users.info", async () => calls.push(v.at()))).not.toBeNull();
    // A queued run counts: tryRun gives way to it.
    const queued = tiers.run("t", "users.info", async () => calls.push(v.at()));
    expect(tiers.tryRun("t", "users.info", async () => calls.push(-1))).toBeNull();
    await queued;
    expect(calls).toEqual([0, 600, 1200]);
  });

  it("waits out a 429's Retry-After and tries again; a permanent error is not retried", async () => {
    const v = virtualTime();
    const tiers = createTierPacer(v);
    let n = 0;
    const value = await tiers.run("t", "users.info", async () => {
      if (n++ === 0) throw new BotError("ADAPTER_SEND_FAILED", "Slack users.info: rate limited", { retryable: true, retryAfterMs: 30_000 });
      return "ok";
    });
    expect(value).toBe("ok");
    expect(v.at()).toBeGreaterThanOrEqual(30_000);
    let tries = 0;
    await expect(
      tiers.run("t", "users.info", async () => {
        tries++;
        throw new BotError("ADAPTER_SEND_FAILED", "Slack users.info: user_not_found", { retryable: false });
      }),
    ).rejects.toThrow("user_not_found");
    expect(tries).toBe(1);
  });
});
