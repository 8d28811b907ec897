/**
 * Chart labels turned into outlines before resvg sees them. resvg's own text layout (2.6.2) guesses
 * one script per line and gives a cluster of several glyphs the advance of its widest, so
 * Bengali and Devanagari vowel signs overlapped the next letter. Here each label is split into
 * runs by bidi level (Unicode bidi algorithm) and by font, every run is shaped by HarfBuzz with
 * its own script and direction (conjuncts, Arabic joining, mirrored brackets), runs are put in
 * visual order, and the glyphs become one SVG path per label. vega measures labels the same way,
 * so its layout and truncation match what is drawn.
 */
import bidiModule from "bidi-js";
import type { Buffer as ShapingBuffer, SvgPathCommand } from "harfbuzzjs";
import { facesFor, type LoadedFace, shaper } from "./fonts.ts";

// bidi-js is CommonJS whose module.exports is the factory; its types describe an ES default export.
const bidiFactory = ((bidiModule as unknown as { default?: typeof bidiModule }).default ?? bidiModule) as unknown as () => {
  getEmbeddingLevels(text: string, direction?: "ltr" | "rtl" | "auto"): { levels: Uint8Array };
};
const bidi = bidiFactory();

interface Run {
  start: number;
  end: number;
  face: LoadedFace;
  level: number;
}

/** A label shaped in font units, independent of its size: its runs in visual order. */
interface ShapedLabel {
  runs: { face: LoadedFace; advance: number; glyphs: { id: number; x: number; y: number }[] }[];
  /** Glyphs no font had (drawn as the font's empty box). */
  missing: number;
}

/** Runs of one face and one bidi level, in logical order. */
function runsOf(text: string, faces: LoadedFace[], levels: Uint8Array): Run[] {
  const runs: Run[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = runs.at(-1);
    if (last && last.face === faces[i] && last.level === levels[i]) last.end = i + 1;
    else runs.push({ start: i, end: i + 1, face: faces[i]!, level: levels[i]! });
  }
  return runs;
}

