/**
 * User-facing text from prompts/messages/<locale>.json with `{name}` placeholders. A person's own
 * language wins, then the workspace language, then English; a key missing in a locale falls back
 * to English, so a partial translation is still usable.
 */

import { isMarkup, userText, type Markup } from "./text.ts";

/** Keys of the shipped English messages: a typo in a key is a compile error. */
export type MessageKey = keyof typeof import("../../prompts/messages/en.json");
/**
 * Message parameters: strings are user text (marked, so renderers make them inert: see text.ts);
 * bot markup such as mentions the bot builds goes in as `markup(...)`; numbers as they are.
 */
export type MessageParams = Record<string, string | number | Markup>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export interface I18n {
  locales(): string[];
  has(locale: string): boolean;
  /** A translator for the first available locale in the preference list. */
  forLocale(...preferences: (string | null | undefined)[]): Translate & { locale: string };
  /** Translates a key that is only known at run time (parse errors); unknown keys return the key. */
  dynamic(locale: string, key: string, params?: MessageParams): string;
}

function interpolate(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in params)) return whole;
    const value = params[name]!;
    if (isMarkup(value)) return value.markup;
    return typeof value === "number" ? String(value) : userText(value);
  });
}

export function createI18n(messages: Record<string, Record<string, string>>): I18n {
  const english = messages.en ?? {};
  const lookup = (locale: string, key: string, params?: MessageParams) => {
    const template = messages[locale]?.[key] ?? english[key];
    return template === undefined ? key : interpolate(template, params);
  };
  return {
    locales: () => Object.keys(messages).sort(),
    has: (locale) => locale in messages,
    forLocale: (...preferences) => {
      const locale = preferences.find((p): p is string => Boolean(p && p in messages)) ?? "en";
      const t = ((key: MessageKey, params?: MessageParams) => lookup(locale, key, params)) as Translate & { locale: string };
      t.locale = locale;
      return t;
    },
    dynamic: lookup,
  };
}
