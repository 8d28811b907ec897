/**
 * The prompt files as the browser tests read them: messages per locale, the partner pulse and the
 * CLARISSA rubric, read at test time so the tests follow the files as translations are added.
 */
import { readFileSync } from "node:fs";
import type { App } from "../../src/app.ts";
import type { MessageKey } from "../../src/core/i18n.ts";
import { plain } from "../../src/core/text.ts";

type Localized = Record<string, string>;

interface PulseFile {
  title: Localized;
  description: Localized;
  scale: { labels: Localized[]; preferNotToSay: Localized; notApplicable?: Localized };
  questions: { key: string; type: "scale" | "text"; text: Localized }[];
}

interface RubricFile {
  title: Localized;
  levels: { key: string; label: Localized }[];
  elements: { key: string; label: Localized; descriptors: Record<string, Localized[]> }[];
}

const read = <T>(path: string): T => JSON.parse(readFileSync(new URL(`../../prompts/${path}`, import.meta.url), "utf8")) as T;

export const pulseTemplate = read<PulseFile>("surveys/partner-pulse.json");
export const rubric = read<RubricFile>("rubrics/clarissa.json");
export const messagesOf = (locale: string) => read<Record<string, string>>(`messages/${locale}.json`);

/** A localized text in `locale`, or English where the file has none (as the bot picks it). */
export const pick = (text: Localized, locale: string): string => text[locale] ?? text.en!;

/** The bot's own formatting of a message (ICU, the locale's digits), as plain text. */
export function translator(app: App, locale: string): (key: string, params?: Record<string, string | number>) => string {
  const t = app.deps.i18n.forLocale(locale);
  return (key, params) => plain(t(key as MessageKey, params));
}

/** An argument that stands for one the test cannot know (a closing date); `fragments` cuts a message there. */
export const ARG = "@@ARG@@";

/** The fixed parts of a message formatted with `ARG` for the arguments a test cannot know. */
export function fragments(formattedWithMarkers: string): string[] {
  return formattedWithMarkers
    .split(ARG)
    .map((s) => s.trim())
    .filter((s) => s.length >= 2);
}
