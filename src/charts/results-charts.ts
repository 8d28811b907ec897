/**
 * Results as pictures, drawn from the same gated figures as the text: a withheld question or
 * element is not in the results object, so it cannot be in the picture. Pulse results: a diverging
 * stacked bar per question (disagreement left of zero, agreement right, the neutral answer split
 * across it), the Likert chart people know from survey tools. Rubric results: a grid of elements ×
 * levels, each cell the number of ratings.
 */
import type { TopLevelSpec } from "vega-lite";
import type { Card, CardElement } from "../core/card.ts";
import type { Translator } from "../core/i18n.ts";
import type { RubricResults } from "../rubrics/results.ts";
import type { BotDeps } from "../core/context.ts";
import { rubricResultsCard } from "../rubrics/results-card.ts";
import { templateOf, type PulseResults } from "../surveys/results.ts";
import { resultsCard } from "../surveys/results-card.ts";
import { pick } from "../surveys/templates.ts";

/** Strongly disagree … strongly agree: red to blue through grey, readable by colour-blind people. */
const LIKERT = ["#b2182b", "#ef8a62", "#bababa", "#67a9cf", "#2166ac"];

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });
/** At most `max` UTF-16 units, cut between letters as read (a conjunct, or a letter and its vowel sign, stays whole). */
function short(s: string, max = 60): string {
  if (s.length <= max) return s;
  let kept = "";
  for (const { segment } of graphemes.segment(s)) {
    if (kept.length + segment.length > max - 1) break;
    kept += segment;
  }
  return `${kept.trimEnd()}…`;
}

/** The bars of one question: five segments around zero, as shares of its answers. */
export function likertRows(results: PulseResults, labels: string[]) {
  const rows: { question: string; answer: string; order: number; start: number; end: number }[] = [];
  results.questions.forEach((q, i) => {
    const total = q.counts.reduce((a, b) => a + b, 0);
    if (total === 0) return;
    const share = q.counts.map((c) => (100 * c) / total);
    const question = `${i + 1}. ${short(q.label)}`;
    let left = -(share[0]! + share[1]! + share[2]! / 2);
    share.forEach((p, k) => {
      rows.push({ question, answer: labels[k] ?? String(k + 1), order: k, start: left, end: left + p });
      left += p;
    });
  });
  return rows;
}

export function pulseChartSpec(results: PulseResults, labels: string[], title: string): TopLevelSpec | null {
  const rows = likertRows(results, labels);
  if (rows.length === 0) return null;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title,
    width: 520,
    height: { step: 22 },
    data: { values: rows },
    mark: { type: "bar" },
    encoding: {
      y: { field: "question", type: "nominal", sort: null, title: null, axis: { labelLimit: 420 } },
      x: { field: "start", type: "quantitative", title: "%", scale: { domain: [-100, 100] } },
      x2: { field: "end" },
      color: { field: "answer", type: "nominal", sort: labels, title: null, scale: { domain: labels, range: LIKERT }, legend: { orient: "bottom", columns: 5 } },
      order: { field: "order" },
    },
    config: { background: "white", view: { stroke: null } },
  } as TopLevelSpec;
}

export function rubricChartSpec(results: RubricResults, pick: (l: Record<string, string>) => string, title: string): TopLevelSpec | null {
  const levels = results.rubric.levels.map((l) => pick(l.label));
  const rows = results.elements.flatMap((e) =>
    results.rubric.levels.map((l) => ({ element: short(e.label, 40), level: pick(l.label), count: e.compilation.distribution[l.key] ?? 0 })),
  );
  if (rows.length === 0) return null;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title,
    data: { values: rows },
    width: { step: 110 },
    height: { step: 26 },
    encoding: {
      x: { field: "level", type: "ordinal", sort: levels, title: null, axis: { orient: "top", labelAngle: 0 } },
      y: { field: "element", type: "ordinal", sort: null, title: null, axis: { labelLimit: 300 } },
    },
    layer: [
      { mark: { type: "rect", stroke: "white" }, encoding: { color: { field: "count", type: "quantitative", title: null, scale: { scheme: "blues" }, legend: null } } },
      { mark: { type: "text", fontSize: 13 }, encoding: { text: { field: "count", type: "quantitative" }, color: { value: "#111" } } },
    ],
    config: { background: "white", view: { stroke: null } },
  } as TopLevelSpec;
}

/**
 * Closed results never change: the same spec (one round, one language) is drawn once, whether the
 * coordinator's copy, the channel's or a later `results` asks for it.
 */
const drawn = new Map<string, Promise<Buffer>>();
async function rendered(spec: TopLevelSpec): Promise<Buffer> {
  const key = JSON.stringify(spec);
  let png = drawn.get(key);
  if (!png) {
    const { renderSpec } = await import("../summaries/chart.ts");
    png = renderSpec(spec, 900);
    drawn.set(key, png);
    png.catch(() => drawn.delete(key));
    // A small cache: the latest few charts are what people ask for again.
    if (drawn.size > 32) drawn.delete(drawn.keys().next().value!);
  }
  return png;
}

/** The card with its chart under the heading's block, or the card alone when there is nothing to draw. */
export function withChart(card: Card, png: Buffer | null, alt: string): Card {
  if (!png) return card;
  const image: CardElement = { type: "image", url: `data:image/png;base64,${png.toString("base64")}`, alt };
  // Under the heading and the response rate, before the figures it pictures.
  const at = Math.min(2, card.elements.length);
  return { ...card, elements: [...card.elements.slice(0, at), image, ...card.elements.slice(at)] };
}

/** The results card of a pulse with its chart, from the same gated results. */
export async function pulseResultsCard(deps: BotDeps, t: Translator, results: PulseResults, zone: string): Promise<Card> {
  const template = await templateOf(deps, results.round);
  const labels = template.scale.labels.map((l) => pick(l, t.locale));
  return pulseResultsWithChart(t, results, resultsCard(t, results, zone), labels);
}

/** The results card of a check-in with its chart. */
export async function checkinResultsCard(t: Translator, results: RubricResults, zone: string): Promise<Card> {
  return rubricResultsWithChart(t, results, rubricResultsCard(t, results, zone));
}

/** Pulse results card plus its Likert chart (the text stays, for screen readers and as the fallback). */
export async function pulseResultsWithChart(t: Translator, results: PulseResults, card: Card, scaleLabels: string[]): Promise<Card> {
  if (!results.decision.visible) return card;
  const spec = pulseChartSpec(results, scaleLabels, t("chart.pulse_title"));
  if (!spec) return card;
  const alt = t("chart.pulse_alt", { questions: results.questions.length, hidden: results.withheldQuestions });
  return withChart(card, await rendered(spec), alt);
}

export async function rubricResultsWithChart(t: Translator, results: RubricResults, card: Card): Promise<Card> {
  if (!results.decision.visible) return card;
  const pick = (l: Record<string, string>) => l[t.locale] ?? l.en ?? Object.values(l)[0] ?? "";
  const spec = rubricChartSpec(results, pick, t("chart.rubric_title"));
  if (!spec) return card;
  const alt = t("chart.rubric_alt", { elements: results.elements.length, hidden: results.withheldElements });
  return withChart(card, await rendered(spec), alt);
}
