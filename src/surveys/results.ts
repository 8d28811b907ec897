/**
 * Pulse results as the outside world may see them. Aggregation per question happens in SQL;
 * `gatePulseResults` (pure) applies the anonymity gate to the round, to every question (each is a
 * group of respondents), to comments and to comparisons with the previous round. Quality figures
 * are combined from visible questions only, so nothing withheld can be recovered by subtraction.
 * Renderers (chat card, CSV export, weekly summary) only ever see the gated `PulseResults`.
 */
import type { BotDeps } from "../core/context.ts";
import { COMMENTERS_FLOOR, gate, gateCommentItems, rulesFor, type GateDecision } from "../core/gate.ts";
import type { SurveyTemplate } from "../core/prompts/schemas.ts";
import type { PulseAggregates, QuestionAggregate, Round, Workspace } from "../store/types.ts";
import { pick, questionsOf } from "./templates.ts";
import { gatePulseSides, type PulseSides } from "./side-results.ts";

interface QuestionResult {
  key: string;
  label: string;
  quality: string | null;
  answered: number;
  preferNot: number;
  /** "Does not apply" answers (not counted in the mean). */
  notApplicable: number;
  mean: number;
  counts: number[];
  /** Mean now minus mean in the previous round, when both are visible. */
  change: number | null;
}

interface QualityResult {
  quality: string;
  /** The items that make the figure (their keys), so a reader sees what "Equitable" means here. */
  items: string[];
  /** Answers (not people) behind the mean: the sum over its visible questions. */
  answers: number;
  mean: number;
  /** Against the previous round, over the items both rounds showed (rotating templates differ). */
  change: number | null;
}

/** A quality is a figure only when at least this many items of the round make it. */
export const MIN_QUALITY_ITEMS = 2;

export interface PulseResults {
  round: Round;
  title: string;
  closed: boolean;
  invited: number;
  respondents: number;
  threshold: number;
  /** The round-level decision. When not visible, nothing below carries figures. */
  decision: GateDecision;
  questions: QuestionResult[];
  /** Questions withheld because too few answered them ("prefer not to say" is not an answer). */
  withheldQuestions: number;
  qualities: QualityResult[];
  /**
   * `withheld`: comments not shown because fewer than `minCommenters` people wrote one on their
   * question (a lone comment could be recognised).
   */
  comments: { visible: true; texts: string[]; withheld: number; minCommenters: number } | { visible: false; needed: number } | null;
  previousRef: string | null;
  /** The host's and the partners' figures side by side (rounds of a partnership). */
  sides: PulseSides | null;
}

export const QUALITIES = ["equitable", "effective", "deep", "diverse"] as const;

/** Fisher–Yates with an injectable random source, so comment order reveals nothing about who wrote first. */
export function shuffle<T>(items: T[], random: () => number = Math.random): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

function visible(questions: QuestionAggregate[], threshold: number): Map<string, QuestionAggregate & { mean: number }> {
  const out = new Map<string, QuestionAggregate & { mean: number }>();
  for (const q of questions) if (q.mean !== null && gate(q.answered, threshold).visible) out.set(q.itemKey, q as QuestionAggregate & { mean: number });
  return out;
}

type Shown = Map<string, QuestionAggregate & { mean: number }>;

/** Answer-weighted means per quality over the given items; each with the items that made it. */
function qualityMeans(shown: Shown, qualityOf: Record<string, string | undefined>, keys?: Set<string>): Map<string, { items: string[]; answers: number; mean: number }> {
  const sums = new Map<string, { items: string[]; answers: number; total: number }>();
  for (const [key, q] of shown) {
    const quality = qualityOf[key];
    if (!quality || (keys && !keys.has(key))) continue;
    const s = sums.get(quality) ?? { items: [], answers: 0, total: 0 };
    s.items.push(key);
    s.answers += q.answered;
    s.total += q.mean * q.answered;
    sums.set(quality, s);
  }
  return new Map([...sums].map(([k, s]) => [k, { items: s.items, answers: s.answers, mean: s.total / s.answers }]));
}

export interface GateInput {
  round: Round;
  template: SurveyTemplate;
  locale: string;
  threshold: number;
  commentThreshold: number;
  /** Comments of a question appear only when at least this many were written (never below 2). */
  minCommenters?: number;
  aggregates: PulseAggregates;
  comments: { itemKey: string; text: string }[];
  /** `threshold`: the one that gates the previous round (its own promise or the current setting). */
  previous: { ref: string; template: SurveyTemplate; aggregates: PulseAggregates; threshold?: number } | null;
  random?: () => number;
}

