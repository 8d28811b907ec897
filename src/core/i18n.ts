/**
 * User-facing text from prompts/messages/<locale>.json with `{name}` placeholders. A person's own
 * language wins, then the workspace language, then English; a key missing in a locale falls back
 * to English, so a partial translation is still usable.
 */

/** Keys of the shipped English messages: a typo in a key is a compile error. */
export type MessageKey = keyof typeof import("../../prompts/messages/en.json");
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export interface I18n {
  locales(): string[];
  has(locale: string): boolean;
  /** A translator for the first available locale in the preference list. */
  forLocale(...preferences: (string | null | undefined)[]): Translate & { locale: string };
  /** Translates a key that is only known at run time (parse errors); unknown keys return the key. */
  dynamic(locale: string, key: string, params?: MessageParams): string;
}

export function interpolate(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
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
