/**
 * Each organisation's view of a partnership, compiled from its members' individual ratings
 * (CLARISSA: individual views compiled into each organisation's view, then discussed), and the
 * elements where organisations see things differently: the topics for the joint discussion. Pure.
 * Organisations are segments of the round's respondents, gated with complementary suppression;
 * people recorded under no organisation form the segment "other".
 */
import { gate, gateSegments, type GateDecision } from "../core/gate.ts";
import type { RubricDefinition } from "../core/prompts/schemas.ts";
import type { SegmentCells } from "../store/types.ts";
import { compileElement } from "./consensus.ts";

export interface OrganisationView {
  organisation: string;
  decision: GateDecision;
  /** Consensus level key per element (shown ones only). */
  consensus: Record<string, string>;
}

export interface RubricOrganisations {
  organisations: OrganisationView[];
  /** Elements where the shown organisations' consensus differs. */
  divergent: { element: string; views: { organisation: string; level: string }[] }[];
}

export function gateRubricOrganisations(input: { cells: SegmentCells; respondents: number; rubric: RubricDefinition; threshold: number }): RubricOrganisations | null {
  const { cells, rubric, threshold } = input;
  const perOrg = new Map<string, number>();
  for (const g of cells.groups) if (g.organisation) perOrg.set(g.organisation, (perOrg.get(g.organisation) ?? 0) + g.respondents);
  if (perOrg.size === 0) return null;
  const named = [...perOrg.values()].reduce((a, b) => a + b, 0);
  const decisions = gateSegments(
    [...[...perOrg].map(([key, respondents]) => ({ key, respondents })), { key: "\u0000other", respondents: Math.max(0, input.respondents - named) }],
    threshold,
  );
  const organisations: OrganisationView[] = [];
  for (const [organisation] of [...perOrg].sort(([a], [b]) => a.localeCompare(b))) {
    const decision = decisions.segments.get(organisation)!;
    const consensus: Record<string, string> = {};
    if (decisions.total.visible && decision.visible) {
      for (const element of rubric.elements) {
        const ratings: (string | null)[] = [];
        for (const c of cells.cells) if (c.organisation === organisation && c.itemKey === element.key) for (let i = 0; i < c.count; i++) ratings.push(c.level);
        const compiled = compileElement(rubric.levels, ratings);
        // Each element of an organisation needs enough ratings ("don't know" is none).
        if (compiled.consensus && gate(compiled.ratings, threshold).visible) consensus[element.key] = compiled.consensus;
      }
    }
    organisations.push({ organisation, decision: decisions.total.visible ? decision : { visible: false, needed: 0, reason: "below_threshold" }, consensus });
  }
  const divergent: RubricOrganisations["divergent"] = [];
  for (const element of rubric.elements) {
    const views = organisations.filter((o) => o.consensus[element.key]).map((o) => ({ organisation: o.organisation, level: o.consensus[element.key]! }));
    if (views.length >= 2 && new Set(views.map((v) => v.level)).size > 1) divergent.push({ element: element.key, views });
  }
  return { organisations, divergent };
}
