/**
 * Every shipped message is ICU MessageFormat that parses, in every locale, and a translation takes
 * exactly the arguments the English message takes (a translation that drops or renames one would
 * show `{name}` to people, or lose a number).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/core/i18n.ts";

const dir = "prompts/messages";
const locales = Object.fromEntries(
  readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => [f.replace(/\.json$/, ""), JSON.parse(readFileSync(join(dir, f), "utf8")) as Record<string, string>]),
);

function args(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if ("value" in el && typeof el.value === "string" && el.type !== TYPE.literal) into.add(el.value);
    if ("options" in el) for (const o of Object.values(el.options)) args(o.value, into);
  }
  return into;
}

describe("messages", () => {
  it("parse as ICU MessageFormat in every locale, with the English arguments", () => {
    const problems: string[] = [];
    for (const [locale, messages] of Object.entries(locales)) {
      for (const [key, text] of Object.entries(messages)) {
        let names: Set<string>;
        try {
          names = args(parse(text, { ignoreTag: true }));
        } catch (error) {
          problems.push(`${locale} ${key}: ${(error as Error).message}`);
          continue;
        }
        if (locale === "en") continue;
        const english = [...args(parse(locales.en![key]!, { ignoreTag: true }))].sort();
        if (JSON.stringify([...names].sort()) !== JSON.stringify(english))
          problems.push(`${locale} ${key}: arguments ${[...names].sort().join(",")} instead of ${english.join(",")}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("use each language's plural rules", () => {
    const i18n = createI18n({
      en: { "x.n": "{count, plural, one {# note is} other {# notes are}} hidden" },
      fr: { "x.n": "{count, plural, one {# note est masquée} other {# notes sont masquées}}" },
    });
    expect(i18n.forLocale("en")("x.n" as never, { count: 1 })).toBe("1 note is hidden");
    expect(i18n.forLocale("en")("x.n" as never, { count: 3 })).toBe("3 notes are hidden");
    // French counts zero as singular.
    expect(i18n.forLocale("fr")("x.n" as never, { count: 0 })).toBe("0 note est masquée");
  });

  it("show a parameter the caller did not give as written, and user text inert", () => {
    const i18n = createI18n({ en: { "x.a": "Hello {name}, round {ref}" } });
    expect(i18n.forLocale("en")("x.a" as never, { name: "Sita" })).toContain("round {ref}");
  });
});
