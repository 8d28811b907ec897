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

/** One face the pages may use: its family, weight, characters, URL path and file. */
interface WebFace {
  family: string;
  weight: 400 | 700;
  range: string;
  path: string;
  file: string;
}

// Each script's blocks only. Joiners and direction marks (U+200C-200F) are left out: the browser
// shapes them with the text around them, and in a range they would fetch a font for an emoji
// sequence. Bangla's full stop (U+0964) sits in the Devanagari block: Bengali's range takes it
// too, and `:lang(bn)` below puts the Bengali font first, so Bangla draws it in its own design.
const ARABIC = "U+0600-06FF, U+0750-077F, U+0870-08FF, U+FB50-FDFF, U+FE70-FEFF";
const RANGES: Record<string, string> = {
  "Noto Sans Devanagari": "U+0900-097F, U+1CD0-1CFF, U+A8E0-A8FF",
  "Noto Sans Bengali": "U+0980-09FF, U+0964-0965",
  "Noto Naskh Arabic": ARABIC,
  "Noto Nastaliq Urdu": ARABIC,
};

/** The chart's script fonts (DejaVu, its Latin default, is left to the system's fonts), regular and bold. */
const FACES: readonly WebFace[] = CHART_FONTS.filter((font) => RANGES[font.family]).flatMap((font) =>
  font.files.map((file, i) => ({ family: font.family, weight: i === 0 ? 400 : 700, range: RANGES[font.family]!, path: `/fonts/${basename(file)}`, file }) as const),
);

/**
 * The text stack for the two pages: the script fonts first, each used only for the characters
 * of its `unicode-range`, then system fonts for everything else. After `system-ui` they would
 * never be asked: Chromium resolves a character system-ui lacks through the system's own
 * fallback, boxes included.
 */
export const WEB_FONT_STACK = `${Object.keys(RANGES)
  .filter((family) => family !== "Noto Nastaliq Urdu")
  .map((family) => `"${family}"`)
  .join(", ")}, system-ui, -apple-system, "Segoe UI", sans-serif`;

/**
 * The `@font-face` rules, with URLs under `base`: the site's root as the page's browser sees it
 * (`/`, or `/bot/` behind a path prefix), or a relative way back to it (`../` from
 * `/playground/fonts.css`). Then the rules by language: Urdu in Nastaliq with room for its tall
 * letters, Bangla's own font ahead of Devanagari.
 */
export function fontFaceCss(base: string): string {
  const faces = FACES.map(
    (f) =>
      `@font-face{font-family:"${f.family}";font-weight:${f.weight};font-style:normal;font-display:swap;src:url("${base}${f.path.slice(1)}") format("truetype");unicode-range:${f.range}}`,
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
  for (const { path, file } of FACES) {
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
