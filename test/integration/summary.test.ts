import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, FAKE_WORKSPACE, type Harness } from "../fakes/harness.ts";
import { slotContaining } from "../../src/jobs/slots.ts";
import { lastScheduled } from "../../src/summaries/jobs.ts";
import { buildSummary } from "../../src/summaries/build.ts";

const people = ["p1", "p2", "p3", "p4", "p5", "p6"];
let h: Harness;

beforeEach(async () => {
  // Wednesday 25 November 2026.
  h = await createHarness({ admins: ["amina"], now: "2026-11-25T10:00:00Z" });
  await h.command("amina", "role <@carlos> coordinator");
  await h.command("amina", "role <@lena> lead");
  h.fake.rosters.set(
    "C-P",
    people.map((userId) => ({ userId, reachable: true })),
  );
  h.fake.rosters.set("C-LEADS", [{ userId: "lena", reachable: true }]);
});
afterEach(async () => {
  await h.stop();
});

async function pulseWith(answers: number) {
  // Rounds here follow each other closely on purpose: the fatigue guard is confirmed past.
  await h.command("carlos", "pulse start partner-pulse closes in 2d confirm", { conversation: "C-P" });
  const [round] = await h.app.store.rounds.list(FAKE_WORKSPACE, { kind: "pulse", status: "open" });
  for (const u of people.slice(0, answers)) {
    const inv = h.fake.deliveries.filter((d) => d.conversationId === `D-${u}`).at(-1)!;
    await h.click(u, inv, `pulse:open:${round!.id}`);
    await h.click(u, inv, `pulse:submit:${round!.id}`, {
      "q:respect": "4",
      "q:design-involvement": "4",
      "q:financial-speed": "2",
      "q:clear-requests": "2",
      "q:long-term": "5",
      "q:knowledge-exchange": "5",
      "q:connecting-partners": "3",
    });
  }
  h.clock.advance(49 * 3_600_000); // past the minimum open time
  await h.command("carlos", "pulse close");
  return round!;
}

async function rubricWith(answers: number) {
  await h.command("carlos", 'partner add "Shanti Network"');
  await h.command("carlos", "rubric start for Shanti confirm", { conversation: "C-P" });
  const [round] = await h.app.store.rounds.list(FAKE_WORKSPACE, { kind: "rubric", status: "open" });
  for (const [i, u] of people.slice(0, answers).entries()) {
    const inv = h.fake.deliveries.filter((d) => d.conversationId === `D-${u}`).at(-1)!;
    await h.click(u, inv, `rubric:open:${round!.id}`);
    await h.click(u, inv, `rubric:submit:${round!.id}`, { "e:communications": i === 0 ? "needs-help" : "well-functioning", "e:team-identity": "emerging" });
  }
  h.clock.advance(49 * 3_600_000); // past the minimum open time
  await h.command("carlos", "rubric close Shanti");
}

