import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buttonsOf, createHarness, FAKE_WORKSPACE, type Harness } from "../fakes/harness.ts";
import type { Delivery } from "../fakes/fake-platform.ts";
import { slotContaining } from "../../src/jobs/slots.ts";

const shanti = ["s1", "s2", "s3"];
const tuungane = ["t1", "t2", "t3"];
let h: Harness;

beforeEach(async () => {
  h = await createHarness({ admins: ["amina"], now: "2026-11-23T10:00:00Z" });
  await h.command("amina", "role <@carlos> coordinator");
  h.fake.rosters.set("C-SHANTI", [...shanti, ...tuungane].map((userId) => ({ userId, reachable: true })));
  for (const u of shanti) await h.app.store.members.update(FAKE_WORKSPACE, u, { organisation: "Shanti Network" });
  for (const u of tuungane) await h.app.store.members.update(FAKE_WORKSPACE, u, { organisation: "Tuungane Alliance" });
  await h.command("carlos", 'partner add "Shanti Network"');
});
afterEach(async () => {
  await h.stop();
});

const invitation = (user: string): Delivery => h.fake.deliveries.filter((d) => d.conversationId === `D-${user}` && d.versions[0]!.elements.some((e) => e.type === "buttons" && e.buttons.some((b) => b.actionId.startsWith("rubric:open:")))).at(-1)!;

async function rate(user: string, values: Record<string, string>): Promise<string> {
  const inv = invitation(user);
  const roundId = buttonsOf(inv.versions[0]!)[0]!.actionId.split(":")[2]!;
  const opened = await h.click(user, inv, `rubric:open:${roundId}`);
  if (!inv.card.elements.some((e) => e.type === "choices")) return h.text(opened);
  return h.text(await h.click(user, inv, `rubric:submit:${roundId}`, values));
}

const all = (level: string, overrides: Record<string, string> = {}) => ({
  "e:communications": level,
  "e:team-identity": level,
  "e:openness-trust": level,
  "e:impact-orientation": level,
  "e:inclusive-equitable": level,
  "e:adaptability": level,
  "e:entrepreneurial-culture": "dont-know",
  ...overrides,
});

