/**
 * The chart's Noto fonts, served to the two pages the bot draws itself (the playground and the
 * web answer page), so Nepali, Bangla, Arabic and Urdu read the same on a computer that has no
 * font for them: Debian's chromium without font packages showed Devanagari as empty boxes.
 *
 * Each face has a `unicode-range`: a browser downloads a font only when the page holds a
 * character of its script, so an English page fetches nothing. Urdu text (`lang="ur"`) asks for
 * Nastaliq first, the way Urdu is written; other Arabic-script text uses Naskh.
 */
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { CHART_FONTS } from "../charts/fonts.ts";
import type { HttpServer } from "./server.ts";

interface WebFont {
  family: string;
  range: string;
}

// Each script's block, plus the joiners and the dotted circle its shaping uses.
const ARABIC = "U+0600-06FF, U+0750-077F, U+0870-08FF, U+FB50-FDFF, U+FE70-FEFF, U+200C-200F, U+25CC";
const WEB_FONTS: readonly WebFont[] = [
  { family: "Noto Sans Devanagari", range: "U+0900-097F, U+1CD0-1CFF, U+A8E0-A8FF, U+200C-200D, U+25CC" },
  { family: "Noto Sans Bengali", range: "U+0980-09FF, U+0964-0965, U+200C-200D, U+25CC" },
  { family: "Noto Naskh Arabic", range: ARABIC },
  { family: "Noto Nastaliq Urdu", range: ARABIC },
];

/** The URL path (under `/fonts/`) of each file, by family and weight. */
const files = new Map<string, { path: string; file: string }>();
for (const font of WEB_FONTS) {
  const chart = CHART_FONTS.find((f) => f.family === font.family);
  if (!chart) throw new Error(`web font ${font.family} is not among the chart fonts`);
  const [regular, bold] = chart.files;
  files.set(`${font.family}/400`, { path: `/fonts/${basename(regular)}`, file: regular });
  files.set(`${font.family}/700`, { path: `/fonts/${basename(bold)}`, file: bold });
}

/**
 * The text stack for the two pages: the script fonts first, each used only for the characters
 * of its `unicode-range`, then system fonts for everything else. After `system-ui` they would
 * never be asked: Chromium resolves a character system-ui lacks through the system's own
 * fallback, boxes included.
 */
export const WEB_FONT_STACK = `${WEB_FONTS.filter((f) => f.family !== "Noto Nastaliq Urdu")
  .map((f) => `"${f.family}"`)
  .join(", ")}, system-ui, -apple-system, "Segoe UI", sans-serif`;

/**
 * The `@font-face` rules, with URLs relative to `base` (the page's way back to the site root:
 * `../` from `/answer/<token>` and from `/playground/style.css`), so the bot also works under a
 * path prefix. Then the Urdu rule: Nastaliq first and room for its tall letters.
 */
export function fontFaceCss(base: string): string {
  const faces = WEB_FONTS.flatMap((font) =>
    [400, 700].map((weight) => {
      const { path } = files.get(`${font.family}/${weight}`)!;
      return `@font-face{font-family:"${font.family}";font-weight:${weight};font-style:normal;font-display:swap;src:url("${base}${path.slice(1)}") format("truetype");unicode-range:${font.range}}`;
    }),
  );
  return `${faces.join("\n")}\n:lang(ur){font-family:"Noto Nastaliq Urdu", ${WEB_FONT_STACK};line-height:2.2}`;
}

/** Serves each font file at `/fonts/<file>.ttf`: public, read-only, the same bytes as the npm package's. */
export function mountWebFonts(http: HttpServer): void {
  for (const { path, file } of files.values()) {
    http.route("GET", path, async () => ({
      status: 200,
      headers: {
        "content-type": "font/ttf",
        "cache-control": "public, max-age=604800",
        "x-content-type-options": "nosniff",
      },
      body: await readFile(file),
    }));
  }
}
