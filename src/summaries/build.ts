/**
 * What the weekly summary says, as data. Every figure comes from the gated results of the pulse
 * and rubric modules (`gatePulseResults`, `visibleConsensus`), so the summary can never show what
 * the anonymity gate withholds; below the threshold it says how many more responses were needed.
 */
import { DateTime } from "luxon";
import type { BotDeps } from "../core/context.ts";
import type { SurveyTemplate } from "../core/prompts/schemas.ts";
import type { RubricDefinition } from "../core/prompts/schemas.ts";
import type { AgreedAction, ReviewEvent, Round, Workspace } from "../store/types.ts";
import { computePulseResults, gatePulseResults, QUALITIES, type PulseResults } from "../surveys/results.ts";
import { gateRubricRound, rawFromDistribution, loadRaw, visibleConsensus, type RubricResults } from "../rubrics/results.ts";
import { addDays, todayIn } from "../reviews/dates.ts";
import { withPartnership } from "../reviews/cards.ts";
import { pick } from "../surveys/templates.ts";
import { formatDayMonth } from "../core/dates.ts";
import { rulesFor } from "../core/gate.ts";

export interface SummaryData {
  workspace: Workspace;
  from: Date;
  to: Date;
  opened: { round: Round; title: string; partnership: string | null }[];
  pulses: PulseResults[];
  rubrics: RubricResults[];
  actions: { action: AgreedAction; partnership: string | null }[];
  reviews: { event: ReviewEvent; partnership: string | null }[];
  /** Rounds closed in the last 60 days whose people have not heard back yet ("you said, we did"). */
  owed: { round: Round; title: string; partnership: string | null }[];
  partnershipNames: Map<string, string>;
  today: string;
  chart: ChartSeries;
}

export interface ChartSeries {
  /** Quality means per closed pulse round (only rounds and qualities the gate shows). */
  qualities: { label: string; quality: string; mean: number }[];
  /**
   * Per partnership, the consensus level of each element in each closed check-in (only visible
   * ones). Levels, not numbers: CLARISSA warns against turning the rubric into an index, and
   * partnerships are never averaged together or ranked.
   */
  checkins: { partnership: string; round: string; element: string; level: string; rank: number }[];
  /** Level labels from best to worst, for the colours. */
  levels: string[];
}

export const isQuiet = (d: SummaryData) => d.opened.length + d.pulses.length + d.rubrics.length + d.actions.length + d.reviews.length + d.owed.length === 0;

/** How long after closing a round still counts as owing its people a response. */
const RESPONSE_WINDOW_DAYS = 60;

export async function buildSummary(deps: BotDeps, workspace: Workspace, to: Date, locale: string): Promise<SummaryData> {
  const t = deps.i18n.forLocale(locale);
  const qualityNames = Object.fromEntries(QUALITIES.map((q) => [q, t(`quality.${q}`)]));
  const from = new Date(to.getTime() - 7 * 86_400_000);
  const within = (d: Date | null) => d !== null && d > from && d <= to;
  const names = new Map((await deps.store.partnerships.list(workspace.id, { includeArchived: true })).map((p) => [p.id, p.name]));
  const templates = new Map<string, SurveyTemplate | RubricDefinition>();
  const definition = async (round: Round) => {
    if (!templates.has(round.snapshotId)) templates.set(round.snapshotId, (await deps.store.snapshots.get(round.snapshotId))!.definition as SurveyTemplate);
    return templates.get(round.snapshotId)!;
  };

  const pulseRounds = await deps.store.rounds.list(workspace.id, { kind: "pulse", limit: 60 });
  const rubricRounds = await deps.store.rounds.list(workspace.id, { kind: "rubric", limit: 400 });
  const opened: SummaryData["opened"] = [];
  for (const r of [...pulseRounds, ...rubricRounds].filter((r) => r.status !== "scheduled" && within(r.opensAt))) {
    const def = await definition(r);
    opened.push({ round: r, title: pick(def.title, locale), partnership: r.partnershipId ? (names.get(r.partnershipId) ?? null) : null });
  }
  const pulses: PulseResults[] = [];
  for (const r of pulseRounds.filter((r) => r.status === "closed" && within(r.closedAt))) pulses.push(await computePulseResults(deps, workspace, r, locale));
  const rubrics = await weekRubrics(deps, workspace, rubricRounds, within, names, definition, locale);

  const today = todayIn(to, workspace.timezone);
  const weekEnd = addDays(today, 7);
  const actions = (await deps.store.actions.list(workspace.id, { status: "open" }))
    .filter((a) => a.dueDate !== null && a.dueDate <= weekEnd)
    .map((action) => ({ action, partnership: action.partnershipId ? (names.get(action.partnershipId) ?? null) : null }));
  const reviews = withPartnership(await deps.store.reviews.listOpen(workspace.id, { dueOnOrBefore: addDays(today, 30) }), names);

  const answerable = [...pulseRounds, ...rubricRounds].filter(
    (r) => r.status === "closed" && r.closedAt && r.closedAt.getTime() > to.getTime() - RESPONSE_WINDOW_DAYS * 86_400_000,
  );
  const responded = new Set((await deps.store.roundResponses.forRounds(answerable.map((r) => r.id))).map((r) => r.roundId));
  const owed: SummaryData["owed"] = [];
  for (const r of answerable.filter((r) => !responded.has(r.id))) {
    const def = await definition(r);
    owed.push({ round: r, title: pick(def.title, locale), partnership: r.partnershipId ? (names.get(r.partnershipId) ?? null) : null });
  }

  return {
    workspace,
    from,
    to,
    opened,
    owed,
    pulses,
    rubrics,
    actions,
    reviews,
    partnershipNames: names,
    today,
    chart: await chartSeries(qualityNames, deps, workspace, pulseRounds, rubricRounds, definition, to, locale),
  };
}

