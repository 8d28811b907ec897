import { describe, expect, it } from "vitest";
import { compileElement, trend, type Level } from "../../src/rubrics/consensus.ts";

const levels: Level[] = [
  { key: "well-functioning", score: 3 },
  { key: "emerging", score: 2 },
  { key: "needs-help", score: 1 },
];
const W = "well-functioning";
const E = "emerging";
const N = "needs-help";

describe("consensus, ties and divergence", () => {
  it.each([
    // ratings, consensus, agreement, divergent
    [[W, W, W, W, W], W, 1, false],
    [[W, W, W, E, E], W, 0.6, false],
    [[E, E, E, W, N], E, 0.6, true], // both ends present
    [[W, W, E, E], E, 0.5, false], // tie resolves to the lower level
    [[W, W, N, N], N, 0.5, true], // tie across both ends
    [[W, E, N], E, 1 / 3, true],
    [[W, E, E, N, N, N], N, 0.5, true], // middle values N and E: the lower wins
    [[E, E, E, E, N], E, 0.8, false],
    [[W, W, W, W, N], W, 0.8, true], // a lone "needs help" next to "well-functioning" is divergence
    [[E, W, E, W, E, W], E, 0.5, false],
  ] as const)("%j → %s", (ratings, consensus, agreement, divergent) => {
    const c = compileElement(levels, [...ratings]);
    expect(c.consensus).toBe(consensus);
    expect(c.agreement).toBeCloseTo(agreement);
    expect(c.divergent).toBe(divergent);
    expect(c.ratings).toBe(ratings.length);
  });

  it("leaves out don't know and counts it", () => {
    const c = compileElement(levels, [W, null, null, E, E]);
    expect(c).toMatchObject({ consensus: E, ratings: 3, dontKnow: 2, distribution: { [W]: 1, [E]: 2, [N]: 0 } });
  });

  it("has no consensus without ratings", () => {
    expect(compileElement(levels, [null, null])).toMatchObject({ consensus: null, ratings: 0, divergent: false });
  });
});

describe("trend since the previous round", () => {
  it.each([
    [E, N, "up"],
    [N, E, "down"],
    [W, W, "same"],
    [W, null, null],
    [null, W, null],
  ] as const)("%s after %s → %s", (now, before, expected) => {
    expect(trend(levels, now, before)).toBe(expected);
  });
});
