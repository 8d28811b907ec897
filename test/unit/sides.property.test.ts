/**
 * Property: whatever the sizes of the host side, the partner side, the people in no side and the
 * organisations, every side or organisation figure shown comes from at least the threshold of
 * people, and the people whose group is not shown are either none or at least the threshold, so
 * subtracting what is shown from the total never isolates a small group (question by question
 * too). Fails if complementary suppression is removed from gateSegments.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { effectiveThreshold } from "../../src/core/gate.ts";
import { loadPrompts } from "../../src/core/prompts/load.ts";
import { gateRubricOrganisations } from "../../src/rubrics/organisation-results.ts";
import { gatePulseSides } from "../../src/surveys/side-results.ts";
import type { PulseAggregates, SegmentCells } from "../../src/store/types.ts";

const rubric = loadPrompts("prompts").rubrics.get("clarissa")!;
const KEYS = ["respect", "long-term"];

/** One person: their group, and per question a value (null: prefer not to say). */
const person = fc.record({
  side: fc.constantFrom<"host" | "partner" | null>("host", "partner", null),
  answers: fc.tuple(fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }), fc.option(fc.integer({ min: 1, max: 5 }), { nil: null })),
});

function build(people: { side: "host" | "partner" | null; answers: (number | null)[] }[]): { cells: SegmentCells; total: PulseAggregates } {
  const groups = new Map<string, number>();
  const cellMap = new Map<string, SegmentCells["cells"][number]>();
  const total: PulseAggregates = { respondents: people.length, questions: [] };
  for (const p of people) groups.set(String(p.side), (groups.get(String(p.side)) ?? 0) + 1);
  KEYS.forEach((key, i) => {
    const answered = people.filter((p) => p.answers[i] !== null);
    const mean = answered.length ? answered.reduce((s, p) => s + p.answers[i]!, 0) / answered.length : null;
    total.questions.push({ itemKey: key, answered: answered.length, preferNot: people.length - answered.length, notApplicable: 0, mean, counts: {} });
    for (const p of people) {
      const id = `${p.side}|${key}|${p.answers[i]}`;
      const cell = cellMap.get(id) ?? { side: p.side, organisation: null, itemKey: key, value: p.answers[i]!, level: null, count: 0 };
      cell.count++;
      cellMap.set(id, cell);
    }
  });
  return {
    cells: {
      groups: [...groups].map(([side, respondents]) => ({ side: side === "null" ? null : (side as "host" | "partner"), organisation: null, respondents })),
      cells: [...cellMap.values()],
    },
    total,
  };
}

describe("sides and organisations under the gate", () => {
  it("pulse sides: every shown side has enough people, and what is not shown is none or enough, per question", () => {
    fc.assert(
      fc.property(fc.array(person, { maxLength: 30 }), fc.integer({ min: 3, max: 6 }), (people, threshold) => {
        const { cells, total } = build(people);
        const t = effectiveThreshold(threshold);
        const sides = gatePulseSides({ cells, total, threshold, questions: KEYS.map((key) => ({ key, label: key })) });
        if (!sides) return;
        KEYS.forEach((key, i) => {
          const q = sides.questions.find((x) => x.key === key);
          const answered = (side: "host" | "partner" | null) => people.filter((p) => p.side === side && p.answers[i] !== null).length;
          let hidden = answered(null);
          for (const side of ["host", "partner"] as const) {
            const shown = q?.[side] !== null && q?.[side] !== undefined;
            if (shown) expect(answered(side)).toBeGreaterThanOrEqual(t);
            else hidden += answered(side);
          }
          // Only matters when something is shown: then the rest must not be a small group.
          if (q && (q.host !== null || q.partner !== null)) expect(hidden === 0 || hidden >= t).toBe(true);
        });
      }),
      { numRuns: 400 },
    );
  });

  it("rubric organisations: every shown view has enough people, and the people not shown are none or enough", () => {
    const orgPerson = fc.record({ org: fc.constantFrom("A", "B", "C", null), level: fc.constantFrom("well-functioning", "emerging", "needs-help", null) });
    fc.assert(
      fc.property(fc.array(orgPerson, { maxLength: 30 }), fc.integer({ min: 3, max: 6 }), (people, threshold) => {
        const t = effectiveThreshold(threshold);
        const groups = new Map<string | null, number>();
        for (const p of people) groups.set(p.org, (groups.get(p.org) ?? 0) + 1);
        const cells: SegmentCells = {
          groups: [...groups].map(([organisation, respondents]) => ({ side: null, organisation, respondents })),
          cells: people.map((p) => ({ side: null, organisation: p.org, itemKey: "communications", value: null, level: p.level, count: 1 })),
        };
        const result = gateRubricOrganisations({ cells, respondents: people.length, rubric, threshold });
        if (!result) return;
        const shown = result.organisations.filter((o) => o.decision.visible && Object.keys(o.consensus).length > 0).map((o) => o.organisation);
        for (const org of shown) expect(people.filter((p) => p.org === org).length).toBeGreaterThanOrEqual(t);
        if (shown.length > 0) {
          const hidden = people.filter((p) => p.org === null || !shown.includes(p.org)).length;
          expect(hidden === 0 || hidden >= t).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});
