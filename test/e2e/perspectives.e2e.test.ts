import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { asPersona, type, usePlayground } from "./browser.ts";

const host = ["joseph", "maria", "ana"];
const shanti = ["priya", "tomas", "sita"];
const tuungane = ["wanjiru", "kofi", "amani"];
const everyone = [...host, ...shanti, ...tuungane];

/**
 * Issue "Two perspectives": a partnership with two partner organisations and host staff answers a
 * pulse and a check-in in the playground; the results show both sides and where the organisations
 * see it differently; the coordinator's response reaches every partner persona; a partner asks
 * for the results and sees them.
 */
describe("two perspectives in the playground", () => {
  const playground = usePlayground();
  let page: Page;
  beforeAll(() => {
    page = playground.page();
  });

  const lastBot = (text: string) => page.locator(".message.from-bot", { hasText: text }).last();

  /** Opens the persona's latest invitation and picks `value` in every choice group. */
  async function answerAs(persona: string, invitation: string, button: string, submit: string, value: (group: number) => string) {
    await asPersona(page, persona, `dm:${persona}`);
    await lastBot(invitation).locator("button", { hasText: button }).click();
    const form = page.locator("form.card", { hasText: submit }).last();
    await form.waitFor();
    const groups = form.locator("fieldset.card-choices");
    const n = await groups.count();
    for (let i = 0; i < n; i++)
      await groups
        .nth(i)
        .locator(`input[value="${value(i)}"]`)
        .check();
    await form.locator("button", { hasText: submit }).click();
  }

  it("shows the host's and the partners' answers side by side, each organisation's view, and sends the response to every partner", async () => {
    // Small organisations in the playground: a threshold of 3 lets each side be shown.
    await asPersona(page, "amina", "leads");
    await type(page, "/reflect settings threshold 3");
    await lastBot("threshold").waitFor();
    await asPersona(page, "carlos", "joint");
    await type(page, '/reflect partner add "Shanti Network"');
    await lastBot("Added Shanti Network").waitFor();
    for (const [org, side] of [
      ["Horizon International", " host"],
      ["Shanti Network", ""],
      ["Tuungane Alliance", ""],
    ] as const) {
      await type(page, `/reflect partner orgs "Shanti Network" add "${org}"${side}`);
      await lastBot(`Organisations in Shanti Network`).waitFor();
    }

    // A pulse for the partnership: host staff answer 2, partners 4.
    await type(page, '/reflect pulse start for "Shanti Network"');
    await lastBot("Invited 9 people privately").waitFor();
    for (const p of everyone) {
      await answerAs(p, "a short anonymous pulse", "Answer now", "Submit answers", () => (host.includes(p) ? "2" : "4"));
      await lastBot("Thank you: your answers are in").waitFor();
    }
    playground.clock().advance(49 * 3_600_000);
    await asPersona(page, "carlos", "joint");
    await type(page, "/reflect pulse close");
    const pulse = page.locator(".message.from-bot:not(.private)", { hasText: "Pulse results" }).last();
    await pulse.waitFor();
    const pulseText = (await pulse.textContent()) ?? "";
    expect(pulseText).toContain("Two perspectives");
    expect(pulseText).toMatch(/1\. Host 2\.0 · Partners 4\.0 · gap \+2\.0/);

    // A check-in: each organisation sees communications differently.
    await type(page, '/reflect rubric start for "Shanti Network" confirm');
    await lastBot("Invited 9 people privately").waitFor();
    for (const p of everyone) {
      const level = host.includes(p) ? "well-functioning" : shanti.includes(p) ? "needs-help" : "emerging";
      await answerAs(p, "Partnership check-in: Shanti Network", "Rate now", "Submit ratings", (g) => (g === 0 ? level : "emerging"));
      await lastBot("Your ratings were recorded anonymously").waitFor();
    }
    playground.clock().advance(8 * 86_400_000);
    await asPersona(page, "carlos", "joint");
    await type(page, '/reflect rubric close "Shanti Network"');
    const checkin = page.locator(".message.from-bot:not(.private)", { hasText: "Check-in results: Shanti Network" }).last();
    await checkin.waitFor();
    const checkinText = (await checkin.textContent()) ?? "";
    expect(checkinText).toContain("Each organisation's view");
    expect(checkinText).toContain("Horizon International: Communications Well-functioning");
    expect(checkinText).toContain("Where the organisations see it differently");
    expect(checkinText).toMatch(/Communications: Horizon International Well-functioning · Shanti Network Needs help · Tuungane Alliance Emerging/);

    // The coordinator responds to the pulse; every partner persona gets it.
    const ref = /round (\w+)\)/.exec(pulseText)![1]!;
    await type(page, `/reflect respond ${ref}`);
    const form = page.locator("form.card", { hasText: "Send to everyone" }).last();
    await form.waitFor();
    const boxes = form.locator("textarea");
    await boxes.nth(0).fill("Host staff rate the partnership lower than partners do.");
    await boxes.nth(1).fill("We will talk about it at the joint reflection in January.");
    await boxes.nth(2).fill("Put the gap on the January agenda");
    await form.locator("button", { hasText: "Send to everyone" }).click();
    await lastBot("sent to 9 people").waitFor();
    for (const p of [...shanti, ...tuungane]) {
      await asPersona(page, p, `dm:${p}`);
      await lastBot("You said, we did").waitFor();
    }

    // A partner asks for the results later.
    await asPersona(page, "priya", "dm:priya");
    await type(page, `/reflect results ${ref}`);
    const mine = lastBot("What we will do");
    await mine.waitFor();
    const mineText = (await mine.textContent()) ?? "";
    expect(mineText).toContain("We will talk about it at the joint reflection in January.");
    expect(mineText).toContain("Put the gap on the January agenda");
    expect(mineText).toContain("Two perspectives");
    await page.screenshot({ path: "/tmp/perspectives.png", fullPage: false });
  });
});
