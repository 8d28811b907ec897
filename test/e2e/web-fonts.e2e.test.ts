/**
 * Nepali, Bangla, Arabic and Urdu are drawn with the Noto fonts the bot serves itself, on a
 * browser that has no font of its own for those scripts (Debian's chromium without font packages
 * draws Devanagari as empty boxes). Chromium is asked which fonts drew the text. An English page
 * downloads no font at all.
 */
import { mkdirSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { fontsDrawing, launchBrowser, usePlayground } from "./browser.ts";
import { translator } from "./locales.ts";

const LOOK = "/tmp/e2e-look";
const SCRIPT_FONT: Record<string, string> = {
  ne: "Noto Sans Devanagari",
  bn: "Noto Sans Bengali",
  ar: "Noto Naskh Arabic",
  ur: "Noto Nastaliq Urdu",
};

describe("fonts for every shipped script", () => {
  const playground = usePlayground();
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    base = new URL(playground.page().url()).origin;
    return () => browser.close();
  });

  // The answer page's "link not valid" notice follows the browser's language: a page with no
  // token to guess, in each language, through the page's own Content-Security-Policy.
  const unknownLink = () => `${base}/answer/${"A".repeat(22)}`;

  for (const [locale, family] of Object.entries(SCRIPT_FONT)) {
    it(`draws ${locale} on the answer page with ${family}, and fetches no other script's font`, async () => {
      const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "accept-language": locale } });
      try {
        const page = await context.newPage();
        const blocked: string[] = [];
        const fetched: string[] = [];
        page.on("console", (m) => {
          if (/Content Security Policy/i.test(m.text())) blocked.push(m.text());
        });
        page.on("response", (r) => {
          if (r.url().includes("/fonts/")) fetched.push(`${r.status()} ${new URL(r.url()).pathname}`);
        });
        // The page a link opens, and the one a level deeper that stops reminders.
        for (const path of ["", "/stop"]) {
          await page.goto(`${unknownLink()}${path}`);
          await expect(page.locator("html").getAttribute("lang")).resolves.toBe(locale);
          const heading = page.locator("h1");
          await expect(heading.textContent()).resolves.toBe(translator(playground.app(), locale)("answer.unknown_title"));
          for (const target of [heading, page.locator("main p").first()]) {
            const fonts = await fontsDrawing(target);
            const drawn = Object.values(fonts).reduce((a, b) => a + b, 0);
            // The script's font draws the words; spaces and punctuation may come from the system font.
            expect(fonts[family] ?? 0, `${path} ${JSON.stringify(fonts)}`).toBeGreaterThanOrEqual(drawn * 0.7);
          }
        }
        expect(blocked).toEqual([]);
        // Only this script's font, from the site's /fonts/ (Bangla's full stop is in the
        // Devanagari block: it must not fetch that font).
        expect(fetched.length).toBeGreaterThan(0);
        for (const f of fetched) expect(f).toMatch(new RegExp(`^(200|304) /fonts/${family.replace(/ /g, "")}_\\d+\\w+\\.ttf$`));
        mkdirSync(LOOK, { recursive: true });
        await page.screenshot({ path: `${LOOK}/notice-${locale}.png` });
      } finally {
        await context.close();
      }
    });
  }

  it("loads no font for a page in English", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "accept-language": "en" } });
    try {
      const page = await context.newPage();
      const fontRequests: string[] = [];
      page.on("request", (r) => {
        if (r.url().includes("/fonts/")) fontRequests.push(r.url());
      });
      await page.goto(unknownLink());
      await page.evaluate(async () => {
        await (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document.fonts.ready;
      });
      await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");
      expect(fontRequests).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
