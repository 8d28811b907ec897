import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { asPersona, type, usePlayground } from "./browser.ts";

describe("playground in a real browser", () => {
  const playground = usePlayground();
  let page: Page;
  beforeAll(() => {
    page = playground.page();
  });

  it("opens ready to try: the coordinator selected, #partners open, and the first three steps shown", async () => {
    // The first test runs on a fresh page: nothing remembered yet.
    await expect(page.locator("#persona").inputValue()).resolves.toBe("carlos");
    await expect(page.locator('button[data-conversation="partners"].active').count()).resolves.toBe(1);
    await expect(page.locator("#conversation-title").textContent()).resolves.toContain("#partners");
    const steps = page.locator(".first-steps li");
    await expect(steps.count()).resolves.toBe(3);
    await expect(steps.first().textContent()).resolves.toContain("/reflect pulse start");
    await page.screenshot({ path: "/tmp/playground-first.png" });
  });

  it("a coordinator runs /reflect help and sees the command list", async () => {
    await asPersona(page, "carlos", "partners");
    await type(page, "/reflect help");
    const card = page.locator(".message.from-bot", { hasText: "Partnership reflection: commands" });
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain("/reflect pulse start");
    await expect(card.textContent()).resolves.toContain("/reflect rubric start");
    await expect(card.locator(".only-you").count()).resolves.toBe(1);
  });

  it("a partner running a coordinator-only command is told which role it needs", async () => {
    await asPersona(page, "priya", "partners");
    await type(page, "/reflect pulse start partner-pulse to #partners");
    const card = page.locator(".message.from-bot", { hasText: "needs the admin or coordinator role" });
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain("yours is partner");
  });

  it("a malformed command gets an example of the right form", async () => {
    await asPersona(page, "carlos", "partners");
    await type(page, "/reflect review add Shanti annual-review");
    const card = page.locator(".message.from-bot", { hasText: "Give a date" });
    await card.waitFor();
    await expect(card.textContent()).resolves.toMatch(/Example: \/reflect review add "Shanti Network" annual-review 2027-03-01 every 12m/);
  });

  it("a persona's private reply is not shown to another persona in the same channel", async () => {
    await asPersona(page, "tomas", "partners");
    await page.waitForTimeout(800);
    await expect(page.locator(".message.from-bot", { hasText: "Partnership reflection: commands" }).count()).resolves.toBe(0);
  });
});
