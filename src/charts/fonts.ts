/**
 * The fonts charts draw with, every one a TTF shipped in a registry package (no system font, no
 * network): DejaVu Sans for Latin and as the default, and Noto for the scripts DejaVu lacks or
 * draws poorly (Devanagari for Nepali, Bengali for Bangla, Naskh for Arabic, Nastaliq for Urdu).
 * Each file is read once per process, the first time a label needs it, and kept.
 *
 * Which font draws a character follows CSS font matching: the chart's family list in order (the
 * scripts its text uses first, then DejaVu), then every other font here as a fallback.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Face, Font, SvgPathCommand } from "harfbuzzjs";

type HarfBuzz = typeof import("harfbuzzjs");

export interface ChartFont {
  family: string;
  /** Text in this script puts the font ahead of DejaVu in the chart's list; null: the default font. */
  script: RegExp | null;
  /** Regular (400) and bold (700) TTF files. */
  files: readonly [string, string];
}

const require = createRequire(import.meta.url);
/** The Google Fonts TTFs packaged by Expo (OFL-1.1), beside the package.json: `<weight><Style>/<Name>_<weight><Style>.ttf`. */
const googleFont = (packageJson: string, name: string) =>
  [join(dirname(packageJson), `400Regular/${name}_400Regular.ttf`), join(dirname(packageJson), `700Bold/${name}_700Bold.ttf`)] as const;
const DEJAVU = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");

/** Letters Urdu uses and Arabic does not (ٹ ڈ ڑ ں ھ ہ ۂ ۃ ے ۓ): such text is Urdu, drawn in Nastaliq. */
const URDU = /[\u0679\u0688\u0691\u06BA\u06BE\u06C1-\u06C3\u06D2\u06D3]/u;

/** Every font a chart may draw with, in fallback order. */
export const CHART_FONTS: readonly ChartFont[] = [
  { family: "DejaVu Sans", script: null, files: [join(DEJAVU, "DejaVuSans.ttf"), join(DEJAVU, "DejaVuSans-Bold.ttf")] },
  {
    family: "Noto Sans Devanagari",
    script: /\p{Script=Devanagari}/u,
    files: googleFont(require.resolve("@expo-google-fonts/noto-sans-devanagari/package.json"), "NotoSansDevanagari"),
  },
  { family: "Noto Sans Bengali", script: /\p{Script=Bengali}/u, files: googleFont(require.resolve("@expo-google-fonts/noto-sans-bengali/package.json"), "NotoSansBengali") },
  // Urdu before Arabic: text with Urdu's own letters lists Nastaliq first, plain Arabic Naskh.
  { family: "Noto Nastaliq Urdu", script: URDU, files: googleFont(require.resolve("@expo-google-fonts/noto-nastaliq-urdu/package.json"), "NotoNastaliqUrdu") },
  { family: "Noto Naskh Arabic", script: /\p{Script=Arabic}/u, files: googleFont(require.resolve("@expo-google-fonts/noto-naskh-arabic/package.json"), "NotoNaskhArabic") },
];

/**
 * The font-family list for a chart whose text is `text`: the fonts of the scripts it uses first
 * (so Arabic is drawn in Naskh, not in DejaVu's own Arabic, and Latin beside Devanagari in the
 * matching Noto design), DejaVu Sans last.
 */
export function chartFamilies(text: string): string {
  const scripts = CHART_FONTS.filter((f) => f.script?.test(text));
  return [...scripts, CHART_FONTS[0]!].map((f) => f.family).join(", ");
}

/** One face of one font, loaded: the shaper's font, its characters, and glyph outlines drawn so far. */
export interface LoadedFace {
  family: string;
  font: Font;
  upem: number;
  chars: Set<number>;
  paths: Map<number, SvgPathCommand[]>;
}

let harfbuzz: HarfBuzz | null = null;
let loading: Promise<HarfBuzz> | null = null;

/** The shaper (HarfBuzz compiled to WebAssembly, shipped in the package): loaded on the first chart. */
export async function loadShaper(): Promise<void> {
  loading ??= import("harfbuzzjs");
  harfbuzz = await loading;
}

const faces = new Map<string, LoadedFace>();

/** The face of `font` at `bold` weight, read from its file the first time it is needed. */
export function face(font: ChartFont, bold: boolean): LoadedFace {
  const key = `${font.family}/${bold ? 700 : 400}`;
  let loaded = faces.get(key);
  if (!loaded) {
    if (!harfbuzz) throw new Error("chart fonts: loadShaper() first");
    const hbFace: Face = new harfbuzz.Face(new harfbuzz.Blob(readFileSync(font.files[bold ? 1 : 0])));
    loaded = { family: font.family, font: new harfbuzz.Font(hbFace), upem: hbFace.upem, chars: new Set(hbFace.collectUnicodes()), paths: new Map() };
    faces.set(key, loaded);
  }
  return loaded;
}

export function shaper(): HarfBuzz {
  if (!harfbuzz) throw new Error("chart fonts: loadShaper() first");
  return harfbuzz;
}

/** The fonts to try for a family list, in order: those named (known ones), then every other. */
function fontOrder(families: string): ChartFont[] {
  const named = families
    .split(",")
    .map((f) => f.trim().replace(/^["']|["']$/g, ""))
    .map((name) => CHART_FONTS.find((f) => f.family === name))
    .filter((f): f is ChartFont => f !== undefined);
  return [...new Set([...named, ...CHART_FONTS])];
}

/** Marks, joiners and other format characters stay with the character they modify. */
const ATTACHED = /[\p{M}\p{Cf}]/u;
/** Spaces, digits and punctuation: drawn by a neighbour's font when it has them. */
const COMMON = /[\p{Script=Common}\p{Script=Inherited}]/u;

/**
 * The face each UTF-16 unit of `text` is drawn with (a low surrogate shares its pair's face).
 * Letters take the first font in the list that has them; spaces, digits and punctuation the font
 * of the letter before (or after) them when it has them too, so a label shapes as few runs.
 */
export function facesFor(text: string, families: string, bold: boolean): LoadedFace[] {
  const order = fontOrder(families);
  const first = (cp: number) => {
    for (const f of order) if (face(f, bold).chars.has(cp)) return face(f, bold);
    return face(order[0]!, bold);
  };
  const units = [...text];
  const picked: (LoadedFace | null)[] = units.map((c) => (COMMON.test(c) || ATTACHED.test(c) ? null : first(c.codePointAt(0)!)));
  const near = (i: number, step: number) => {
    for (let j = i + step; j >= 0 && j < units.length; j += step) if (picked[j]) return picked[j];
    return null;
  };
  const resolved = units.map((c, i) => {
    if (picked[i]) return picked[i];
    const cp = c.codePointAt(0)!;
    const before = near(i, -1);
    const after = near(i, 1);
    if (ATTACHED.test(c)) return before ?? after ?? first(cp);
    return [before, after].find((f) => f?.chars.has(cp)) ?? first(cp);
  });
  // Back to UTF-16 indices, which is what the bidi levels and the shaper's clusters count.
  return units.flatMap((c, i) => (c.length === 2 ? [resolved[i]!, resolved[i]!] : [resolved[i]!]));
}
