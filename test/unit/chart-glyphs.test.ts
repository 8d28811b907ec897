/**
 * Charts draw every shipped locale's labels with fonts from registry packages, none missing a
 * glyph. For each locale: every label a chart can draw (the chart messages, the element, level,
 * question and answer labels of every rubric and survey template, English where a locale has none,
 * and whatever else the drawn SVG says: axis numbers, "1–5", "…") is checked against the fonts'
 * character maps, read independently with opentype.js, and shaped through the real pipeline with
 * no glyph left missing; then one chart of each kind is drawn to PNG.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { DateTime } from "luxon";
import type { TopLevelSpec } from "vega-lite";
import { beforeAll, describe, expect, it } from "vitest";
import { CHART_FONTS, chartFamilies, facesFor, loadShaper } from "../../src/charts/fonts.ts";
import { pulseChartSpec, rubricChartSpec } from "../../src/charts/results-charts.ts";
import { layoutLabel, outlineText } from "../../src/charts/text.ts";
import type { Localized } from "../../src/core/prompts/schemas.ts";
import type { RubricResults } from "../../src/rubrics/results.ts";
import type { ChartSeries } from "../../src/summaries/build.ts";
import { chartSpec, chartSvg, renderChart, renderSpec } from "../../src/summaries/chart.ts";
import type { PulseResults } from "../../src/surveys/results.ts";
import { pick } from "../../src/surveys/templates.ts";

const PROMPTS = new URL("../../prompts/", import.meta.url);
const json = (path: string) => JSON.parse(readFileSync(new URL(path, PROMPTS), "utf8"));
const LOCALES = readdirSync(new URL("messages/", PROMPTS)).map((f) => f.replace(/\.json$/, ""));
const english: Record<string, string> = json("messages/en.json");
const surveys = readdirSync(new URL("surveys/", PROMPTS)).map((f) => json(`surveys/${f}`));
const rubrics = readdirSync(new URL("rubrics/", PROMPTS)).map((f) => json(`rubrics/${f}`));
/**
 * What a locale's text must contain (so the check cannot pass on English fallbacks alone), and the
 * font that draws it (DejaVu has Arabic letters of its own, but not the Naskh or Nastaliq forms).
 */
const SCRIPT: Record<string, { letters: RegExp; font: string }> = {
  ar: { letters: /\p{Script=Arabic}/u, font: "Noto Naskh Arabic" },
  ur: { letters: /\p{Script=Arabic}/u, font: "Noto Nastaliq Urdu" },
  ne: { letters: /\p{Script=Devanagari}/u, font: "Noto Sans Devanagari" },
  bn: { letters: /\p{Script=Bengali}/u, font: "Noto Sans Bengali" },
};
/** Joiners, bidi marks, variation selectors: nothing to draw (the shaper hides them). */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/u;

/** The messages charts draw (titles, legends), in the locale or in English. */
function chartMessages(locale: string): Record<string, string> {
  const own: Record<string, string> = json(`messages/${locale}.json`);
  const keys = Object.keys(english).filter((k) => /^(chart\.|summary\.chart_|quality\.)/.test(k) && !k.endsWith("_alt"));
  return Object.fromEntries(keys.map((k) => [k, own[k] ?? english[k]!]));
}

/** Charts showing every label of every template, as the chart code builds them. */
function chartsFor(locale: string): { specs: TopLevelSpec[]; summary: ChartSeries; titles: { qualities: string; elements: string } } {
  const m = chartMessages(locale);
  const tr = (l: Localized) => pick(l, locale);
  const specs: TopLevelSpec[] = [];
  for (const survey of surveys) {
    const questions = survey.questions.filter((q: { type: string }) => q.type === "scale");
    const results = { questions: questions.map((q: { text: Localized }, i: number) => ({ label: tr(q.text), counts: [1, i % 3, 2, 3, 1] })) } as PulseResults;
    // Long labels are shortened in the chart; the whole text is checked below as well.
    specs.push(pulseChartSpec(results, survey.scale.labels.map(tr), m["chart.pulse_title"]!)!);
  }
  for (const rubric of rubrics) {
    const elements = rubric.elements.map((e: { label: Localized }, i: number) => ({
      label: tr(e.label),
      compilation: { distribution: { [rubric.levels[i % rubric.levels.length].key]: 2 } },
    }));
    specs.push(rubricChartSpec({ rubric, elements } as unknown as RubricResults, tr, m["chart.rubric_title"]!)!);
  }
  const rubric = rubrics[0];
  const when = (days: number, format: string) => DateTime.fromISO("2026-01-05").plus({ days }).toFormat(format);
  const summary: ChartSeries = {
    qualities: [0, 1, 2].flatMap((i) =>
      ["equitable", "effective", "deep", "diverse"].map((q, k) => ({ label: `${when(i * 45, "d LLL")} P${i + 1}`, quality: m[`quality.${q}`]!, mean: 2 + ((i + k) % 4) * 0.7 })),
    ),
    checkins: rubric.elements.flatMap((e: { label: Localized }, i: number) =>
      [0, 1].map((k) => {
        const level = rubric.levels[(i + k) % rubric.levels.length];
        return { partnership: "Shanti Network", round: `${when(k * 60, "d LLL yy")} R${k + 1}`, element: tr(e.label), level: tr(level.label), rank: level.score };
      }),
    ),
    levels: rubric.levels.map((l: { label: Localized }) => tr(l.label)),
  };
  return { specs, summary, titles: { qualities: m["summary.chart_qualities"]!, elements: m["summary.chart_elements"]! } };
}

