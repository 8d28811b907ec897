/**
 * The summary chart, rendered on the server to PNG with no native build step and no network:
 * vega-lite compiles the spec, vega renders SVG headlessly, every label becomes outlines shaped by
 * HarfBuzz in fonts shipped in node_modules (`charts/fonts.ts`, `charts/text.ts`: Latin,
 * Devanagari, Bengali and Arabic script, right to left where it reads so), and resvg rasterises it.
 */
import type { TopLevelSpec } from "vega-lite";
import { chartFamilies, loadShaper } from "../charts/fonts.ts";
import { labelWidth, outlineText } from "../charts/text.ts";
import type { ChartSeries } from "./build.ts";

/**
 * vega, vega-lite, resvg and the shaper load on the first chart, not at start: they are large,
 * and most processes (and most tests) never draw one.
 */
let loaded: ReturnType<typeof load> | null = null;
const renderers = () =>
  (loaded ??= load().catch((error: unknown) => {
    loaded = null;
    throw error;
  }));
async function load() {
  const [vega, vegaLite, resvg] = await Promise.all([import("vega"), import("vega-lite"), import("@resvg/resvg-js"), loadShaper()]);
  // vega lays labels out (and cuts them at their limit) by the width they will be drawn at
  // (`textMetrics` is vega's hook for this, as vl-convert uses it; its types leave it out).
  (vega as unknown as { textMetrics: { width: typeof labelWidth } }).textMetrics.width = labelWidth;
  return { vega, compile: vegaLite.compile, Resvg: resvg.Resvg };
}

/** Best to worst: green, amber, red (then greys for rubrics with more levels). */
const LEVEL_COLOURS = ["#2e7d32", "#f9a825", "#c62828", "#757575", "#bdbdbd"];

function hasChartData(series: ChartSeries): boolean {
  return series.qualities.length > 0 || series.checkins.length > 0;
}

export function chartSpec(series: ChartSeries, titles: { qualities: string; elements: string }): TopLevelSpec {
  const panels = [];
  if (series.qualities.length > 0) {
    panels.push({
      title: titles.qualities,
      width: 460,
      height: 160,
      data: { values: series.qualities },
      mark: { type: "line" as const, point: true },
      encoding: {
        x: { field: "label", type: "ordinal" as const, title: null, sort: null, axis: { labelAngle: 0 } },
        y: { field: "mean", type: "quantitative" as const, title: "1–5", scale: { domain: [1, 5] } },
        color: { field: "quality", type: "nominal" as const, title: null },
      },
    });
  }
  if (series.checkins.length > 0) {
    // One grid per partnership (element × check-in, the level as a colour): partnerships are
    // shown next to themselves over time, never averaged together or ranked.
    panels.push({
      title: titles.elements,
      data: { values: series.checkins },
      facet: { row: { field: "partnership", type: "nominal" as const, title: null, header: { labelAngle: 0, labelAlign: "left" as const, labelFontWeight: "bold" as const } } },
      spec: {
        width: 300,
        height: { step: 16 },
        mark: { type: "rect" as const, stroke: "white" },
        encoding: {
          x: { field: "round", type: "ordinal" as const, title: null, sort: null, axis: { labelAngle: 0, orient: "top" as const } },
          y: { field: "element", type: "ordinal" as const, title: null, sort: null, axis: { labelLimit: 260 } },
          color: { field: "level", type: "nominal" as const, title: null, scale: { domain: series.levels, range: LEVEL_COLOURS.slice(0, series.levels.length) } },
        },
      },
      resolve: { scale: { x: "independent" } },
    });
  }
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    vconcat: panels,
    // Each panel keeps its own colours and legend (qualities and elements are different things).
    resolve: { scale: { color: "independent" }, legend: { color: "independent" } },
    config: { background: "white", view: { stroke: null } },
  } as TopLevelSpec;
}

/** PNG bytes of the chart, or null when there is nothing to draw. */
export async function renderChart(series: ChartSeries, titles: { qualities: string; elements: string }): Promise<Buffer | null> {
  if (!hasChartData(series)) return null;
  return renderSpec(chartSpec(series, titles));
}

/** The SVG vega draws for a spec, before its labels become outlines, in the fonts for its text. */
export async function chartSvg(spec: TopLevelSpec): Promise<string> {
  const { vega, compile } = await renderers();
  // The font list comes from the text itself: a chart in Arabic, Nepali or Bangla lists that script's font first.
  const font = chartFamilies(JSON.stringify(spec));
  const view = new vega.View(vega.parse(compile({ ...spec, config: { ...spec.config, font } } as TopLevelSpec).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Any vega-lite spec to PNG, in the shipped fonts (the one pipeline every chart goes through). */
export async function renderSpec(spec: TopLevelSpec, width = 1000): Promise<Buffer> {
  const { Resvg } = await renderers();
  const { svg } = outlineText(await chartSvg(spec));
  // No text is left for resvg to lay out: it draws outlines only, with no font at all.
  const png = Buffer.from(new Resvg(svg, { font: { loadSystemFonts: false }, background: "white", fitTo: { mode: "width", value: width } }).render().asPng());
  // resvg's native image is freed by a finalizer that runs on a turn of the event loop: give it
  // one, or charts drawn back to back (nothing else awaited) hold about 1.4 MB each until then.
  await new Promise((resolve) => setImmediate(resolve));
  return png;
}
