import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { DateTime } from "luxon";
import type { App } from "../../src/app.ts";
import { slotContaining } from "../../src/jobs/slots.ts";
import { asPersona, type, usePlayground } from "./browser.ts";

/** Issue "Partnership register…": the renewal reminder in the playground, in a real browser. */
describe("partnership register in the playground", () => {
  const playground = usePlayground();
  let page: Page;
  let app: App;
  beforeAll(() => {
    page = playground.page();
    app = playground.app();
  });

  it("a coordinator adds a partnership ending in 45 days, sees the renewal, and gets the DM at the 30-day mark", async () => {
    await asPersona(page, "carlos", "dm:carlos");
    await type(page, '/reflect partner add "Mekong Learning Circle" category learning-community country Laos end in 45 days');
    const added = page.locator(".message.from-bot", { hasText: "Added Mekong Learning Circle" });
    await added.waitFor();
    const due = DateTime.utc().plus({ days: 45 });
    await expect(added.textContent()).resolves.toContain(`(in 45 days)`);
    await expect(added.textContent()).resolves.toContain(due.toFormat("d LLL yyyy"));

    await type(page, "/reflect review list 60d");
    await page.locator(".message.from-bot", { hasText: "Agreement renewal" }).waitFor();

    // The reminder job, run for the slot at 09:00 on the 30-day mark (the playground's zone is UTC).
    const job = app.jobs.get("review-reminders");
    const at = due.minus({ days: 30 }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 }).toJSDate();
    expect(await app.jobs.runSlot(job, slotContaining(job, at))).toMatchObject({ status: "ran", result: { reviews: 1 } });
    const reminder = page.locator(".message.from-bot", { hasText: "Agreement renewal of Mekong Learning Circle is due" });
    await reminder.waitFor();
    await expect(reminder.locator("button", { hasText: "Mark done" }).count()).resolves.toBe(1);
  });
});
