/**
 * A partner with no account follows the link in the email they received, answers on the bot's
 * page in chromium, and sees the thank-you; the page passes axe-core, weighs under 30 KB, works
 * without JavaScript, and a second use of the link is refused.
 */
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { createHarness, type Harness } from "../fakes/harness.ts";
import { startSmtp, type LocalSmtp } from "../fakes/smtp.ts";
import { launchBrowser } from "./browser.ts";

const require = createRequire(import.meta.url);
let h: Harness;
let smtp: LocalSmtp;
let browser: Browser;
let base: string;

beforeAll(async () => {
  smtp = await startSmtp();
  h = await createHarness({ admins: ["amina"], env: { SMTP_URL: smtp.url, MAIL_FROM: "reflect@example.org", PUBLIC_URL: "http://reflect.test", PORT: "0" } });
  base = `http://127.0.0.1:${await h.app.http.listen(0, "127.0.0.1")}`;
  await h.command("amina", "role <@carlos> coordinator");
  h.fake.rosters.set(
    "C-PARTNERS",
    ["p1", "p2", "p3", "p4", "p5", "p6"].map((userId) => ({ userId, reachable: true })),
  );
  await h.command("carlos", 'partner add "Shanti Network"');
  await h.command("carlos", 'partner emails "Shanti Network" add email:sita@shanti.org.np,ram@shanti.org.np,gita@shanti.org.np,hari@shanti.org.np');
  await h.command("carlos", 'rubric start clarissa for "Shanti Network" to <#C-PARTNERS> contacts', { conversation: "C-PARTNERS" });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await h?.stop();
  await smtp?.close();
});

const linkIn = (address: string) => {
  const mail = smtp.mails.find((m) => m.to.includes(address))!;
  return `${base}${/http:\/\/reflect\.test(\/answer\/[A-Za-z0-9_-]{22})/.exec(mail.text)![1]}`;
};

describe("the answer page for people invited by email", () => {
  it("takes a rubric check-in without JavaScript, passes axe-core, and refuses a second use", async () => {
    const link = linkIn("sita@shanti.org.np");
    // No script at all, and CSP bypassed only so axe can be injected for the audit.
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    const response = await page.goto(link);
    expect(response!.status()).toBe(200);
    expect((await response!.body()).byteLength).toBeLessThan(30_000);
    await expect(page.locator("h1").first().textContent()).resolves.toContain("Shanti Network");
    // The descriptors are on the page, whole.
    await expect(page.locator("main").textContent()).resolves.toContain("Partners have a clear picture of how the programme is progressing");
    for (const element of ["communications", "team-identity", "openness-trust"]) await page.locator(`input[name="e:${element}"][value="emerging"]`).check();
    await page.locator("textarea").first().fill("We would like to hear about budget changes earlier.");
    await page.screenshot({ path: "/tmp/answer-page.png", fullPage: false });
    await Promise.all([page.waitForLoadState(), page.locator("button[type=submit]").click()]);
    await expect(page.locator("main").textContent()).resolves.toContain("recorded anonymously");
    // Only the bot's own page was ever requested.
    expect(requests.every((u) => u.startsWith(base))).toBe(true);
    const again = await page.goto(link);
    expect(again!.status()).toBe(410);
    await expect(page.locator("main").textContent()).resolves.toContain("You have already answered");
    await context.close();
  });

  it("has no accessibility violations (axe-core, WCAG 2.2 AA)", async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    for (const url of [linkIn("ram@shanti.org.np"), `${linkIn("ram@shanti.org.np")}/stop`, `${base}/answer/AAAAAAAAAAAAAAAAAAAAAA`]) {
      await page.goto(url);
      await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
      const result = await page.evaluate(async () => {
        const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
        return axe.run((globalThis as unknown as { document: unknown }).document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } });
      });
      expect(
        result.violations.map((v) => v.id),
        url,
      ).toEqual([]);
    }
    await context.close();
  });
});
