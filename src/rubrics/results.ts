/**
 * Rubric results as they may be shown. Individual rounds are anonymous: the round, every element
 * and the notes pass the anonymity gate. Collective rounds are attributed to organisations by
 * design (each organisation agreed and submitted one rating), so organisations' ratings are shown
 * by name; nothing in them belongs to one person.
 */
import { userText } from "../core/text.ts";
import type { BotDeps } from "../core/context.ts";
import { gate, gateCommentItems, rulesFor, type GateDecision } from "../core/gate.ts";
import type { RubricDefinition } from "../core/prompts/schemas.ts";
import type { Round, Workspace } from "../store/types.ts";
import { pick } from "../surveys/templates.ts";
import { shuffle } from "../surveys/results.ts";
import { compileElement, trend, type ElementCompilation, type Trend } from "./consensus.ts";
import { rubricOf } from "./definitions.ts";
import { gateRubricOrganisations, type RubricOrganisations } from "./organisation-results.ts";

interface ElementResult {
  key: string;
  label: string;
  compilation: ElementCompilation;
  trend: Trend;
  previous: string | null;
}

export interface RubricResults {
  round: Round;
  rubric: RubricDefinition;
  rubricTitle: string;
  partnership: string;
  closed: boolean;
  invited: number;
  respondents: number;
  threshold: number;
  decision: GateDecision;
  elements: ElementResult[];
  withheldElements: number;
  organisations: { organisation: string; ratings: Record<string, string | null> }[];
  /** `withheld`: notes not shown because fewer than `minCommenters` people wrote one on their element. */
  notes: { visible: true; byElement: Record<string, string[]>; withheld: number; minCommenters: number } | { visible: false; needed: number } | null;
  previousRef: string | null;
  /** Each organisation's compiled view and where they differ (individual rounds of a partnership). */
  byOrganisation: RubricOrganisations | null;
}

export interface Raw {
  respondents: number;
  /** Per element: the ratings (null = don't know). */
  ratings: Map<string, (string | null)[]>;
  organisations: { organisation: string; ratings: Record<string, string | null> }[];
}

/** Individual rounds' ratings from a distribution (one query for many rounds in summaries). */
export function rawFromDistribution(dist: { respondents: number; cells: { itemKey: string; level: string | null; count: number }[] }): Raw {
  const ratings = new Map<string, (string | null)[]>();
  for (const cell of dist.cells) ratings.set(cell.itemKey, [...(ratings.get(cell.itemKey) ?? []), ...Array<string | null>(cell.count).fill(cell.level)]);
  return { respondents: dist.respondents, ratings, organisations: [] };
}

export async function loadRaw(deps: BotDeps, round: Round): Promise<Raw> {
  const ratings = new Map<string, (string | null)[]>();
  if (round.mode === "collective") {
    const rows = await deps.store.responses.rubricByOrganisation(round.id);
    const byOrg = new Map<string, Record<string, string | null>>();
    for (const r of rows) {
      byOrg.set(r.organisation, { ...(byOrg.get(r.organisation) ?? {}), [r.itemKey]: r.level });
      ratings.set(r.itemKey, [...(ratings.get(r.itemKey) ?? []), r.level]);
    }
    return { respondents: byOrg.size, ratings, organisations: [...byOrg].map(([organisation, r]) => ({ organisation, ratings: r })) };
  }
  return rawFromDistribution(await deps.store.responses.rubricDistribution(round.id));
}

/** Consensus per element that may be shown (used for trends and history). */
export function visibleConsensus(round: Round, rubric: RubricDefinition, raw: Raw, threshold: number): Map<string, ElementCompilation> {
  const out = new Map<string, ElementCompilation>();
  const collective = round.mode === "collective";
  if (!collective && !gate(raw.respondents, threshold).visible) return out;
  for (const element of rubric.elements) {
    const c = compileElement(rubric.levels, raw.ratings.get(element.key) ?? []);
    if (c.consensus && (collective || gate(c.ratings, threshold).visible)) out.set(element.key, c);
  }
  return out;
}

export async function compiledConsensus(deps: BotDeps, round: Round, threshold: number): Promise<Map<string, ElementCompilation>> {
  return visibleConsensus(round, await rubricOf(deps, round), await loadRaw(deps, round), threshold);
}

