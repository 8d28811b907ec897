/**
 * User-facing text from prompts/messages/<locale>.json in ICU MessageFormat (intl-messageformat):
 * `{name}` arguments, `{count, plural, one {…} other {…}}` and selects, with each language's
 * plural rules. A person's own language wins, then the language their platform reports, then the
 * workspace language, then English; a key missing in a locale falls back to English, so a partial
 * translation is still usable. Numbers given as arguments are written in the reader's locale
 * (digits, grouping), except inside `code` spans, which people type back as commands.
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

/** A translator bound to one locale, with that locale's number and list formats. */
export type Translator = Translate & {
  locale: string;
  /** A number as the reader writes it (their digits and grouping). */
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** Items joined as the reader's language joins a list ("a, b and c"). */
  list(items: string[], type?: "conjunction" | "disjunction"): string;
};

export interface I18n {
  locales(): string[];
  has(locale: string): boolean;
  /**
   * A translator for the first available locale in the preference list. Preferences may be
   * platform tags ("fr-FR", "es-419"): the full tag is tried, then its language.
   */
  forLocale(...preferences: (string | null | undefined)[]): Translator;
  /** The shipped locale a preference resolves to, or null (e.g. "ne-NP" → "ne"). */
  resolve(preference: string | null | undefined): string | null;
  /** Translates a key that is only known at run time (parse errors); unknown keys return the key. */
  dynamic(locale: string, key: string, params?: MessageParams): string;
}

/** Who a person is, as far as their language goes. */
interface Speaker {
  /** Chosen with `/reflect language` (or when inviting by email). */
  locale: string | null;
  /** What their Slack or Teams client reports (e.g. "fr-FR"), if known. */
  platformLocale?: string | null;
}

/**
 * The languages to try for a person, best first: their own choice, then their platform's. An
 * English platform setting is passed over: Slack and Teams report English for anyone who never
 * chose otherwise, and neither offers Nepali, Urdu or Bangla, so it says little about what the
 * person reads best, and the workspace's language (the next preference) is the better guess.
 * `/reflect language en` is how a person asks for English.
 */
export function speakerLanguages(person: Speaker | null | undefined): (string | null)[] {
  if (!person) return [];
  const platform = person.platformLocale && !/^en\b/i.test(person.platformLocale) ? person.platformLocale : null;
  return [person.locale, platform];
}

/**
 * What is kept of the language a platform reports: the shipped locale it names ("ar-EG" → "ar"),
 * else its language alone ("de-DE" → "de"); nothing for a value that is not a language tag. Less
 * than the platform says (no region), and never a string someone could have shaped.
 */
export function platformLanguage(i18n: Pick<I18n, "resolve">, reported: string | null | undefined): string | null {
  if (!reported || reported.length > 35 || !/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$/.test(reported)) return null;
  return i18n.resolve(reported) ?? reported.split(/[-_]/)[0]!.toLowerCase();
}

/**
 * A language's name in that language, as that language writes it ("नेपाली", "français"), so a
 * person finds their own in a list whatever language the list is in; the code when ICU knows no
 * name for it.
 */
export function languageName(code: string): string {
  try {
    const name = new Intl.DisplayNames([code], { type: "language", fallback: "none" }).of(code);
    return name ?? code;
  } catch {
    return code;
  }
}

/**
 * The languages a person may choose, each as its code (what they type) and its own name, in the
 * reader's list form: "`ar` العربية, `bn` বাংলা … and `ur` اردو". Bot markup (code spans).
 */
export function languageChoices(t: Pick<Translator, "list">, codes: string[]): string {
  return t.list(codes.map((code) => `\`${code}\` ${languageName(code)}`));
}

/** A compiled message, and the names of the arguments it takes. */
interface Compiled {
  format: IntlMessageFormat | null;
  /** Arguments read by plural, select, number or date elements: given as they are. */
  args: string[];
  /** Plain `{name}` arguments outside code spans: numbers written in the reader's locale. */
  plain: string[];
  /** Plain `{name}` arguments inside `code` spans: written as typed (a command must still parse). */
  verbatim: string[];
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

/** How each argument is read, beyond being shown: `count:plural`, `source:select`, `at:date`. */
function argumentKinds(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.plural) into.add(`${el.value}:${el.pluralType === "ordinal" ? "selectordinal" : "plural"}`);
    else if (el.type === TYPE.select) into.add(`${el.value}:select`);
    else if (el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) into.add(`${el.value}:${TYPE[el.type]}`);
    if ("options" in el) for (const option of Object.values(el.options)) argumentKinds(option.value, into);
  }
  return into;
}

/**
 * The argument names a message takes (sorted, each once) and how it reads them (plural, select,
 * number, date), or the parse error: prompt loading checks that a translation takes exactly the
 * English arguments, read the same way, however it words its branches. (A translation that made
 * the threshold a select with one empty branch would silently drop it from a promise.)
 */
