/**
 * Every shipped locale is complete (every message, every survey and rubric text), and people read
 * numbers, dates and lists the way their language writes them.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "../../src/core/dates.ts";
import { createI18n, speakerLanguages } from "../../src/core/i18n.ts";
import { loadPrompts } from "../../src/core/prompts/load.ts";
import { createApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { createMemoryLogger } from "../../src/core/logger.ts";
import { browserLanguages } from "../../src/email/page.ts";

const prompts = loadPrompts(join(process.cwd(), "prompts"));
const shipped = Object.keys(prompts.messages).sort();

/** Every localized text ({ en: …, fr: … }) in a prompt file, with its path. */
function localizedTexts(value: unknown, path: string, out: [string, Record<string, string>][] = []): [string, Record<string, string>][] {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) localizedTexts(v, `${path}.${i}`, out);
  } else if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (Object.keys(o).length > 0 && Object.entries(o).every(([k, v]) => /^[a-z]{2,3}(-[A-Za-z0-9]+)?$/.test(k) && typeof v === "string"))
      out.push([path, o as Record<string, string>]);
    else for (const [k, v] of Object.entries(o)) localizedTexts(v, `${path}.${k}`, out);
  }
  return out;
}

describe("shipped locales are complete", () => {
  it("ships the seven languages partners in the source documents work in", () => {
    expect(shipped).toEqual(["ar", "bn", "en", "es", "fr", "ne", "ur"]);
  });

  it("every English message exists in every locale", () => {
    const english = Object.keys(prompts.messages.en!);
    const missing = shipped.flatMap((locale) => english.filter((key) => !(key in prompts.messages[locale]!)).map((key) => `${locale} ${key}`));
    expect(missing).toEqual([]);
  });

  it("every survey template and rubric text, every descriptor included, exists in every locale", () => {
    const files = ["surveys", "rubrics"].flatMap((dir) => readdirSync(join("prompts", dir)).map((f) => join("prompts", dir, f)));
    expect(files.length).toBe(4);
    const missing: string[] = [];
    let texts = 0;
    for (const file of files) {
      for (const [path, text] of localizedTexts(JSON.parse(readFileSync(file, "utf8")), file)) {
        texts++;
        for (const locale of shipped) if (!text[locale]?.trim()) missing.push(`${path} ${locale}`);
      }
    }
    expect(texts).toBeGreaterThan(140);
    expect(missing).toEqual([]);
  });

  it("a rubric's level names read the same in both rubrics, in every locale (trends follow the keys)", () => {
    const [a, b] = [prompts.rubrics.get("clarissa")!, prompts.rubrics.get("clarissa-country")!];
    expect(a.levels.map((l) => l.key)).toEqual(b.levels.map((l) => l.key));
    for (const locale of shipped) expect(a.levels.map((l) => l.label[locale])).toEqual(b.levels.map((l) => l.label[locale]));
  });
});

