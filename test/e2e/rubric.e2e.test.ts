import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { asPersona, type, usePlayground } from "./browser.ts";

const levels = ["well-functioning", "emerging", "needs-help"];

/** Issue "Rubric check-ins": an individual check-in with five partner personas, twice, in a real browser. */
describe("a rubric check-in in the playground", () => {
  const playground = usePlayground();
  let page: Page;
  beforeAll(() => {
    page = playground.page();
  });

  async function rateAs(persona: string, pick: (element: number) => string) {
    await asPersona(page, persona, `dm:${persona}`);
    const invitation = page.locator(".message.from-bot", { hasText: "Partnership check-in: Shanti Network" }).last();
    await invitation.locator("button", { hasText: "Rate now" }).click();
    const form = page.locator("form.card", { hasText: "Submit ratings" }).last();
    await form.waitFor();
    const groups = form.locator("fieldset.card-choices");
    expect(await groups.count()).toBe(7);
    // Descriptors are shown whole, above each element's choices.
    await expect(form.textContent()).resolves.toContain("Well-functioning: Partners have a clear picture of how the programme is progressing");
    for (let i = 0; i < 7; i++)
      await groups
        .nth(i)
        .locator(`input[value="${pick(i)}"]`)
        .check();
    await form.locator("button", { hasText: "Submit ratings" }).click();
    await page.locator(".message.from-bot", { hasText: "Your ratings were recorded anonymously" }).last().waitFor();
  }

  async function round(start: string, pick: (persona: number, element: number) => string) {
    await asPersona(page, "carlos", "partners");
    await type(page, start);
    await page.locator(".message.from-bot", { hasText: "Invited 8 people privately" }).last().waitFor();
    const personas = ["priya", "tomas", "sita", "wanjiru", "kofi"];
    for (const [p, persona] of personas.entries()) await rateAs(persona, (e) => pick(p, e));
    playground.clock().advance(49 * 3_600_000);
    await asPersona(page, "carlos", "partners");
    await type(page, '/reflect rubric close "Shanti Network"');
  }

  it("shows distributions, consensus, divergence and the trend against the earlier round", async () => {
    await asPersona(page, "carlos", "partners");
    await type(page, '/reflect partner add "Shanti Network" country Nepal');
    await page.locator(".message.from-bot", { hasText: "Added Shanti Network" }).waitFor();

    // Round 1: everyone says "emerging".
    await round('/reflect rubric start clarissa for "Shanti Network" mode individual', () => "emerging");
    await page.locator(".message.from-bot:not(.private)", { hasText: "Check-in results: Shanti Network" }).first().waitFor();

    // Round 2, inside the cadence (confirmed): communications improves; team identity splits.
    await round('/reflect rubric start for "Shanti Network" confirm', (p, e) => (e === 0 ? "well-functioning" : e === 1 ? levels[p % 3]! : "emerging"));
    const results = page.locator(".message.from-bot:not(.private)", { hasText: "Check-in results: Shanti Network" }).nth(1);
    await results.waitFor();
    const text = (await results.textContent()) ?? "";
    expect(text).toContain("5 of 8 answered");
    expect(text).toContain("Communications: Well-functioning (100% agree) ↑ (was Emerging)");
    expect(text).toContain("Well-functioning 5 · Emerging 0 · Needs help 0");
    expect(text).toMatch(/Team identity: Emerging \(\d+% agree\)/);
    expect(text).toContain("Views diverge here");
    expect(text).toContain("Openness, honesty and mutual trust: Emerging (100% agree) →");
  });
});
