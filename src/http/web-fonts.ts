/**
 * The chart's Noto fonts, served to the two pages the bot draws itself (the playground and the
 * web answer page), so Nepali, Bangla, Arabic and Urdu read the same on a computer that has no
 * font for them: Debian's chromium without font packages showed Devanagari as empty boxes.
 *
 * Each face has a `unicode-range`: a browser downloads a font only when the page holds a
 * character of its script, so an English page fetches nothing. Urdu text (`lang="ur"`) asks for
 * Nastaliq first, the way Urdu is written; other Arabic-script text uses Naskh.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { CHART_FONTS } from "../charts/fonts.ts";
import type { HttpServer } from "./server.ts";

interface WebFont {
  family: string;
  range: string;
}

// Each script's blocks only. Joiners and direction marks (U+200C-200F) are left out: the browser
// shapes them with the text around them, and in a range they would fetch a font for an emoji
// sequence. Bangla's full stop (U+0964) sits in the Devanagari block: Bengali's range takes it
// too, and `:lang(bn)` below puts the Bengali font first, so Bangla draws it in its own design.
const ARABIC = "U+0600-06FF, U+0750-077F, U+0870-08FF, U+FB50-FDFF, U+FE70-FEFF";
const WEB_FONTS: readonly WebFont[] = [
  { family: "Noto Sans Devanagari", range: "U+0900-097F, U+1CD0-1CFF, U+A8E0-A8FF" },
  { family: "Noto Sans Bengali", range: "U+0980-09FF, U+0964-0965" },
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
 * The `@font-face` rules, with URLs under `base`: the site's root as the page's browser sees it
 * (`/`, or `/bot/` behind a path prefix), or a relative way back to it (`../` from
 * `/playground/fonts.css`). Then the rules by language: Urdu in Nastaliq with room for its tall
 * letters, Bangla's own font ahead of Devanagari.
 */
export function fontFaceCss(base: string): string {
  const faces = WEB_FONTS.flatMap((font) =>
    [400, 700].map((weight) => {
      const { path } = files.get(`${font.family}/${weight}`)!;
      return `@font-face{font-family:"${font.family}";font-weight:${weight};font-style:normal;font-display:swap;src:url("${base}${path.slice(1)}") format("truetype");unicode-range:${font.range}}`;
    }),
  );
  return [...faces, `:lang(ur){font-family:"Noto Nastaliq Urdu", ${WEB_FONT_STACK};line-height:2.2}`, `:lang(bn){font-family:"Noto Sans Bengali", ${WEB_FONT_STACK}}`].join("\n");
}

/**
 * Serves each font file at `/fonts/<file>.ttf`: public, read-only, the same bytes as the npm
 * package's. Each is read once, at its first request, and kept (2.2 MB for all eight; a page
 * needs one or two), so requests cost no disk reads; browsers keep them a week and revalidate
 * with the ETag.
 */
export function mountWebFonts(http: HttpServer): void {
  for (const { path, file } of files.values()) {
    let loaded: Promise<{ body: Buffer; etag: string }> | undefined;
    http.route("GET", path, async (req) => {
      loaded ??= readFile(file)
        .then((body) => ({ body, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"` }))
        .catch((error: unknown) => {
          loaded = undefined;
          throw error;
        });
      const { body, etag } = await loaded;
      const headers = {
        "content-type": "font/ttf",
        "cache-control": "public, max-age=604800",
        etag,
        "x-content-type-options": "nosniff",
      };
      if (req.headers["if-none-match"] === etag) return { status: 304, headers };
      return { status: 200, headers, body };
    });
  }
}
