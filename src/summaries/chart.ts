/**
 * The summary chart, rendered on the server to PNG with no native build step and no network:
 * vega-lite compiles the spec, vega renders SVG headlessly, resvg rasterises it with the DejaVu
 * font shipped in node_modules (so a machine without system fonts still draws labels).
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { Resvg } from "@resvg/resvg-js";
import type { ChartSeries } from "./build.ts";

const require = createRequire(import.meta.url);
const FONT = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf", "DejaVuSans.ttf");

export function hasChartData(series: ChartSeries): boolean {
  return series.qualities.length > 0 || series.elements.length > 0;
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
  if (series.elements.length > 0) {
    panels.push({
      title: titles.elements,
      width: 460,
      height: 160,
      data: { values: series.elements },
      mark: { type: "line" as const, point: true },
      encoding: {
        x: { field: "month", type: "ordinal" as const, title: null, axis: { labelAngle: 0 } },
        y: { field: "score", type: "quantitative" as const, title: "needs help → well-functioning", scale: { domain: [1, 3] } },
        color: { field: "element", type: "nominal" as const, title: null },
      },
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
  const view = new vega.View(vega.parse(compile(chartSpec(series, titles)).spec), { renderer: "none" });
  const svg = await view.toSVG();
  view.finalize();
  const png = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: [FONT], defaultFontFamily: "DejaVu Sans" }, background: "white", fitTo: { mode: "width", value: 1000 } })
    .render()
    .asPng();
  return Buffer.from(png);
}