/**
 * Rubric rounds closed in the week, with trends against each partnership's previous round, from
 * one query for all of them (the rounds list is newest first).
 */
async function weekRubrics(
  deps: BotDeps,
  workspace: Workspace,
  rubricRounds: Round[],
  within: (d: Date | null) => boolean,
  names: Map<string, string>,
  definition: (r: Round) => Promise<SurveyTemplate | RubricDefinition>,
  locale: string,
): Promise<RubricResults[]> {
  const closed = rubricRounds.filter((r) => r.status === "closed");
  const week = closed.filter((r) => within(r.closedAt));
  const previousOf = new Map(week.map((r) => [r.id, closed.find((p) => p.partnershipId === r.partnershipId && p.opensAt < r.opensAt) ?? null]));
  const involved = [...week, ...[...previousOf.values()].filter((p): p is Round => p !== null)];
  const individual = await deps.store.responses.rubricDistributionMany(involved.filter((r) => r.mode === "individual").map((r) => r.id));
  const raw = async (r: Round) => (r.mode === "individual" ? rawFromDistribution(individual.get(r.id)!) : loadRaw(deps, r));
  const out: RubricResults[] = [];
  for (const round of week) {
    const prev = previousOf.get(round.id) ?? null;
    out.push(
      gateRubricRound({
        round,
        rubric: (await definition(round)) as RubricDefinition,
        raw: await raw(round),
        previous: prev ? { round: prev, rubric: (await definition(prev)) as RubricDefinition, raw: await raw(prev), threshold: rulesFor(prev, workspace).threshold } : null,
        threshold: rulesFor(round, workspace).threshold,
        locale,
        partnership: round.partnershipId ? (names.get(round.partnershipId) ?? "") : "",
      }),
    );
  }
  return out;
}

async function chartSeries(
  qualityNames: Record<string, string>,
  deps: BotDeps,
  workspace: Workspace,
  pulseRounds: Round[],
  rubricRounds: Round[],
  definition: (r: Round) => Promise<SurveyTemplate | RubricDefinition>,
  to: Date,
  locale: string,
): Promise<ChartSeries> {
  const closedPulses = pulseRounds
    .filter((r) => r.status === "closed")
    .slice(0, 8)
    .reverse();
  const aggregates = await deps.store.responses.pulseAggregatesMany(closedPulses.map((r) => r.id));
  const qualities: ChartSeries["qualities"] = [];
  for (const round of closedPulses) {
    const gated = gatePulseResults({
      round,
      template: (await definition(round)) as SurveyTemplate,
      locale,
      threshold: rulesFor(round, workspace).threshold,
      commentThreshold: rulesFor(round, workspace).commentThreshold,
      aggregates: aggregates.get(round.id)!,
      comments: [],
      previous: null,
    });
    const label = formatDayMonth(round.closedAt ?? round.closesAt, workspace.timezone, locale);
    for (const q of gated.qualities) qualities.push({ label: `${label} ${round.ref}`, quality: qualityNames[q.quality] ?? q.quality, mean: Math.round(q.mean * 100) / 100 });
  }
  const since = DateTime.fromJSDate(to).minus({ months: 12 }).toJSDate();
  const recentRubrics = rubricRounds.filter((r) => r.status === "closed" && r.closedAt && r.closedAt > since && r.partnershipId).reverse();
  const distributions = await deps.store.responses.rubricDistributionMany(recentRubrics.filter((r) => r.mode === "individual").map((r) => r.id));
  const names = new Map((await deps.store.partnerships.list(workspace.id, { includeArchived: true })).map((p) => [p.id, p.name]));
  const checkins: ChartSeries["checkins"] = [];
  const levels = new Map<string, number>();
  for (const round of recentRubrics) {
    const rubric = (await definition(round)) as RubricDefinition;
    const raw = round.mode === "individual" ? rawFromDistribution(distributions.get(round.id)!) : await loadRaw(deps, round);
    const label = `${formatDayMonth(round.closedAt!, workspace.timezone, locale, true)} ${round.ref}`;
    for (const l of rubric.levels) levels.set(pick(l.label, locale), Math.max(levels.get(pick(l.label, locale)) ?? -Infinity, l.score));
    for (const [elementKey, c] of visibleConsensus(round, rubric, raw, rulesFor(round, workspace).threshold)) {
      const level = rubric.levels.find((l) => l.key === c.consensus)!;
      const element = rubric.elements.find((e) => e.key === elementKey)!;
      checkins.push({
        partnership: names.get(round.partnershipId!) ?? "",
        round: label,
        element: pick(element.label, locale),
        level: pick(level.label, locale),
        rank: level.score,
      });
    }
  }
  return { qualities, checkins, levels: [...levels].sort((a, b) => b[1] - a[1]).map(([l]) => l) };
}
