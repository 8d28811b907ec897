/** Debian's chromium driven by playwright-core, plus an in-process bot with the playground. */
import { afterAll, beforeAll } from "vitest";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { createApp, type App } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { createMemoryLogger } from "../../src/core/logger.ts";
import { createOffsetClock, type FixedClock } from "../../src/core/clock.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchBrowser(): Promise<Browser> {
  try {
    return await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
  } catch (error) {
    throw new Error(`Browser tests need chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH): ${(error as Error).message}`);
  }
}

async function startPlayground(): Promise<{ app: App; url: string; clock: FixedClock }> {
  const config = loadConfig({ PORT: "0", DATA_DIR: "memory://", PLAYGROUND: "true" });
  config.dataDir = "memory://";
  // Real time that tests can move forward (a round stays open at least 48 hours).
  const clock = createOffsetClock();
  const app = await createApp(config, { logger: createMemoryLogger(), scheduler: false, outboxPollMs: 50, clock });
  const port = await app.start();
  return { app, url: `http://127.0.0.1:${port}/`, clock };
}

/** Acts as a persona: picks them, opens a conversation, types into the command box. */
export async function asPersona(page: Page, persona: string, conversation: string): Promise<void> {
  await page.selectOption("#persona", persona);
  await page.locator(`button[data-conversation="${conversation}"]`).click();
  await page.locator(`button[data-conversation="${conversation}"].active`).waitFor();
}

export async function type(page: Page, text: string): Promise<void> {
  await page.fill("#command", text);
  await page.press("#command", "Enter");
}

/**
 * One playground and one browser page for a describe block. Returns getters, because the values
 * exist only once beforeAll has run.
 */
export function usePlayground(options: { viewport?: { width: number; height: number } } = {}): { app: () => App; page: () => Page; clock: () => FixedClock } {
  let browser: Browser | undefined;
  let app: App | undefined;
  let clock: FixedClock | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    const started = await startPlayground();
    app = started.app;
    clock = started.clock;
    browser = await launchBrowser();
    page = await browser.newPage(options.viewport ? { viewport: options.viewport } : {});
    await page.goto(started.url);
    await page.waitForSelector("#persona option", { state: "attached" });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  return { app: () => app!, page: () => page!, clock: () => clock! };
}

/**
 * The fonts Chromium drew an element's own text with (its child text nodes), and how many glyphs
 * each drew: the DevTools protocol's `CSS.getPlatformFontsForNode`.
 * Waits for web fonts to load first. A script with no font shows here as the system's fallback.
 */
export async function fontsDrawing(target: Locator): Promise<Record<string, number>> {
  const page = target.page();
  const selector = "[data-fonts-probe]";
  await target.evaluate((el) => el.setAttribute("data-fonts-probe", ""));
  await page.evaluate(async () => {
    await (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document.fonts.ready;
  });
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    const { root } = await cdp.send("DOM.getDocument", { depth: -1 });
    const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector });
    if (!nodeId) throw new Error(`no element matches ${selector}`);
    const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
    // A font the page served (a web font) by its name; one the system had, marked as such, so a
    // machine with Noto installed cannot pass for one where the bot's fonts were used.
    return Object.fromEntries(fonts.map((f) => [f.isCustomFont ? f.familyName : `${f.familyName} (system)`, f.glyphCount]));
  } finally {
    await cdp.detach();
    await target.evaluate((el) => el.removeAttribute("data-fonts-probe"));
  }
}