const labelsOf = new Map<string, Promise<string[]>>();
const labelsFor = (locale: string) => labelsOf.get(locale) ?? labelsOf.set(locale, collectLabels(locale)).get(locale)!;

/** Every label the locale's charts can draw: the full texts, and what the drawn SVG says. */
async function collectLabels(locale: string): Promise<string[]> {
  const tr = (l: Localized) => pick(l, locale);
  const labels = new Set<string>(Object.values(chartMessages(locale)));
  for (const survey of surveys) {
    for (const l of survey.scale.labels) labels.add(tr(l));
    for (const q of survey.questions) if (q.type === "scale") labels.add(tr(q.text));
  }
  for (const rubric of rubrics) for (const x of [...rubric.levels, ...rubric.elements]) labels.add(tr(x.label));
  const { specs, summary, titles } = chartsFor(locale);
  for (const spec of [...specs, chartSpec(summary, titles)]) {
    for (const [, text] of (await chartSvg(spec)).matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)) labels.add(text!.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">"));
  }
  return [...labels];
}

/** The characters each shipped font file maps, read with opentype.js (not the shaper that draws them). */
function fontCharacters(): { regular: Set<number>; bold: Set<number> } {
  const require = createRequire(import.meta.url);
  const opentype = require("opentype.js") as { parse(data: ArrayBuffer): { tables: { cmap: { glyphIndexMap: Record<string, number> } } } };
  const read = (file: string) => {
    const data = readFileSync(file);
    const map = opentype.parse(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength)).tables.cmap.glyphIndexMap;
    return Object.keys(map).map(Number);
  };
  return {
    regular: new Set(CHART_FONTS.flatMap((f) => read(f.files[0]))),
    bold: new Set(CHART_FONTS.flatMap((f) => read(f.files[1]))),
  };
}

describe("chart labels in every shipped script", () => {
  let covered: ReturnType<typeof fontCharacters>;
  beforeAll(async () => {
    covered = fontCharacters();
    await loadShaper();
  });

  it("ships the locales this test is about", () => {
    expect(LOCALES).toEqual(expect.arrayContaining(["en", "fr", "es", "ar", "ne", "ur", "bn"]));
  });

  describe.each(LOCALES)("%s", (locale) => {
    it("every character of every chart label is in a shipped font, regular and bold", async () => {
      const labels = await labelsFor(locale);
      if (SCRIPT[locale])
        expect(
          labels.some((l) => SCRIPT[locale]!.letters.test(l)),
          `${locale} labels in their script`,
        ).toBe(true);
      const missing = new Set<string>();
      for (const label of labels) {
        for (const c of label) {
          if (INVISIBLE.test(c)) continue;
          const code = c.codePointAt(0)!;
          for (const [weight, set] of Object.entries(covered)) {
            if (!set.has(code)) missing.add(`U+${code.toString(16).toUpperCase().padStart(4, "0")} "${c}" (${weight}) in "${label}"`);
          }
        }
      }
      expect([...missing]).toEqual([]);
    });

    it("shapes every label with no missing glyph, in the chart's own font list", async () => {
      const labels = await labelsFor(locale);
      const families = chartFamilies(labels.join(" "));
      const missing = labels.flatMap((label) =>
        [false, true].filter((bold) => layoutLabel(label, families, 12, bold).missing > 0).map((bold) => `${bold ? "bold" : "regular"}: ${label}`),
      );
      expect(missing).toEqual([]);
    });

    it("draws a pulse chart, a check-in grid and the summary chart to PNG through the real pipeline", async () => {
      const { specs, summary, titles } = chartsFor(locale);
      for (const spec of [specs[0]!, specs.at(-1)!, chartSpec(summary, titles)]) {
        const { svg, missing } = outlineText(await chartSvg(spec));
        expect(missing).toBe(0);
        expect(svg).not.toContain("<text");
      }
      for (const spec of [specs[0]!, specs.at(-1)!]) {
        const png = await renderSpec(spec, 900);
        expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
        expect(png.readUInt32BE(16)).toBe(900);
      }
      const png = await renderChart(summary, titles);
      expect(png!.subarray(1, 4).toString("ascii")).toBe("PNG");
    });
  });

  describe.each(Object.keys(SCRIPT))("%s, a script of its own", (locale) => {
    it("draws the locale's script in its own Noto font", async () => {
      const { letters, font } = SCRIPT[locale]!;
      const labels = await labelsFor(locale);
      const families = chartFamilies(labels.join(" "));
      const drawnBy = new Set(
        labels.flatMap((label) =>
          facesFor(label, families, false)
            .filter((_, i) => letters.test(label[i]!))
            .map((f) => f.family),
        ),
      );
      expect([...drawnBy]).toEqual([font]);
    });
  });
});
