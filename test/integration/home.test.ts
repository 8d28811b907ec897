/** The dashboard: `/reflect home` (and Slack's App Home) for coordinators, leads and partners. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../fakes/harness.ts";
import { answerPulse } from "../fakes/pulse-flow.ts";

const people = ["p1", "p2", "p3", "p4", "p5", "p6"];
let h: Harness;
beforeEach(async () => {
  h = await createHarness({ admins: ["amina"] });
  await h.command("amina", "role <@carlos> coordinator");
  await h.command("amina", "role <@lena> lead");
  h.fake.rosters.set(
    "C-P",
    people.map((userId) => ({ userId, reachable: true })),
  );
});
afterEach(async () => {
  await h.stop();
});

describe("the dashboard", () => {
  it("shows a coordinator the open rounds with their coarse status and overdue actions; a lead no counts; a partner what waits and their results", async () => {
    await h.command("carlos", 'partner add "Shanti Network"');
    await h.command("carlos", 'action add "Share the transfer calendar" owner <@carlos> due 2026-11-24 for "Shanti Network"');
    await h.command("carlos", 'pulse start quick-pulse for "Shanti Network" closes in 7d', { conversation: "C-P" });
    h.clock.advance(2 * 86_400_000); // the action is now overdue
    const coordinator = h.text(await h.command("carlos", "home"));
    expect(coordinator).toContain("Open rounds");
    expect(coordinator).toMatch(/Shanti Network: 0 of 6 had answered by the start of today; open until/);
    expect(coordinator).toContain("Actions overdue");
    expect(coordinator).toContain("Share the transfer calendar");
    const lead = h.text(await h.command("lena", "home"));
    expect(lead).toMatch(/Shanti Network: open until/);
    expect(lead).not.toMatch(/of 6/);
    expect(lead).not.toContain("Reviews and renewals");

    let partner = h.text(await h.command("p1", "home"));
    expect(partner).toContain("A pulse is waiting for your answer");
    expect(partner).not.toContain("Open rounds");
    expect(partner).not.toContain("Share the transfer calendar");
    for (const p of people.slice(0, 5)) await answerPulse(h, p, { "q:respect": "4" });
    await h.command("carlos", "pulse close", { conversation: "C-P" });
    partner = h.text(await h.command("p1", "home"));
    expect(partner).toContain("Nothing is waiting for your answer");
    expect(partner).toContain("Results of rounds you were part of");
    expect(partner).toMatch(/`\w+` Shanti Network: `\/reflect results \w+`/);
    // Someone the round was not addressed to sees no results line for it.
    expect(h.text(await h.command("outsider", "home"))).not.toContain("Results of rounds you were part of");
  });
});
