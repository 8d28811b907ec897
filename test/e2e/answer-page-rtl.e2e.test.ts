/**
 * Issue "Every partner in their own language": a partner invited by email in Arabic answers a
 * pulse and a check-in on the no-script answer page, which reads right to left: the page says
 * lang="ar" dir="rtl", each radio sits on the right before its label, the questions are
 * right-aligned, and what the partner types decides its own direction.
 */
import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createHarness, type Harness } from "../fakes/harness.ts";
import { startSmtp, type LocalSmtp } from "../fakes/smtp.ts";
import { launchBrowser } from "./browser.ts";
import { ARG, fragments, messagesOf, pick, pulseTemplate, rubric, translator } from "./locales.ts";

const LOOK = "/tmp/e2e-look";
const LAYLA = "layla@tuungane.example.org";
let h: Harness;
let smtp: LocalSmtp;
let browser: Browser;
let base: string;
const links: { pulse?: string; rubric?: string } = {};

/** The link in Layla's latest mail (mail in Arabic goes out base64-encoded, which the fake server leaves as it is). */
const latestLink = () => {
  const mail = smtp.mails.filter((m) => m.to.includes(LAYLA)).at(-1)!;
  const decoded = [...mail.raw.matchAll(/\r?\n\r?\n([A-Za-z0-9+/=\r\n]{40,})/g)].map((m) => Buffer.from(m[1]!, "base64").toString("utf8"));
  return `${base}${/http:\/\/reflect\.test(\/answer\/[A-Za-z0-9_-]{22})/.exec([mail.text, ...decoded].join("\n"))![1]}`;
};

beforeAll(async () => {
  mkdirSync(LOOK, { recursive: true });
  smtp = await startSmtp();
  h = await createHarness({ admins: ["amina"], env: { SMTP_URL: smtp.url, MAIL_FROM: "reflect@example.org", PUBLIC_URL: "http://reflect.test", PORT: "0" } });
  base = `http://127.0.0.1:${await h.app.http.listen(0, "127.0.0.1")}`;
  await h.command("amina", "role <@carlos> coordinator");
  h.fake.rosters.set(
    "C-PARTNERS",
    ["p1", "p2", "p3", "p4", "p5", "p6"].map((userId) => ({ userId, reachable: true })),
  );
  await h.command("carlos", 'partner add "Shanti Network"');
  // A round by name needs at least twice the threshold: six in the channel and four by email.
  await h.command("carlos", `partner emails "Shanti Network" add email:${LAYLA},rania@tuungane.example.org,omar@tuungane.example.org,huda@tuungane.example.org language ar`);
  await h.command("carlos", 'pulse start partner-pulse for "Shanti Network" to <#C-PARTNERS> contacts', { conversation: "C-PARTNERS" });
  links.pulse = latestLink();
  await h.command("carlos", 'rubric start clarissa for "Shanti Network" to <#C-PARTNERS> contacts confirm', { conversation: "C-PARTNERS" });
  links.rubric = latestLink();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await h?.stop();
  await smtp?.close();
});

function say(key: string, params: Record<string, string | number> = {}): string {
  expect(messagesOf("ar")[key], `${key} in prompts/messages/ar.json`).toBeTypeOf("string");
  return translator(h.app, "ar")(key, params);
}

/** Right to left, laid out as an Arabic reader expects. */
async function expectRightToLeft(page: Page) {
  await expect(page.locator("html").getAttribute("lang")).resolves.toBe("ar");
  await expect(page.locator("html").getAttribute("dir")).resolves.toBe("rtl");
  await expect(
    page.locator("main").evaluate((el) => (globalThis as unknown as { getComputedStyle: (e: unknown) => { direction: string } }).getComputedStyle(el).direction),
  ).resolves.toBe("rtl");
  const main = (await page.locator("main").boundingBox())!;
  const fieldset = page.locator("fieldset").first();
  const legend = (await fieldset.locator("legend").boundingBox())!;
  const box = (await fieldset.boundingBox())!;
  // The question starts at the right of its group.
  expect(box.x + box.width - (legend.x + legend.width)).toBeLessThan(30);
  for (const label of await fieldset.locator("label").all()) {
    const radio = (await label.locator("input").boundingBox())!;
    const whole = (await label.boundingBox())!;
    // The radio first, on the right; its label runs on to the left of it.
    expect(whole.x + whole.width - (radio.x + radio.width)).toBeLessThan(12);
    expect(radio.x - whole.x).toBeGreaterThan(radio.width);
  }
  expect(main.width).toBeGreaterThan(0);
  await expect(page.locator("textarea").first().getAttribute("dir")).resolves.toBe("auto");
}

