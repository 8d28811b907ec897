import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { effectiveThreshold, gate, gateComments, gateSegments, THRESHOLD_FLOOR } from "../../src/core/gate.ts";

describe("anonymity gate", () => {
  it("shows a group at the threshold and withholds it one below, saying how many more are needed", () => {
    expect(gate(5, 5)).toEqual({ visible: true, respondents: 5 });
    expect(gate(4, 5)).toEqual({ visible: false, needed: 1, reason: "below_threshold" });
    expect(gate(0, 5)).toEqual({ visible: false, needed: 5, reason: "below_threshold" });
  });

  it("never goes below the floor of 3, whatever is configured", () => {
    expect(THRESHOLD_FLOOR).toBe(3);
    expect(effectiveThreshold(1)).toBe(3);
    expect(effectiveThreshold(0)).toBe(3);
    expect(effectiveThreshold(Number.NaN)).toBe(3);
    expect(gate(2, 1)).toEqual({ visible: false, needed: 1, reason: "below_threshold" });
    expect(gate(3, 1).visible).toBe(true);
    expect(effectiveThreshold(7)).toBe(7);
  });

  it("gates comments with their own threshold", () => {
    expect(gateComments(6, 7).visible).toBe(false);
    expect(gateComments(7, 7).visible).toBe(true);
  });

  it("withholds a small segment and, by complementary suppression, the next smallest", () => {
    const d = gateSegments(
      [
        { key: "A", respondents: 2 },
        { key: "B", respondents: 6 },
        { key: "C", respondents: 9 },
      ],
      5,
    );
    expect(d.total.visible).toBe(true);
    expect(d.segments.get("A")).toMatchObject({ visible: false, reason: "below_threshold", needed: 3 });
    // Without suppressing B, total − C − B would reveal A.
    expect(d.segments.get("B")).toMatchObject({ visible: false, reason: "complementary" });
    expect(d.segments.get("C")).toMatchObject({ visible: true, respondents: 9 });
  });

  it("keeps adding segments until the withheld ones together reach the threshold", () => {
    const d = gateSegments(
      [
        { key: "A", respondents: 1 },
        { key: "B", respondents: 1 },
        { key: "C", respondents: 6 },
        { key: "D", respondents: 6 },
      ],
      5,
    );
    expect([...d.segments.entries()].filter(([, v]) => !v.visible).map(([k]) => k)).toEqual(["A", "B", "C"]);
  });

  it("shows every segment when none is under the threshold, and withholds all when the total is", () => {
    const all = gateSegments(
      [
        { key: "A", respondents: 5 },
        { key: "B", respondents: 5 },
      ],
      5,
    );
    expect([...all.segments.values()].every((v) => v.visible)).toBe(true);
    const none = gateSegments(
      [
        { key: "A", respondents: 2 },
        { key: "B", respondents: 1 },
      ],
      5,
    );
    expect(none.total.visible).toBe(false);
    expect([...none.segments.values()].some((v) => v.visible)).toBe(false);
  });

  it("property: nothing derivable (segment or total minus visible segments) comes from fewer than the threshold", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 12 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 9 }), (counts, configured) => {
        const t = effectiveThreshold(configured);
        const d = gateSegments(
          counts.map((respondents, key) => ({ key, respondents })),
          configured,
        );
        const total = counts.reduce((a, b) => a + b, 0);
        const visible = counts.filter((n, k) => d.segments.get(k)!.visible && n > 0);
        for (const n of visible) expect(n).toBeGreaterThanOrEqual(t);
        if (d.total.visible) {
          expect(total).toBeGreaterThanOrEqual(t);
          const remainder = total - visible.reduce((a, b) => a + b, 0);
          // What subtraction recovers is either nothing or a group of at least the threshold.
          expect(remainder === 0 || remainder >= t).toBe(true);
        } else {
          expect(visible).toEqual([]);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