describe("weekly summary", () => {
  it("the chart shows each partnership's own check-ins as levels, never a score pooled across partnerships", async () => {
    for (const [name, answers] of [
      ["Shanti Network", 5],
      ["Tuungane Alliance", 5],
      ["Small Partner", 4],
    ] as const) {
      await h.command("carlos", `partner add "${name}"`);
      await h.command("carlos", `rubric start for "${name}" confirm`, { conversation: "C-P" });
      const [round] = await h.app.store.rounds.list(FAKE_WORKSPACE, { kind: "rubric", status: "open" });
      for (const u of people.slice(0, answers)) {
        const inv = h.fake.deliveries.filter((d) => d.conversationId === `D-${u}`).at(-1)!;
        await h.click(u, inv, `rubric:open:${round!.id}`);
        const level = name === "Shanti Network" ? "needs-help" : "well-functioning";
        await h.click(u, inv, `rubric:submit:${round!.id}`, { "e:communications": level, "e:team-identity": "emerging" });
      }
      h.clock.advance(49 * 3_600_000);
      await h.command("carlos", `rubric close "${name}"`);
    }
    const workspace = (await h.app.store.workspaces.get(FAKE_WORKSPACE))!;
    const { chart } = await buildSummary(h.app.deps, workspace, h.clock.now(), "en");
    // Small Partner's check-in was under the threshold: absent from the picture as from the text.
    expect(new Set(chart.checkins.map((c) => c.partnership))).toEqual(new Set(["Shanti Network", "Tuungane Alliance"]));
    const cell = (partnership: string, element: string) => chart.checkins.filter((c) => c.partnership === partnership && c.element === element).map((c) => c.level);
    expect(cell("Shanti Network", "Communications")).toEqual(["Needs help"]);
    expect(cell("Tuungane Alliance", "Communications")).toEqual(["Well-functioning"]);
    // Each point is one partnership's level in one check-in: no mean, no ranking field, no pooled row.
    for (const point of chart.checkins) expect(Object.keys(point).sort()).toEqual(["element", "level", "partnership", "rank", "round"]);
    expect(chart.checkins).toHaveLength(4);
    expect(chart.levels).toEqual(["Well-functioning", "Emerging", "Needs help"]);
  });

  it("withholds every figure of rounds just under the threshold", async () => {
    await pulseWith(4);
    await rubricWith(4);
    const text = h.text(await h.command("lena", "summary preview"));
    expect(text).toContain("Closed: Partner pulse");
    expect(text).toContain("4 of 6 answered (67%)");
    expect(text).toContain("hidden: fewer than 5 answered, 1 more response was needed");
    expect(text).not.toMatch(/\b\d\.\d\b/);
    expect(text).not.toContain("Equitable");
    expect(text).not.toContain("Communications");
    expect(text).not.toContain("[image:");
  });

  it("shows qualities, biggest changes, moved and diverging elements at the threshold, with a chart", async () => {
    await pulseWith(5);
    h.clock.advance(86_400_000);
    await pulseWith(5);
    await rubricWith(5);
    await h.command("carlos", 'action add "Weekly call with finance" due in 3 days');
    await h.command("carlos", "review add Shanti annual-review in 20 days");
    const replies = await h.command("lena", "summary preview");
    expect(replies[0]!.audience).toBe("lena");
    const text = h.text(replies);
    const order = ["*Rounds*", "*Pulse results*", "*Rubric check-ins*", "*Actions due this week or overdue*", "*Reviews and renewals in the next 30 days*"].map((s) =>
      text.indexOf(s),
    );
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toMatch(/Equitable 4\.0 \(→ 0\.0\) · Effective 2\.0 \(→ 0\.0\) · Deep 5\.0 \(→ 0\.0\)/);
    // One item is not a quality's score (connecting partners once stood for "Diverse").
    expect(text).not.toContain("Diverse");
    expect(text).toContain("views diverge on: Communications");
    expect(text).toContain("Weekly call with finance");
    expect(text).toContain("Annual review: Shanti Network");
    expect(text).toContain("[image: Chart");
    const image = replies[0]!.card.elements.find((e) => e.type === "image");
    expect(image && image.type === "image" && image.url.startsWith("data:image/png;base64,iVBOR")).toBe(true);
  });

  it("says one line in a quiet week, or nothing when the workspace skips quiet weeks", async () => {
    expect(h.text(await h.command("lena", "summary preview"))).toContain("A quiet week");
    await h.command("amina", "settings quiet-week skip");
    expect(h.text(await h.command("lena", "summary preview"))).toContain("skips quiet weeks");
  });

  it("subscribes a channel with day and time, validates them, and unsubscribes", async () => {
    expect(h.text(await h.command("lena", "summary subscribe <#C-LEADS> day thursday time 08:30"))).toContain(
      "<#C-LEADS> will get the weekly summary every Thursday at 08:30 (UTC)",
    );
    expect(h.text(await h.command("lena", "summary subscribe <#C-LEADS> day someday"))).toContain('"someday" is not a day of the week');
    expect(h.text(await h.command("lena", "summary subscribe <#C-LEADS> time 8:10"))).toContain('"8:10" is not a time on the quarter hour');
    expect(h.text(await h.command("lena", "summary subscribe", { conversation: "D-lena" }))).toContain("Say which channel");
    expect(h.text(await h.command("p1", "summary subscribe <#C-LEADS>"))).toContain("needs the admin, coordinator or lead role");
    expect(await h.app.store.summaries.list(FAKE_WORKSPACE)).toMatchObject([{ channelId: "C-LEADS", weekday: 4, localTime: "08:30" }]);
    // Results go only where the subscriber is: a coordinator outside #C-SECRET cannot send them there.
    h.fake.rosters.set("C-SECRET", [{ userId: "lena", reachable: true }]);
    expect(h.text(await h.command("carlos", "summary subscribe <#C-SECRET>"))).toContain("You are not a member of <#C-SECRET>");
    expect(h.text(await h.command("carlos", "summary subscribe", { conversation: "C-SECRET" }))).toContain("will get the weekly summary");
    await h.command("carlos", "summary unsubscribe <#C-SECRET>");
    expect(h.text(await h.command("lena", "summary unsubscribe <#C-LEADS>"))).toContain("will no longer get");
    expect(h.text(await h.command("lena", "summary unsubscribe <#C-LEADS>"))).toContain("does not get the weekly summary");
  });

  it("posts once at the local time, and once after a restart that missed the slot", async () => {
    await h.command("amina", "settings timezone Asia/Kathmandu");
    await h.command("lena", "summary subscribe <#C-LEADS>"); // Monday 09:00 Kathmandu = 03:15 UTC
    const job = h.app.jobs.get("weekly-summary");
    const run = async (at: string) => {
      h.clock.set(at);
      const outcome = await h.app.jobs.runSlot(job, slotContaining(job, h.clock.now()));
      await h.flush();
      return outcome;
    };
    const posts = () => h.fake.deliveries.filter((d) => d.conversationId === "C-LEADS").length;
    expect(await run("2026-11-30T03:00:00Z")).toMatchObject({ result: { posted: 0 } });
    expect(await run("2026-11-30T03:15:00Z")).toMatchObject({ result: { posted: 1 } });
    expect(await run("2026-11-30T03:30:00Z")).toMatchObject({ result: { posted: 0 } });
    expect(posts()).toBe(1);
    // The next week the bot is down at 03:15 and comes back at 11:00: the missed summary goes once.
    expect(await run("2026-12-07T11:00:00Z")).toMatchObject({ result: { posted: 1 } });
    expect(await run("2026-12-07T11:15:00Z")).toMatchObject({ result: { posted: 0 } });
    expect(posts()).toBe(2);
    expect(lastScheduled({ weekday: 1, localTime: "09:00" }, "Asia/Kathmandu", new Date("2026-12-07T11:00:00Z")).toISOString()).toBe("2026-12-07T03:15:00.000Z");
  });
});
