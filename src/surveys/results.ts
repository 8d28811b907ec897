/**
 * Pulse results as the outside world may see them. Aggregation happens in SQL; this module applies
 * the anonymity gate to the round, to every question and quality (each is a group of
 * respondents), to comments, and to comparisons with the previous round. Renderers (chat card,
 * CSV export, weekly summary) only ever see the gated `PulseResults`.
 */
import type { BotDeps } from "../core/context.ts";
import { gate, gateComments, type GateDecision } from "../core/gate.ts";
import type { SurveyTemplate } from "../core/prompts/schemas.ts";
import type { PulseAggregates, Round, Workspace } from "../store/types.ts";
import { pick, questionsOf, scaleQuestions } from "./templates.ts";

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
  respondents: number;
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
  /** Questions withheld because too few answered them (not "prefer not to say"). */
  withheldQuestions: number;
  qualities: QualityResult[];
  comments: { visible: true; texts: string[] } | { visible: false; needed: number } | null;
  previousRef: string | null;
}

type Visible = { mean: number; respondents: number };

function visibleQuestions(agg: PulseAggregates, threshold: number): Map<string, Visible & { agg: PulseAggregates["questions"][number] }> {
  const out = new Map<string, Visible & { agg: PulseAggregates["questions"][number] }>();
  for (const q of agg.questions) {
    if (q.mean !== null && gate(q.answered, threshold).visible) out.set(q.itemKey, { mean: q.mean, respondents: q.answered, agg: q });
  }
  return out;
}

function visibleQualities(agg: PulseAggregates, threshold: number): Map<string, Visible> {
  const out = new Map<string, Visible>();
  for (const q of agg.qualities) if (q.mean !== null && gate(q.respondents, threshold).visible) out.set(q.quality, { mean: q.mean, respondents: q.respondents });
  return out;
}

/** Fisher–Yates with an injectable random source, so comment order reveals nothing about who wrote first. */
export function shuffle<T>(items: T[], random: () => number = Math.random): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

export async function templateOf(deps: BotDeps, round: Round): Promise<SurveyTemplate> {
  const snapshot = await deps.store.snapshots.get(round.snapshotId);
  if (!snapshot) throw new Error(`round ${round.id} has no template snapshot`);
  return snapshot.definition as SurveyTemplate;
}

export async function computePulseResults(deps: BotDeps, workspace: Workspace, round: Round, locale: string, random?: () => number): Promise<PulseResults> {
  const template = await templateOf(deps, round);
  const qualityOf = Object.fromEntries(scaleQuestions(template).map((q) => [q.key, q.quality]));
  const threshold = workspace.threshold;
  const closed = round.status === "closed";
  const respondents = await deps.store.responses.submissionCount(round.id);
  const decision = gate(respondents, threshold);
  const base: PulseResults = {
    round,
    title: pick(template.title, locale),
    closed,
    invited: round.invitedCount,
    respondents,
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
  if (!closed || !decision.visible) return base;

  const agg = await deps.store.responses.pulseAggregates(round.id, qualityOf);
  const questions = visibleQuestions(agg, threshold);
  const qualities = visibleQualities(agg, threshold);

  const previous = await deps.store.rounds.previousClosed(round);
  let prevQuestions = new Map<string, Visible>();
  let prevQualities = new Map<string, Visible>();
  if (previous && gate(await deps.store.responses.submissionCount(previous.id), threshold).visible) {
    const prevTemplate = await templateOf(deps, previous);
    const prevAgg = await deps.store.responses.pulseAggregates(previous.id, Object.fromEntries(scaleQuestions(prevTemplate).map((q) => [q.key, q.quality])));
    prevQuestions = visibleQuestions(prevAgg, threshold);
    prevQualities = visibleQualities(prevAgg, threshold);
    base.previousRef = previous.ref;
  }

  const asked = questionsOf(template, round.questionKeys).filter((q) => q.type === "scale");
  for (const q of asked) {
    const v = questions.get(q.key);
    if (!v) {
      base.withheldQuestions += 1;
      continue;
    }
    const before = prevQuestions.get(q.key);
    base.questions.push({
      key: q.key,
      label: pick(q.text, locale),
      quality: q.type === "scale" ? q.quality : "",
      answered: v.respondents,
      preferNot: v.agg.preferNot,
      mean: v.mean,
      counts: [1, 2, 3, 4, 5].map((n) => v.agg.counts[n] ?? 0),
      change: before ? v.mean - before.mean : null,
    });
  }
  for (const quality of ["equitable", "effective", "deep", "diverse"]) {
    const v = qualities.get(quality);
    if (!v) continue;
    const before = prevQualities.get(quality);
    base.qualities.push({ quality, respondents: v.respondents, mean: v.mean, change: before ? v.mean - before.mean : null });
  }
  const commentGate = gateComments(respondents, workspace.commentThreshold);
  const texts = (await deps.store.responses.comments(round.id)).map((c) => c.text);
  if (texts.length > 0) base.comments = commentGate.visible ? { visible: true, texts: shuffle(texts, random) } : { visible: false, needed: commentGate.needed };
  return base;
}