export function messageArguments(text: string): { args: string[]; kinds: string[] } | { error: string } {
  try {
    const ast = parse(text, { ignoreTag: true });
    return { args: [...argumentNames(ast)].sort(), kinds: [...argumentKinds(ast)].sort() };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

const PLAIN = "\u0001plain";
const VERBATIM = "\u0001verbatim";

/**
 * Renames each plain `{name}` argument to a formatted twin (`name` + marker), so the same name
 * can still drive a plural while its plain uses show the locale's digits; one inside a code span
 * (odd number of backticks before it) keeps the digits people type.
 */
function splitPlainArguments(elements: MessageFormatElement[], inCode: boolean, out: { plain: Set<string>; verbatim: Set<string> }): boolean {
  let code = inCode;
  for (const el of elements) {
    if (el.type === TYPE.literal) {
      if ((el.value.split("`").length - 1) % 2 === 1) code = !code;
    } else if (el.type === TYPE.argument) {
      (code ? out.verbatim : out.plain).add(el.value);
      el.value += code ? VERBATIM : PLAIN;
    } else if ("options" in el) {
      for (const option of Object.values(el.options)) splitPlainArguments(option.value, code, out);
    }
  }
  return code;
}

/** Parses a message (ICU MessageFormat); a message that does not parse is shown as written. */
function compile(template: string, locale: string): Compiled {
  try {
    const ast = parse(template, { ignoreTag: true });
    const split = { plain: new Set<string>(), verbatim: new Set<string>() };
    splitPlainArguments(ast, false, split);
    return {
      format: new IntlMessageFormat(ast, locale, undefined, { ignoreTag: true }),
      args: [...argumentNames(ast)].filter((n) => !n.includes("\u0001")),
      plain: [...split.plain],
      verbatim: [...split.verbatim],
    };
  } catch {
    return { format: null, args: [], plain: [], verbatim: [] };
  }
}

/** Number formats per locale, made once: grouping only from five digits, so a year reads 2026. */
const numberFormats = new Map<string, Intl.NumberFormat>();
function plainNumber(locale: string, value: number): string {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { useGrouping: "min2" as unknown as boolean, maximumFractionDigits: 1 });
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

function interpolate(compiled: Compiled, template: string, locale: string, params: MessageParams = {}): string {
  if (!compiled.format) return template;
  const values: Record<string, string | number> = {};
  const shown = (value: string | number | Markup, formatNumber: boolean): string | number =>
    isMarkup(value) ? value.markup : typeof value === "number" ? (formatNumber ? plainNumber(locale, value) : String(value)) : userText(value);
  // A parameter the caller did not give stays visible as written, never an exception.
  const given = (name: string) => (name in params ? params[name]! : null);
  // Plural, select, number and date arguments choose or format; they are never shown as text
  // themselves, so a select receives the word as the caller gave it.
  for (const name of compiled.args) {
    const value = given(name);
    values[name] = value === null ? `{${name}}` : isMarkup(value) ? value.markup : value;
  }
  for (const name of compiled.plain) {
    const value = given(name);
    values[name + PLAIN] = value === null ? `{${name}}` : shown(value, true);
  }
  for (const name of compiled.verbatim) {
    const value = given(name);
    values[name + VERBATIM] = value === null ? `{${name}}` : shown(value, false);
  }
  return String(compiled.format.format(values));
}

export function createI18n(messages: Record<string, Record<string, string>>): I18n {
  const english = messages.en ?? {};
  const compiled = new Map<string, Compiled>();
  const byLower = new Map(Object.keys(messages).map((l) => [l.toLowerCase(), l]));
  const resolve = (preference: string | null | undefined): string | null => {
    if (!preference) return null;
    const tag = preference.replace(/_/g, "-").toLowerCase();
    return byLower.get(tag) ?? byLower.get(tag.split("-")[0]!) ?? null;
  };
  const lookup = (locale: string, key: string, params?: MessageParams) => {
    const own = messages[locale]?.[key];
    const template = own ?? english[key];
    if (template === undefined) return key;
    // Plural rules follow the language the text is written in; digits follow the reader's.
    const language = own !== undefined ? locale : "en";
    const id = `${language}\u0000${key}`;
    let c = compiled.get(id);
    if (!c) {
      c = compile(template, language);
      compiled.set(id, c);
    }
    return interpolate(c, template, locale, params);
  };
  const lists = new Map<string, Intl.ListFormat>();
  return {
    locales: () => Object.keys(messages).sort(),
    has: (locale) => locale in messages,
    resolve,
    forLocale: (...preferences) => {
      const locale = preferences.map(resolve).find((p): p is string => p !== null) ?? "en";
      // Plain English reads as British English (no serial comma), as the messages are written.
      const intl = locale === "en" ? "en-GB" : locale;
      const t = ((key: MessageKey, params?: MessageParams) => lookup(locale, key, params)) as Translator;
      t.locale = locale;
      t.number = (value, options) => (options ? new Intl.NumberFormat(intl, options).format(value) : plainNumber(intl, value));
      t.list = (items, type = "conjunction") => {
        const id = `${locale}\u0000${type}`;
        let format = lists.get(id);
        if (!format) {
          format = new Intl.ListFormat(intl, { type });
          lists.set(id, format);
        }
        return format.format(items);
      };
      return t;
    },
    dynamic: lookup,
  };
}