/**
 * The gated results of a closed round from its ratings (pure, so summaries can compile many
 * rounds from one query). Notes are added by `computeRubricResults`.
 */
export function gateRubricRound(input: {
  round: Round;
  rubric: RubricDefinition;
  raw: Raw;
  /** `threshold`: the one that gates the previous round (its promise or the current setting). */
  previous: { round: Round; rubric: RubricDefinition; raw: Raw; threshold?: number } | null;
  threshold: number;
  locale: string;
  partnership: string;
}): RubricResults {
  const { round, rubric, raw, threshold, locale } = input;
  const collective = round.mode === "collective";
  const closed = round.status === "closed";
  const decision: GateDecision = collective
    ? raw.respondents > 0
      ? { visible: true, respondents: raw.respondents }
      : { visible: false, needed: 1, reason: "below_threshold" }
    : gate(raw.respondents, threshold);
  const result: RubricResults = {
    round,
    rubric,
    rubricTitle: pick(rubric.title, locale),
    partnership: input.partnership,
    closed,
    invited: round.invitedCount,
    respondents: raw.respondents,
    threshold,
    decision,
    elements: [],
    withheldElements: 0,
    organisations: [],
    notes: null,
    previousRef: null,
    byOrganisation: null,
  };
  if (!closed || !decision.visible) return result;
  const shown = visibleConsensus(round, rubric, raw, threshold);
  const before = input.previous
    ? visibleConsensus(input.previous.round, input.previous.rubric, input.previous.raw, Math.max(threshold, input.previous.threshold ?? threshold))
    : new Map<string, ElementCompilation>();
  if (input.previous && before.size > 0) result.previousRef = input.previous.round.ref;
  for (const element of rubric.elements) {
    const c = shown.get(element.key);
    if (!c) {
      result.withheldElements++;
      continue;
    }
    const prev = before.get(element.key)?.consensus ?? null;
    result.elements.push({ key: element.key, label: pick(element.label, locale), compilation: c, trend: trend(rubric.levels, c.consensus, prev), previous: prev });
  }
  if (collective) result.organisations = raw.organisations;
  return result;
}

export async function computeRubricResults(deps: BotDeps, workspace: Workspace, round: Round, locale: string, random?: () => number): Promise<RubricResults> {
  const rubric = await rubricOf(deps, round);
  const partnership = round.partnershipId ? ((await deps.store.partnerships.get(round.partnershipId))?.name ?? "") : "";
  const closed = round.status === "closed";
  const rules = rulesFor(round, workspace);
  // An open round shows no count here: coordinators get the slow daily count from `status`.
  const raw: Raw = closed ? await loadRaw(deps, round) : { respondents: 0, ratings: new Map(), organisations: [] };
  const previousRound = closed ? await deps.store.rounds.previousClosed(round) : null;
  const previous = previousRound
    ? { round: previousRound, rubric: await rubricOf(deps, previousRound), raw: await loadRaw(deps, previousRound), threshold: rulesFor(previousRound, workspace).threshold }
    : null;
  const result = gateRubricRound({ round, rubric, raw, previous, threshold: rules.threshold, locale, partnership });
  if (!closed || !result.decision.visible) return result;
  const collective = round.mode === "collective";
  if (!collective && round.segmentPlan) {
    result.byOrganisation = gateRubricOrganisations({ cells: await deps.store.responses.segmentCells(round.id), respondents: raw.respondents, rubric, threshold: rules.threshold });
  }
  const notes = await deps.store.responses.comments(round.id);
  if (notes.length > 0) {
    // Collective notes are attributed to organisations by design; individual notes pass both
    // comment rules (enough respondents, and never a note standing alone on its element).
    const g = collective ? { decision: { visible: true as const, respondents: raw.respondents }, shown: notes, withheld: 0 } : gateCommentItems(notes, raw.respondents, rules);
    if (g.decision.visible) {
      const byElement: Record<string, string[]> = {};
      for (const n of shuffle(g.shown, random))
        byElement[n.itemKey] = [...(byElement[n.itemKey] ?? []), collective && n.organisation ? `${userText(n.organisation)}: ${userText(n.text)}` : userText(n.text)];
      result.notes = { visible: true, byElement, withheld: g.withheld, minCommenters: rules.minCommenters };
    } else result.notes = { visible: false, needed: g.decision.needed };
  }
  return result;
}