describe("numbers, dates and lists in the reader's language", () => {
  const i18n = createI18n({
    en: { "x.count": "{count} answered of {invited}; {count, plural, one {# person} other {# people}}. Run `/reflect pulse close {count}`", "x.year": "since {year}" },
    ne: { "x.count": "{invited} मध्ये {count} ले जवाफ दिए; {count, plural, other {# जना}}। `/reflect pulse close {count}` चलाउनुहोस्" },
  });

  it("writes numbers given as arguments in the reader's digits, but not inside a command they would type", () => {
    const t = i18n.forLocale("ne");
    expect(t("x.count" as never, { count: 12, invited: 15 })).toBe("१५ मध्ये १२ ले जवाफ दिए; १२ जना। `/reflect pulse close 12` चलाउनुहोस्");
    expect(i18n.forLocale("en")("x.count" as never, { count: 1, invited: 12500 })).toBe("1 answered of 12,500; 1 person. Run `/reflect pulse close 1`");
  });

  it("keeps a four-digit year ungrouped, and a key missing in a locale reads English with the reader's digits", () => {
    expect(i18n.forLocale("en")("x.year" as never, { year: 2026 })).toBe("since 2026");
    expect(i18n.forLocale("ne")("x.year" as never, { year: 2026 })).toBe("since २०२६");
  });

  it("formats decimals and lists per locale", () => {
    const real = createI18n(prompts.messages);
    expect(real.forLocale("fr").number(3.45, { minimumFractionDigits: 1, maximumFractionDigits: 1 })).toBe("3,5");
    expect(real.forLocale("bn").number(3.4, { minimumFractionDigits: 1, maximumFractionDigits: 1 })).toBe("৩.৪");
    expect(real.forLocale("en").list(["a", "b", "c"])).toBe("a, b and c");
    expect(real.forLocale("es").list(["a", "b", "c"])).toBe("a, b y c");
    expect(real.forLocale("fr").list(["a", "b"], "disjunction")).toBe("a ou b");
  });

  it("writes dates in each language's order, words and digits, in the reader's time zone", () => {
    const at = new Date("2026-12-06T14:05:00Z");
    expect(formatDate(at, "Asia/Kathmandu", "en")).toBe("Sun, 6 Dec 2026");
    expect(formatDate(at, "Asia/Kathmandu", "fr")).toBe("dim. 6 déc. 2026");
    expect(formatDate(at, "Asia/Kathmandu", "ne")).toBe("२०२६ डिसेम्बर ६, आइत");
    expect(formatDate(at, "Asia/Dhaka", "bn")).toBe("রবি, ৬ ডিসে, ২০২৬");
    expect(formatDateTime(at, "Asia/Kathmandu", "en")).toBe("Sun, 6 Dec 2026, 19:50 (Asia/Kathmandu)");
    expect(formatDateTime(at, "Asia/Karachi", "ur")).toContain("دسمبر");
  });

  it("takes platform tags as the language they name, and passes over an English platform setting", () => {
    const real = createI18n(prompts.messages);
    expect(real.forLocale("fr-FR").locale).toBe("fr");
    expect(real.forLocale("es-419").locale).toBe("es");
    expect(real.forLocale("NE_np").locale).toBe("ne");
    expect(real.forLocale("de-DE", "bn").locale).toBe("bn");
    expect(real.resolve("sw")).toBeNull();
    // Own choice, then the platform's, then (the caller adds) the workspace's.
    expect(speakerLanguages({ locale: "fr", platformLocale: "ne-NP" })).toEqual(["fr", "ne-NP"]);
    expect(speakerLanguages({ locale: null, platformLocale: "en-US" })).toEqual([null, null]);
    expect(real.forLocale(...speakerLanguages({ locale: null, platformLocale: "en-GB" }), "ne").locale).toBe("ne");
    expect(real.forLocale(...speakerLanguages({ locale: "en", platformLocale: "ne-NP" }), "ne").locale).toBe("en");
  });
});

describe("the answer page without an invitation", () => {
  it("reads the browser's Accept-Language, most preferred first", () => {
    expect(browserLanguages("ne-NP,ne;q=0.9,en;q=0.8")).toEqual(["ne-NP", "ne", "en"]);
    expect(browserLanguages("en;q=0.5, ar")).toEqual(["ar", "en"]);
    expect(browserLanguages("*, x-klingon;q=0, <script>")).toEqual([]);
    expect(browserLanguages(undefined)).toEqual([]);
  });

  it("says a link leads nowhere in the browser's language", async () => {
    const config = loadConfig({ PORT: "0", DATA_DIR: "memory://", PLAYGROUND: "false" });
    config.dataDir = "memory://";
    const app = await createApp(config, { logger: createMemoryLogger(), scheduler: false });
    try {
      const port = await app.start();
      const page = await fetch(`http://127.0.0.1:${port}/answer/${"A".repeat(43)}`, { headers: { "accept-language": "bn-BD,bn;q=0.9,en;q=0.5" } });
      expect(page.status).toBe(404);
      const html = await page.text();
      expect(html).toContain('lang="bn"');
      expect(html).toContain(prompts.messages.bn!["answer.unknown_title"]!);
    } finally {
      await app.stop();
    }
  });
});
