/**
 * Property: no output path (results card, status card, CSV export) ever shows a figure from fewer
 * respondents than the threshold, for segments (questions, qualities) and by subtraction.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gatePulseResults, type PulseResults } from "../../src/surveys/results.ts";
import { resultsCard, statusCard } from "../../src/surveys/results-card.ts";
import { resultsCsv } from "../../src/surveys/export.ts";
import { effectiveThreshold } from "../../src/core/gate.ts";
import { createI18n } from "../../src/core/i18n.ts";
import { loadPrompts } from "../../src/core/prompts/load.ts";
import type { QuestionAggregate, Round } from "../../src/store/types.ts";
import { cardText } from "../fakes/fake-platform.ts";

const prompts = loadPrompts("prompts");
const template = prompts.surveys.get("partner-pulse")!;
const t = createI18n(prompts.messages).forLocale("en");
const scaleKeys = template.questions.filter((q) => q.type === "scale").map((q) => q.key);

const round = (status: "open" | "closed"): Round => ({
  id: "r1",
  ref: "abc12",
  workspaceId: "w",
  kind: "pulse",
  snapshotId: "s",
  partnershipId: null,
  mode: "individual",
  questionKeys: template.questions.map((q) => q.key),
  originChannelId: "C",
  audience: { channels: [], users: [] },
  createdBy: "c",
  invitedCount: 20,
  unreachableCount: 0,
  reach: { dm: 0, channel: 0, email: 0 },
  recurrence: null,
  sequence: 1,
  status,
  opensAt: new Date(0),
  closesAt: new Date(1),
  closedAt: status === "closed" ? new Date(1) : null,
  threshold: 3,
  commentThreshold: 3,
  minCommenters: 2,
  minOpenHours: 48,
  segmentPlan: null,
});

/** Random answers of `n` people: each question value 1–5, "prefer not" (null) or skipped (undefined). */
const people = fc.array(
  fc.array(fc.option(fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }), { nil: undefined }), { minLength: scaleKeys.length, maxLength: scaleKeys.length }),
  { maxLength: 12 },
);

function aggregate(answers: (number | null | undefined)[][]): { respondents: number; questions: QuestionAggregate[] } {
  const questions = scaleKeys.map((itemKey, i) => {
    const given = answers.map((a) => a[i]).filter((v) => v !== undefined);
    const values = given.filter((v): v is number => v !== null);
    const counts: Record<number, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
    for (const v of values) counts[v]! += 1;
    return {
      itemKey,
      answered: values.length,
      preferNot: given.length - values.length,
      notApplicable: 0,
      mean: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null,
      counts,
    };
  });
  return { respondents: answers.length, questions: questions.filter((q) => q.answered + q.preferNot > 0) };
}

function checkGated(r: PulseResults, threshold: number, commentThreshold: number): void {
  const t0 = effectiveThreshold(threshold);
  if (!r.closed || r.respondents < t0) {
    expect(r.questions).toEqual([]);
    expect(r.qualities).toEqual([]);
    expect(r.comments).toBeNull();
  }
  for (const q of r.questions) expect(q.answered).toBeGreaterThanOrEqual(t0);
  // Quality figures come only from visible questions: nothing withheld hides inside them.
  for (const q of r.qualities) {
    const parts = r.questions.filter((x) => x.quality === q.quality);
    expect(parts.length).toBeGreaterThan(0);
    expect(q.answers).toBe(parts.reduce((a, b) => a + b.answered, 0));
  }
  if (r.comments?.visible) expect(r.respondents).toBeGreaterThanOrEqual(effectiveThreshold(commentThreshold));
}

describe("pulse results gate, by property", () => {
  it("never reveals a figure from fewer respondents than the threshold, on any output path", () => {
    fc.assert(
      fc.property(people, people, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 }), fc.boolean(), (now, before, threshold, commentThreshold, closed) => {
        const aggregates = aggregate(now);
        const previous = { ref: "prev1", template, aggregates: aggregate(before) };
        const r = gatePulseResults({
          round: round(closed ? "closed" : "open"),
          template,
          locale: "en",
          threshold,
          commentThreshold,
          aggregates,
          comments: now.map((_, i) => ({ itemKey: i % 3 === 0 ? "comment" : "other", text: `comment-${i}` })),
          previous,
        });
        checkGated(r, threshold, commentThreshold);
        const t0 = effectiveThreshold(threshold);
        const card = cardText(resultsCard(t, r, "UTC"));
        const status = cardText(statusCard(t, r, "UTC", 0));
        const csv = resultsCsv(r);
        // A change is shown only when the previous round's question was itself visible.
        for (const q of r.questions) {
          if (q.change !== null) expect(previous.aggregates.questions.find((p) => p.itemKey === q.key)!.answered).toBeGreaterThanOrEqual(t0);
        }
        if (!r.closed || now.length < t0) {
          for (const text of [card, status, csv]) {
            expect(text).not.toMatch(/\b\d\.\d\b/);
            expect(text).not.toContain("comment-");
            expect(text).not.toMatch(/^question,/m);
          }
        }
        const withheldKeys = aggregates.questions.filter((q) => q.answered < t0).map((q) => q.itemKey);
        for (const key of withheldKeys) expect(csv).not.toMatch(new RegExp(`^question,${key},`, "m"));
        expect(status).not.toMatch(/\b\d\.\d\b/);
      }),
      { numRuns: 500 },
    );
  });
});
