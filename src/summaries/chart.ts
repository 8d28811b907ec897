/**
 * The summary chart, rendered on the server to PNG with no native build step and no network:
 * vega-lite compiles the spec, vega renders SVG headlessly, resvg rasterises it with the DejaVu
 * font shipped in node_modules (so a machine without system fonts still draws labels).
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { TopLevelSpec } from "vega-lite";
import type { ChartSeries } from "./build.ts";

/**
 * vega, vega-lite and resvg load on the first chart, not at start: they are large, and most
 * processes (and most tests) never draw one.
 */
const renderers = async () => {
  const [vega, vegaLite, resvg] = await Promise.all([import("vega"), import("vega-lite"), import("@resvg/resvg-js")]);
  return { vega, compile: vegaLite.compile, Resvg: resvg.Resvg };
};

const require = createRequire(import.meta.url);
const FONT = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf", "DejaVuSans.ttf");

/** Best to worst: green, amber, red (then greys for rubrics with more levels). */
const LEVEL_COLOURS = ["#2e7d32", "#f9a825", "#c62828", "#757575", "#bdbdbd"];

function hasChartData(series: ChartSeries): boolean {
  return series.qualities.length > 0 || series.checkins.length > 0;
}

function chartSpec(series: ChartSeries, titles: { qualities: string; elements: string }): TopLevelSpec {
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
    config: { font: "DejaVu Sans", background: "white", view: { stroke: null } },
  } as TopLevelSpec;
}

/** PNG bytes of the chart, or null when there is nothing to draw. */
export async function renderChart(series: ChartSeries, titles: { qualities: string; elements: string }): Promise<Buffer | null> {
  if (!hasChartData(series)) return null;
  return renderSpec(chartSpec(series, titles));
}

/** Any vega-lite spec to PNG, with the shipped font (the one pipeline every chart goes through). */
export async function renderSpec(spec: TopLevelSpec, width = 1000): Promise<Buffer> {
  const { vega, compile, Resvg } = await renderers();
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
  const svg = await view.toSVG();
  view.finalize();
  const png = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: [FONT], defaultFontFamily: "DejaVu Sans" }, background: "white", fitTo: { mode: "width", value: width } })
    .render()
    .asPng();
  return Buffer.from(png);
}
