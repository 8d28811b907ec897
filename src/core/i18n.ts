/**
 * User-facing text from prompts/messages/<locale>.json in ICU MessageFormat (intl-messageformat):
 * `{name}` arguments, `{count, plural, one {…} other {…}}` and selects, with each language's
 * plural rules. A person's own language wins, then the workspace language, then English; a key
 * missing in a locale falls back to English, so a partial translation is still usable.
 */

import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { IntlMessageFormat } from "intl-messageformat";
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

/** A compiled message, and the names of the arguments it takes. */
interface Compiled {
  format: IntlMessageFormat | null;
  args: string[];
}

/** Every argument name in a parsed message, nested plural and select branches included. */
function argumentNames(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if ("value" in el && typeof el.value === "string" && el.type !== TYPE.literal) into.add(el.value);
    if ("options" in el) for (const option of Object.values(el.options)) argumentNames(option.value, into);
    if ("children" in el) argumentNames(el.children, into);
  }
  return into;
}

/**
 * The argument names a message takes (sorted, each once), or the parse error: prompt loading
 * checks that a translation takes exactly the English arguments, however it words its plurals.
 */
export function messageArguments(text: string): { args: string[] } | { error: string } {
  try {
    return { args: [...argumentNames(parse(text, { ignoreTag: true }))].sort() };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** Parses a message (ICU MessageFormat); a message that does not parse is shown as written. */
function compile(template: string, locale: string): Compiled {
  try {
    const ast = parse(template, { ignoreTag: true });
    return { format: new IntlMessageFormat(ast, locale, undefined, { ignoreTag: true }), args: [...argumentNames(ast)] };
  } catch {
    return { format: null, args: [] };
  }
}

function interpolate(compiled: Compiled, template: string, params: MessageParams = {}): string {
  if (!compiled.format) return template;
  const values: Record<string, string | number> = {};
  for (const name of compiled.args) {
    if (!(name in params)) {
      // A parameter the caller did not give stays visible as written, never an exception.
      values[name] = `{${name}}`;
      continue;
    }
    const value = params[name]!;
    values[name] = isMarkup(value) ? value.markup : typeof value === "number" ? value : userText(value);
  }
  return String(compiled.format.format(values));
}

export function createI18n(messages: Record<string, Record<string, string>>): I18n {
  const english = messages.en ?? {};
  const compiled = new Map<string, Compiled>();
  const lookup = (locale: string, key: string, params?: MessageParams) => {
    const own = messages[locale]?.[key];
    const template = own ?? english[key];
    if (template === undefined) return key;
    // Plural rules follow the language the text is written in.
    const language = own !== undefined ? locale : "en";
    const id = `${language}\u0000${key}`;
    let c = compiled.get(id);
    if (!c) {
      c = compile(template, language);
      compiled.set(id, c);
    }
    return interpolate(c, template, params);
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
