import { describe, expect, it } from "vitest";
import { createPacer } from "../../src/outbox/pacer.ts";

describe("outbox pacing", () => {
  it("spaces sends to one conversation and caps a workspace per second", () => {
    let now = 0;
    const pacer = createPacer({ perConversationIntervalMs: 1000, perWorkspacePerSecond: 3, maxAttempts: 3 }, () => now);
    expect([pacer.reserve("c1", "w"), pacer.reserve("c1", "w"), pacer.reserve("c1", "w")]).toEqual([0, 1000, 2000]);
    // Other conversations are not held by c1's spacing, but by the workspace's 3 per second.
    expect([pacer.reserve("c2", "w2"), pacer.reserve("c3", "w2"), pacer.reserve("c4", "w2"), pacer.reserve("c5", "w2")]).toEqual([0, 0, 0, 1000]);
    now = 5000;
    expect(pacer.reserve("c1", "w")).toBe(0);
  });

  it("holds a conversation back after a Retry-After", () => {
    let now = 0;
    const pacer = createPacer({ perConversationIntervalMs: 0, perWorkspacePerSecond: 0, maxAttempts: 3 }, () => now);
    pacer.pause("c1", 30_000);
    expect(pacer.reserve("c1", "w")).toBe(30_000);
    expect(pacer.reserve("c2", "w")).toBe(0);
    now = 40_000;
    expect(pacer.reserve("c1", "w")).toBe(0);
  });
});