/** Rule L2: from the highest level down to the lowest odd one, reverse every sequence at that level or above. */
function visualOrder(runs: Run[]): Run[] {
  const order = [...runs];
  const levels = runs.map((r) => r.level);
  const lowestOdd = Math.min(...levels) | 1;
  for (let level = Math.max(...levels); level >= lowestOdd; level--) {
    for (let i = 0; i < order.length; ) {
      if (order[i]!.level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < order.length && order[j]!.level >= level) j++;
      order.splice(i, j - i, ...order.slice(i, j).reverse());
      i = j;
    }
  }
  return order;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** A glyph's outline in font units, as path commands, read once per face. */
function outline(face: LoadedFace, gid: number): SvgPathCommand[] {
  let commands = face.paths.get(gid);
  if (!commands) {
    commands = face.font.glyphToJson(gid);
    face.paths.set(gid, commands);
  }
  return commands;
}

let buffer: ShapingBuffer | null = null;
const shaped = new Map<string, ShapedLabel>();

/** One line of text shaped in the chart's font list (kept: vega measures a label several times). */
function shape(text: string, families: string, bold: boolean): ShapedLabel {
  const key = `${families}|${bold}|${text}`;
  const known = shaped.get(key);
  if (known) return known;
  const hb = shaper();
  const out: ShapedLabel = { runs: [], missing: 0 };
  if (text.length > 0) {
    const runs = runsOf(text, facesFor(text, families, bold), bidi.getEmbeddingLevels(text, "auto").levels);
    for (const run of visualOrder(runs)) {
      buffer ??= new hb.Buffer();
      buffer.reset();
      // The whole label goes in as context (Arabic joins across a change of font); the run is shaped.
      buffer.addText(text, run.start, run.end - run.start);
      buffer.setDirection(run.level % 2 === 1 ? hb.Direction.RTL : hb.Direction.LTR);
      buffer.guessSegmentProperties();
      hb.shape(run.face.font, buffer);
      const positions = buffer.getGlyphPositions();
      let pen = 0;
      const glyphs = buffer.getGlyphInfos().map((info, k) => {
        const p = positions[k]!;
        if (info.codepoint === 0) out.missing++;
        const glyph = { id: info.codepoint, x: pen + p.xOffset, y: p.yOffset };
        pen += p.xAdvance;
        return glyph;
      });
      out.runs.push({ face: run.face, advance: pen, glyphs });
    }
  }
  shaped.set(key, out);
  // The labels of the latest charts are what is asked again (results are drawn more than once).
  if (shaped.size > 5000) shaped.delete(shaped.keys().next().value!);
  return out;
}

const widthOf = (label: ShapedLabel, size: number) => label.runs.reduce((w, r) => w + (r.advance * size) / r.face.upem, 0);

/** The drawn width of one line at `size` pixels, and how many of its glyphs no font has. */
export function layoutLabel(text: string, families: string, size: number, bold: boolean): { width: number; missing: number } {
  const label = shape(text, families, bold);
  return { width: widthOf(label, size), missing: label.missing };
}

/** The label's outlines as path data, its baseline starting at (x, 0). */
function pathOf(label: ShapedLabel, size: number, x: number): string {
  const parts: string[] = [];
  let pen = x;
  for (const run of label.runs) {
    const scale = size / run.face.upem;
    for (const g of run.glyphs) {
      const left = pen + g.x * scale;
      const base = -g.y * scale;
      for (const c of outline(run.face, g.id)) parts.push(c.type + c.values.map((v, k) => round(k % 2 === 0 ? left + v * scale : base - v * scale)).join(" "));
    }
    pen += run.advance * scale;
  }
  return parts.join("");
}

const isBold = (weight: string | number | undefined) => weight === "bold" || weight === "bolder" || Number(weight) >= 600;

/** vega's text measure (`textMetrics.width`): the width the label will be drawn at. */
export function labelWidth(item: { font?: string; fontSize?: number; fontWeight?: string | number }, text: unknown): number {
  return widthOf(shape(String(text ?? ""), item.font ?? "", isBold(item.fontWeight)), item.fontSize ?? 11);
}

const ATTRIBUTE = /([\w:-]+)="([^"]*)"/g;
const ENTITY: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const decodeEntities = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === "#" ? String.fromCodePoint(Number.parseInt(e.slice(e[1] === "x" || e[1] === "X" ? 2 : 1), e[1] === "x" || e[1] === "X" ? 16 : 10)) : (ENTITY[e] ?? m),
  );
/** What a drawn label keeps of its `<text>` element (the font is in the outlines now). */
const KEPT = new Set(["transform", "fill", "fill-opacity", "opacity", "stroke", "stroke-width", "stroke-opacity", "clip-path", "class"]);

/**
 * Every `<text>` of vega's SVG replaced by the outlines of its shaped glyphs, anchored as vega
 * placed it (start, middle or end of the drawn width).
 */
export function outlineText(svg: string): { svg: string; missing: number } {
  let missing = 0;
  const out = svg.replace(/<text\b([^>]*)>([\s\S]*?)<\/text>/g, (_, attributes: string, content: string) => {
    const a = Object.fromEntries([...attributes.matchAll(ATTRIBUTE)].map((m) => [m[1]!, m[2]!]));
    // Multi-line labels (tspans) are not used by these charts; their lines are joined.
    const text = decodeEntities(content.replace(/<[^>]*>/g, " ")).trim();
    const size = Number.parseFloat(a["font-size"] ?? "11");
    const label = shape(text, decodeEntities(a["font-family"] ?? ""), isBold(a["font-weight"]));
    missing += label.missing;
    const width = widthOf(label, size);
    const d = pathOf(label, size, a["text-anchor"] === "end" ? -width : a["text-anchor"] === "middle" ? -width / 2 : 0);
    if (!d) return "";
    const kept = Object.entries(a)
      .filter(([k]) => KEPT.has(k))
      .map(([k, v]) => ` ${k}="${v}"`)
      .join("");
    return `<g${kept}><path d="${d}"/></g>`;
  });
  return { svg: out, missing };
}