/** The one place pulse figures pass the anonymity gate. Pure: tested by property. */
export function gatePulseResults(input: GateInput): PulseResults {
  const { round, template, locale, threshold, aggregates } = input;
  const closed = round.status === "closed";
  const decision = gate(aggregates.respondents, threshold);
  const result: PulseResults = {
    round,
    title: pick(template.title, locale),
    closed,
    invited: round.invitedCount,
    respondents: aggregates.respondents,
    threshold,
    decision,
    questions: [],
    withheldQuestions: 0,
    qualities: [],
    comments: null,
    previousRef: null,
    sides: null,
  };
  // Figures appear only for closed rounds: watching an open round change answer by answer would
  // reveal each new answer by subtraction.
  if (!closed || !decision.visible) return result;

  const qualityOf: Record<string, string | undefined> = Object.fromEntries(template.questions.flatMap((q) => (q.type === "scale" ? [[q.key, q.quality]] : [])));
  const shown = visible(aggregates.questions, threshold);
  let prevShown: Shown = new Map();
  let prevQualityOf: Record<string, string | undefined> = {};
  const prevThreshold = Math.max(threshold, input.previous?.threshold ?? threshold);
  if (input.previous && gate(input.previous.aggregates.respondents, prevThreshold).visible) {
    prevQualityOf = Object.fromEntries(input.previous.template.questions.flatMap((q) => (q.type === "scale" ? [[q.key, q.quality]] : [])));
    prevShown = visible(input.previous.aggregates.questions, prevThreshold);
    result.previousRef = input.previous.ref;
  }
  for (const q of questionsOf(template, round.questionKeys)) {
    if (q.type !== "scale") continue;
    const v = shown.get(q.key);
    if (!v) {
      result.withheldQuestions += 1;
      continue;
    }
    const before = prevShown.get(q.key);
    result.questions.push({
      key: q.key,
      label: pick(q.text, locale),
      quality: q.quality ?? null,
      answered: v.answered,
      preferNot: v.preferNot,
      notApplicable: v.notApplicable ?? 0,
      mean: v.mean,
      counts: [1, 2, 3, 4, 5].map((n) => v.counts[n] ?? 0),
      change: before ? v.mean - before.mean : null,
    });
  }
  const asked = new Set(round.questionKeys);
  const qualities = qualityMeans(shown, qualityOf, asked);
  // The change compares like with like: only items shown in both rounds, tagged the same way.
  const common = new Set([...asked].filter((k) => prevShown.has(k) && prevQualityOf[k] === qualityOf[k]));
  const nowCommon = qualityMeans(shown, qualityOf, common);
  const beforeCommon = qualityMeans(prevShown, prevQualityOf, common);
  for (const quality of QUALITIES) {
    const v = qualities.get(quality);
    // One item measures one thing; it is not a quality's score (the content review's "Diverse").
    if (!v || v.items.length < MIN_QUALITY_ITEMS) continue;
    const now = nowCommon.get(quality);
    const before = beforeCommon.get(quality);
    const change = now && before && now.items.length >= MIN_QUALITY_ITEMS ? now.mean - before.mean : null;
    result.qualities.push({ quality, items: v.items, answers: v.answers, mean: v.mean, change });
  }
  if (input.comments.length > 0) {
    const minCommenters = Math.max(COMMENTERS_FLOOR, input.minCommenters ?? COMMENTERS_FLOOR);
    const g = gateCommentItems(input.comments, aggregates.respondents, { commentThreshold: input.commentThreshold, minCommenters });
    result.comments = g.decision.visible
      ? {
          visible: true,
          texts: shuffle(
            g.shown.map((c) => c.text),
            input.random,
          ),
          withheld: g.withheld,
          minCommenters,
        }
      : { visible: false, needed: g.decision.needed };
  }
  return result;
}

export async function templateOf(deps: BotDeps, round: Round): Promise<SurveyTemplate> {
  const snapshot = await deps.store.snapshots.get(round.snapshotId);
  if (!snapshot) throw new Error(`round ${round.id} has no template snapshot`);
  return snapshot.definition as SurveyTemplate;
}

export async function computePulseResults(deps: BotDeps, workspace: Workspace, round: Round, locale: string, random?: () => number): Promise<PulseResults> {
  const template = await templateOf(deps, round);
  const closed = round.status === "closed";
  const rules = rulesFor(round, workspace);
  // An open round shows no count here: coordinators get the slow daily count from `status`.
  const aggregates = closed ? await deps.store.responses.pulseAggregates(round.id) : { respondents: 0, questions: [] };
  let previous: GateInput["previous"] = null;
  let comments: GateInput["comments"] = [];
  if (closed && gate(aggregates.respondents, rules.threshold).visible) {
    comments = (await deps.store.responses.comments(round.id)).map((c) => ({ itemKey: c.itemKey, text: c.text }));
    const prev = await deps.store.rounds.previousClosed(round);
    if (prev)
      previous = {
        ref: prev.ref,
        template: await templateOf(deps, prev),
        aggregates: await deps.store.responses.pulseAggregates(prev.id),
        threshold: rulesFor(prev, workspace).threshold,
      };
  }
  const results = gatePulseResults({
    round,
    template,
    locale,
    threshold: rules.threshold,
    commentThreshold: rules.commentThreshold,
    minCommenters: rules.minCommenters,
    aggregates,
    comments,
    previous,
    ...(random ? { random } : {}),
  });
  if (results.closed && results.decision.visible && round.segmentPlan) {
    results.sides = gatePulseSides({
      cells: await deps.store.responses.segmentCells(round.id),
      total: aggregates,
      threshold: rules.threshold,
      questions: results.questions.map((q) => ({ key: q.key, label: q.label })),
    });
  }
  return results;
}
