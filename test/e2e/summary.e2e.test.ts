import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { asPersona, type, usePlayground } from "./browser.ts";

/** Issue "Weekly summaries": after a closed pulse and a closed rubric round, the preview shows every section and the chart. */
describe("summary preview in the playground", () => {
  const playground = usePlayground({ viewport: { width: 1280, height: 1600 } });
  let page: Page;
  beforeAll(() => {
    page = playground.page();
  });

  async function answer(persona: string, invitationText: string, button: string, submit: string, choice: (i: number) => string) {
    await asPersona(page, persona, `dm:${persona}`);
    await page.locator(".message.from-bot", { hasText: invitationText }).last().locator("button", { hasText: button }).click();
    const form = page.locator("form.card", { hasText: submit }).last();
    await form.waitFor();
    const groups = form.locator("fieldset.card-choices");
    const n = await groups.count();
    for (let i = 0; i < n; i++)
      await groups
        .nth(i)
        .locator(`input[value="${choice(i)}"]`)
        .check();
    await form.locator("button", { hasText: submit }).click();
    await page.locator(".message.from-bot", { hasText: "Thank you: your answers are in" }).last().waitFor();
  }

  it("shows rounds, results, rubric, actions, reviews and the chart", async () => {
    const partners = ["priya", "tomas", "sita", "wanjiru", "kofi"];
    await asPersona(page, "carlos", "partners");
    await type(page, '/reflect partner add "Shanti Network" end in 25 days');
    await page.locator(".message.from-bot", { hasText: "Added Shanti Network" }).waitFor();
    await type(page, '/reflect action add "Call finance about transfer delays" due in 2 days for Shanti');
    await page.locator(".message.from-bot", { hasText: "Call finance about transfer delays" }).waitFor();

    await type(page, "/reflect pulse start partner-pulse");
    await page.locator(".message.from-bot", { hasText: "Invited 8 people privately" }).waitFor();
    for (const [p, persona] of partners.entries()) await answer(persona, "Partner pulse: a short anonymous pulse", "Answer now", "Submit answers", () => String(2 + (p % 3)));
    playground.clock().advance(49 * 3_600_000);
    await asPersona(page, "carlos", "partners");
    await type(page, "/reflect pulse close");
    await page.locator(".message.from-bot:not(.private)", { hasText: "Pulse results" }).waitFor();

    await type(page, '/reflect rubric start for "Shanti Network"');
    await page.locator(".message.from-bot", { hasText: "Check-in for Shanti Network started" }).waitFor();
    for (const [p, persona] of partners.entries())
      await answer(persona, "Partnership check-in: Shanti Network", "Rate now", "Submit ratings", (i) => (i === 0 ? ["well-functioning", "needs-help"][p % 2]! : "emerging"));
    playground.clock().advance(49 * 3_600_000);
    await asPersona(page, "carlos", "partners");
    await type(page, '/reflect rubric close "Shanti Network"');
    await page.locator(".message.from-bot:not(.private)", { hasText: "Check-in results" }).waitFor();

    await asPersona(page, "lena", "leads");
    await type(page, "/reflect summary preview");
    const summary = page.locator(".message.from-bot", { hasText: "Partnership reflection: the week" });
    await summary.waitFor();
    const text = (await summary.textContent()) ?? "";
    for (const section of ["Rounds", "Pulse results", "Rubric check-ins", "Actions due this week or overdue", "Reviews and renewals in the next 30 days"])
      expect(text).toContain(section);
    expect(text).toContain("Equitable");
    expect(text).toContain("views diverge on: Communications");
    expect(text).toContain("Call finance about transfer delays");
    expect(text).toContain("Agreement renewal: Shanti Network");
    const chart = summary.locator("img.card-image");
    await expect(chart.count()).resolves.toBe(1);
    await expect(chart.evaluate((img: { naturalWidth: number }) => img.naturalWidth)).resolves.toBeGreaterThan(500);
    await summary.screenshot({ path: "/tmp/summary-preview.png" });
  });
});