describe("rubric check-ins", () => {
  it("individual mode: descriptors in the form, anonymous results with distribution, consensus, divergence, notes and trend", async () => {
    await h.command("amina", "settings cadence 30");
    const started = h.text(await h.command("carlos", 'rubric start clarissa for "Shanti Network" closes in 7d', { conversation: "C-SHANTI" }));
    expect(started).toContain("Invited 6 people privately (individual, anonymous, CLARISSA partnership rubric)");
    const inv = invitation("s1");
    expect(h.fake.textOf(inv)).toContain("Anonymous: your ratings are stored with a random id");
    await h.click("s1", inv, `rubric:open:${buttonsOf(inv.versions[0]!)[0]!.actionId.split(":")[2]}`);
    const form = inv.card.elements.find((e) => e.type === "choices" && e.id === "e:communications");
    expect(form && form.type === "choices" && form.options.map((o) => o.label)).toEqual(["Well-functioning", "Emerging", "Needs help", "Don't know"]);
    expect(form && form.type === "choices" && form.options[0]!.description).toContain("Every partner knows how the programme is progressing");

    const ratings = ["well-functioning", "emerging", "emerging", "emerging", "needs-help"];
    for (const [i, u] of [...shanti, ...tuungane].slice(0, 5).entries()) {
      expect(await rate(u, all("emerging", { "e:communications": ratings[i]!, ...(i === 0 ? { "n:communications": "We only hear about decisions late" } : {}) }))).toContain("Your ratings were recorded anonymously");
    }
    await h.command("carlos", 'rubric close "Shanti Network"', { conversation: "C-SHANTI" });
    const post = h.fake.deliveries.find((d) => d.conversationId === "C-SHANTI" && h.fake.textOf(d).includes("Check-in results"))!;
    const text = h.fake.textOf(post);
    expect(text).toContain("5 of 6 answered (83%)");
    expect(text).toContain("*Communications*: Emerging (60% agree)");
    expect(text).toContain("Well-functioning 1 · Emerging 3 · Needs help 1");
    expect(text).toContain("Views diverge here");
    expect(text).toContain("We only hear about decisions late");
    expect(text).toContain("1 elements are hidden"); // entrepreneurial culture: everyone said don't know
    expect(text).toContain("/reflect action add");

    // A second round 40 days later compares with the first.
    h.clock.advance(40 * 86_400_000);
    await h.command("carlos", 'rubric start for "Shanti Network"', { conversation: "C-SHANTI" });
    for (const u of [...shanti, ...tuungane].slice(0, 5)) await rate(u, all("well-functioning", { "e:team-identity": "needs-help" }));
    await h.command("carlos", 'rubric close "Shanti Network"');
    const second = h.text(await h.command("carlos", 'rubric results "Shanti Network"'));
    expect(second).toContain("*Communications*: Well-functioning (100% agree) ↑ (was Emerging)");
    expect(second).toContain("*Team identity*: Needs help (100% agree) ↓ (was Emerging)");
    const history = h.text(await h.command("carlos", 'rubric history "Shanti Network"'));
    expect(history).toMatch(/communications\s+Emerging\s+Well-functioning/);
    expect(history).toMatch(/team-identity\s+Emerging\s+Needs help/);
  });

  it("individual mode below the threshold: nothing but how many more were needed", async () => {
    await h.command("carlos", 'rubric start for Shanti', { conversation: "C-SHANTI" });
    for (const u of shanti) await rate(u, all("emerging", { "n:communications": "secret note" }));
    await h.command("carlos", "rubric close Shanti");
    const text = h.text(await h.command("carlos", "rubric results Shanti"));
    expect(text).toContain("2 more responses were needed");
    expect(text).not.toContain("Emerging");
    expect(text).not.toContain("secret note");
  });

  it("collective mode with two organisations shows each organisation's rating, one submission per organisation", async () => {
    const started = h.text(await h.command("carlos", 'rubric start for Shanti mode collective', { conversation: "C-SHANTI" }));
    expect(started).toContain("collective, one rating per organisation");
    expect(h.fake.textOf(invitation("s1"))).toContain("It will be shown as Shanti Network's rating");
    expect(await rate("s1", all("well-functioning", { "n:adaptability": "We changed the budget twice" }))).toContain("Shanti Network's rating is recorded");
    expect(await rate("s2", all("needs-help"))).toContain("Shanti Network has already submitted its agreed rating");
    expect(await rate("t2", all("emerging"))).toContain("Tuungane Alliance's rating is recorded");
    await h.command("carlos", "rubric close Shanti");
    const text = h.text(await h.command("carlos", "rubric results Shanti"));
    expect(text).toContain("2 organisations submitted a rating");
    expect(text).toContain("*Shanti Network*: communications: Well-functioning");
    expect(text).toContain("*Tuungane Alliance*: communications: Emerging");
    expect(text).toContain("Shanti Network: We changed the budget twice");
  });

  it("asks for confirmation inside the cadence, and starts when confirmed", async () => {
    await h.command("carlos", "rubric start for Shanti", { conversation: "C-SHANTI" });
    await h.command("carlos", "rubric close Shanti");
    h.clock.advance(30 * 86_400_000);
    const warned = await h.command("carlos", "rubric start for Shanti", { conversation: "C-SHANTI" });
    expect(h.text(warned)).toContain("had a check-in 30 days ago");
    expect(h.text(warned)).toContain("the cadence is every 180 days");
    expect(h.text(warned)).toContain("rubric fatigue");
    expect((await h.app.store.rounds.list(FAKE_WORKSPACE, { kind: "rubric" }))).toHaveLength(1);
    const confirm = buttonsOf(warned[0]!.card).find((b) => b.actionId === "rubric:confirm")!;
    expect(h.text(await h.click("carlos", warned[0]!, confirm.actionId, {}, confirm.value))).toContain("Check-in for Shanti Network started");
    expect((await h.app.store.rounds.list(FAKE_WORKSPACE, { kind: "rubric" }))).toHaveLength(2);
    await h.command("carlos", "rubric close Shanti");
    expect(h.text(await h.command("carlos", "rubric start for Shanti confirm", { conversation: "C-SHANTI" }))).toContain("started");
  });

  it("refuses to start while paused, with the reason and other formats, until resumed", async () => {
    await h.command("carlos", 'rubric pause "Shanti Network" tensions after the budget cut');
    const refused = h.text(await h.command("carlos", "rubric start for Shanti", { conversation: "C-SHANTI" }));
    expect(refused).toContain("Check-ins for Shanti Network are paused: tensions after the budget cut");
    expect(refused).toContain("World Café");
    expect(await h.app.store.rounds.list(FAKE_WORKSPACE, { kind: "rubric" })).toEqual([]);
    expect(h.text(await h.command("carlos", "partner show Shanti"))).toContain("Rubric check-ins are paused");
    await h.command("carlos", "rubric resume Shanti");
    expect(h.text(await h.command("carlos", "rubric start for Shanti", { conversation: "C-SHANTI" }))).toContain("started");
  });

  it("answers bad input clearly and changes nothing", async () => {
    expect(h.text(await h.command("carlos", "rubric start clarisa for Shanti"))).toMatch(/There is no rubric "clarisa". Available: .*`clarissa` \(CLARISSA partnership rubric\)/);
    expect(h.text(await h.command("carlos", "rubric start for Shanty"))).toContain('Did you mean "Shanti Network"?');
    expect(h.text(await h.command("priya", "rubric start for Shanti"))).toContain("needs the admin or coordinator role");
    await h.command("carlos", "rubric start for Shanti", { conversation: "C-SHANTI" });
    const [round] = await h.app.store.rounds.list(FAKE_WORKSPACE, { kind: "rubric" });
    const inv = invitation("s1");
    expect(h.text(await h.click("s1", inv, `rubric:submit:${round!.id}`, { "e:kindness": "emerging" }))).toContain('"e:kindness", which is not an element');
    expect(h.text(await h.click("s1", inv, `rubric:submit:${round!.id}`, { "e:communications": "brilliant" }))).toContain('"brilliant" is not a level for communications');
    expect(await h.app.store.responses.submissionCount(round!.id)).toBe(0);
    await rate("s1", all("emerging"));
    expect(h.text(await h.click("s1", inv, `rubric:submit:${round!.id}`, all("needs-help")))).toContain("already answered");
    // The deadline passes; the scheduled job closes it; answers are refused.
    h.clock.advance(15 * 86_400_000);
    const job = h.app.jobs.get("rubric-rounds");
    expect(await h.app.jobs.runSlot(job, slotContaining(job, h.clock.now()))).toMatchObject({ result: { closed: 1 } });
    await h.flush();
    expect(h.text(await h.click("s2", invitation("s2"), `rubric:submit:${round!.id}`, all("emerging")))).toContain("no longer takes answers");
    expect(await h.app.store.responses.submissionCount(round!.id)).toBe(1);
    expect(h.fake.deliveries.some((d) => d.conversationId === "C-SHANTI" && h.fake.textOf(d).includes("Check-in results"))).toBe(true);
  });
});