async function submit(page: Page) {
  await Promise.all([page.waitForLoadState(), page.locator("button[type=submit]").click()]);
}

describe("the answer page in Arabic", () => {
  it("takes a pulse right to left, and thanks in Arabic", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(links.pulse!);
    const scale = pulseTemplate.questions.filter((q) => q.type === "scale");
    expect((await page.locator("legend").allTextContents()).map((s) => s.trim())).toEqual(scale.map((q) => pick(q.text, "ar")));
    const labels = [...pulseTemplate.scale.labels.map((l, i) => `${i + 1} · ${pick(l, "ar")}`), pick(pulseTemplate.scale.preferNotToSay, "ar")];
    expect((await page.locator("fieldset").first().locator("label").allTextContents()).map((s) => s.trim())).toEqual(labels);
    await expect(page.locator("button[type=submit]").textContent()).resolves.toBe(say("pulse.submit"));
    await expectRightToLeft(page);
    await page.screenshot({ path: `${LOOK}/answer-pulse-ar.png` });

    for (const fieldset of await page.locator("fieldset").all()) await fieldset.locator("input").nth(3).check();
    // Typed in English inside the Arabic page: the box follows what is typed.
    const comment = page.locator("textarea").first();
    await comment.fill("Budget changes should reach us earlier.");
    await expect(comment.evaluate((el) => (globalThis as unknown as { getComputedStyle: (e: unknown) => { direction: string } }).getComputedStyle(el).direction)).resolves.toBe(
      "ltr",
    );
    await comment.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${LOOK}/answer-pulse-ar-comment.png` });
    await submit(page);
    await expect(page.locator("h1").textContent()).resolves.toBe(say("pulse.thanks_summary"));
    const thanks = (await page.locator("main").textContent()) ?? "";
    for (const part of fragments(say("pulse.thanks", { closes: ARG, threshold: ARG }))) expect(thanks).toContain(part);
    await expect(page.locator("html").getAttribute("dir")).resolves.toBe("rtl");
    await page.screenshot({ path: `${LOOK}/answer-pulse-ar-thanks.png` });
    await context.close();
  });

  it("takes a check-in right to left, descriptors and levels in Arabic", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1024, height: 900 } });
    const page = await context.newPage();
    await page.goto(links.rubric!);
    await expect(page.locator("h1").first().textContent()).resolves.toBe(say("rubric.form_title", { partnership: "Shanti Network" }));
    expect((await page.locator("legend").allTextContents()).map((s) => s.trim())).toEqual(rubric.elements.map((e) => pick(e.label, "ar")));
    const levels = [...rubric.levels.map((l) => pick(l.label, "ar")), say("rubric.dont_know")];
    expect((await page.locator("fieldset").first().locator("label").allTextContents()).map((s) => s.trim())).toEqual(levels);
    const text = (await page.locator("main").textContent()) ?? "";
    for (const level of rubric.levels) {
      const lines = (rubric.elements[0]!.descriptors[level.key] ?? []).map((d) => pick(d, "ar"));
      if (lines.length) expect(text).toContain(`${pick(level.label, "ar")}: ${lines.join(" ")}`);
    }
    await expectRightToLeft(page);
    await page.screenshot({ path: `${LOOK}/answer-rubric-ar.png` });

    for (const fieldset of await page.locator("fieldset").all()) await fieldset.locator("input").first().check();
    await submit(page);
    await expect(page.locator("h1").textContent()).resolves.toBe(say("pulse.thanks_summary"));
    const thanks = (await page.locator("main").textContent()) ?? "";
    for (const part of fragments(say("rubric.thanks", { closes: ARG }))) expect(thanks).toContain(part);
    await context.close();
  });
});
