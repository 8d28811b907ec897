/**
 * Pulse results as the outside world may see them. Aggregation per question happens in SQL;
 * `gatePulseResults` (pure) applies the anonymity gate to the round, to every question (each is a
 * group of respondents), to comments and to comparisons with the previous round. Quality figures
 * are combined from visible questions only, so nothing withheld can be recovered by subtraction.
 * Renderers (chat card, CSV export, weekly summary) only ever see the gated `PulseResults`.
 */
import type { BotDeps } from "../core/context.ts";
import { gate, gateComments, type GateDecision } from "../core/gate.ts";
import type { SurveyTemplate } from "../core/prompts/schemas.ts";
import type { PulseAggregates, QuestionAggregate, Round, Workspace } from "../store/types.ts";
import { pick, questionsOf } from "./templates.ts";

export interface QuestionResult {
  key: string;
  label: string;
  quality: string;
  answered: number;
  preferNot: number;
  mean: number;
  counts: number[];
  /** Mean now minus mean in the previous round, when both are visible. */
  change: number | null;
}

export interface QualityResult {
  quality: string;
  /** Answers (not people) behind the mean: the sum over its visible questions. */
  answers: number;
  mean: number;
  change: number | null;
}

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
  comments: { visible: true; texts: string[] } | { visible: false; needed: number } | null;
  previousRef: string | null;
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

function qualityMeans(shown: Map<string, QuestionAggregate & { mean: number }>, qualityOf: Record<string, string>): Map<string, { answers: number; mean: number }> {
  const sums = new Map<string, { answers: number; total: number }>();
  for (const [key, q] of shown) {
    const quality = qualityOf[key];
    if (!quality) continue;
    const s = sums.get(quality) ?? { answers: 0, total: 0 };
    s.answers += q.answered;
    s.total += q.mean * q.answered;
    sums.set(quality, s);
  }
  return new Map([...sums].map(([k, s]) => [k, { answers: s.answers, mean: s.total / s.answers }]));
}

export interface GateInput {
  round: Round;
  template: SurveyTemplate;
  locale: string;
  threshold: number;
  commentThreshold: number;
  aggregates: PulseAggregates;
  comments: string[];
  previous: { ref: string; template: SurveyTemplate; aggregates: PulseAggregates } | null;
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
  };
  // Figures appear only for closed rounds: watching an open round change answer by answer would
  // reveal each new answer by subtraction.
  if (!closed || !decision.visible) return result;

  const qualityOf = Object.fromEntries(template.questions.flatMap((q) => (q.type === "scale" ? [[q.key, q.quality]] : [])));
  const shown = visible(aggregates.questions, threshold);
  let prevShown = new Map<string, QuestionAggregate & { mean: number }>();
  let prevQualities = new Map<string, { answers: number; mean: number }>();
  if (input.previous && gate(input.previous.aggregates.respondents, threshold).visible) {
    const prevQualityOf = Object.fromEntries(input.previous.template.questions.flatMap((q) => (q.type === "scale" ? [[q.key, q.quality]] : [])));
    prevShown = visible(input.previous.aggregates.questions, threshold);
    prevQualities = qualityMeans(prevShown, prevQualityOf);
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
      quality: q.quality,
      answered: v.answered,
      preferNot: v.preferNot,
      mean: v.mean,
      counts: [1, 2, 3, 4, 5].map((n) => v.counts[n] ?? 0),
      change: before ? v.mean - before.mean : null,
    });
  }
  const qualities = qualityMeans(new Map([...shown].filter(([k]) => round.questionKeys.includes(k))), qualityOf);
  for (const quality of QUALITIES) {
    const v = qualities.get(quality);
    if (!v) continue;
    const before = prevQualities.get(quality);
    result.qualities.push({ quality, answers: v.answers, mean: v.mean, change: before ? v.mean - before.mean : null });
  }
  if (input.comments.length > 0) {
    const g = gateComments(aggregates.respondents, input.commentThreshold);
    result.comments = g.visible ? { visible: true, texts: shuffle(input.comments, input.random) } : { visible: false, needed: g.needed };
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
  const aggregates = closed ? await deps.store.responses.pulseAggregates(round.id) : { respondents: await deps.store.responses.submissionCount(round.id), questions: [] };
  let previous: GateInput["previous"] = null;
  let comments: string[] = [];
  if (closed && gate(aggregates.respondents, workspace.threshold).visible) {
    comments = (await deps.store.responses.comments(round.id)).map((c) => c.text);
    const prev = await deps.store.rounds.previousClosed(round);
    if (prev) previous = { ref: prev.ref, template: await templateOf(deps, prev), aggregates: await deps.store.responses.pulseAggregates(prev.id) };
  }
  return gatePulseResults({
    round,
    template,
    locale,
    threshold: workspace.threshold,
    commentThreshold: workspace.commentThreshold,
    aggregates,
    comments,
    previous,
    ...(random ? { random } : {}),
  });
}
