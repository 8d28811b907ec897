import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { asPersona, type, usePlayground } from "./browser.ts";

/** Issue "Anonymous pulse surveys": the playground flow, in a real browser. */
describe("a pulse in the playground", () => {
  const playground = usePlayground();
  let page: Page;
  beforeAll(() => {
    page = playground.page();
  });

  async function answerAs(persona: string, choice: string, comment?: string) {
    await asPersona(page, persona, `dm:${persona}`);
    const invitation = page.locator(".message.from-bot", { hasText: "Partner pulse: a short anonymous pulse" }).last();
    await invitation.locator("button", { hasText: "Answer now" }).click();
    const form = page.locator("form.card", { hasText: "Submit answers" }).last();
    await form.waitFor();
    const groups = form.locator("fieldset.card-choices");
    const n = await groups.count();
    expect(n).toBe(18);
    for (let i = 0; i < n; i++)
      await groups
        .nth(i)
        .locator(`input[value="${i === 2 ? "skip" : choice}"]`)
        .check();
    if (comment) await form.locator("textarea").fill(comment);
    await form.locator("button", { hasText: "Submit answers" }).click();
    await page.locator(".message.from-bot", { hasText: "Thank you: your answers are in" }).waitFor();
  }

  it("shows no count while open, refuses an early close, and shows results with comments in the channel once closed at 5", async () => {
    await asPersona(page, "carlos", "partners");
    await type(page, "/reflect pulse start partner-pulse closes in 7d");
    await page.locator(".message.from-bot", { hasText: "Invited 8 people privately" }).waitFor();

    await answerAs("priya", "4", "Please bring us into project design earlier");
    await answerAs("tomas", "5");
    await answerAs("sita", "3");
    await answerAs("wanjiru", "4", "Transfers take too long");

    await asPersona(page, "carlos", "partners");
    await type(page, "/reflect pulse results");
    // While the round is open there is no figure and no live count.
    const hidden = page.locator(".message.from-bot", { hasText: "Results appear when the round closes" });
    await hidden.waitFor();
    await expect(hidden.textContent()).resolves.not.toMatch(/\d of 8/);
    await type(page, "/reflect pulse close");
    await page.locator(".message.from-bot", { hasText: "cannot be closed before" }).waitFor();

    await answerAs("kofi", "2");
    playground.clock().advance(49 * 3_600_000);
    await asPersona(page, "carlos", "partners");
    await type(page, "/reflect pulse close");
    const results = page.locator(".message.from-bot:not(.private)", { hasText: "Pulse results: Partner pulse" });
    await results.waitFor();
    const text = (await results.textContent()) ?? "";
    expect(text).toContain("5 of 8 answered (63%)");
    expect(text).toContain("Equitable");
    expect(text).toContain("3.6");
    expect(text).toContain("Please bring us into project design earlier");
    expect(text).toContain("Transfers take too long");
    // The chart sits under the results' summary, with alt text, and really loads.
    const chart = results.locator("img.card-image");
    await expect(chart.getAttribute("alt")).resolves.toContain("the share of answers from strongly disagree");
    await expect(chart.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).resolves.toBeGreaterThan(100);
    await chart.scrollIntoViewIfNeeded();
    await page.screenshot({ path: "/tmp/pulse-chart.png" });

    // Everyone in the channel sees the results, including a partner.
    await asPersona(page, "amani", "partners");
    await page.locator(".message.from-bot:not(.private)", { hasText: "Pulse results: Partner pulse" }).waitFor();
  });
});
