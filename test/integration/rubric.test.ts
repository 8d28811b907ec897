import { roundOfAction } from "../fakes/actions.ts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buttonsOf, createHarness, FAKE_WORKSPACE, type Harness } from "../fakes/harness.ts";
import type { Delivery } from "../fakes/fake-platform.ts";
import { slotContaining } from "../../src/jobs/slots.ts";
import { clarissaRatings } from "../fakes/rubric-values.ts";

const shanti = ["s1", "s2", "s3"];
const tuungane = ["t1", "t2", "t3"];
let h: Harness;

beforeEach(async () => {
  h = await createHarness({ admins: ["amina"], now: "2026-11-23T10:00:00Z" });
  await h.command("amina", "role <@carlos> coordinator");
  h.fake.rosters.set(
    "C-SHANTI",
    [...shanti, ...tuungane].map((userId) => ({ userId, reachable: true })),
  );
  await h.command("carlos", 'partner add "Shanti Network"');
  // The organisations of the partnership, kept by the coordinator; people placed in them.
  await h.command("carlos", 'partner orgs "Shanti Network" add "Shanti Network"');
  await h.command("carlos", 'partner orgs "Shanti Network" add "Tuungane Alliance"');
  for (const u of shanti) await h.command("carlos", `organisation <@${u}> Shanti Network`);
  for (const u of tuungane) await h.command("carlos", `organisation <@${u}> tuungane alliance`);
});
afterEach(async () => {
  await h.stop();
});

const invitation = (user: string): Delivery =>
  h.fake.deliveries
    .filter((d) => d.conversationId === `D-${user}` && d.versions[0]!.elements.some((e) => e.type === "buttons" && e.buttons.some((b) => b.actionId.startsWith("rubric.open:"))))
    .at(-1)!;

async function rate(user: string, values: Record<string, string>): Promise<string> {
  const inv = invitation(user);
  const roundId = roundOfAction(buttonsOf(inv.versions[0]!)[0]!.actionId);
  const opened = await h.click(user, inv, `rubric:open:${roundId}`);
  if (!inv.card.elements.some((e) => e.type === "choices")) return h.text(opened);
  return h.text(await h.click(user, inv, `rubric:submit:${roundId}`, values));
}

const all = clarissaRatings;

describe("rubric check-ins", () => {
  it("individual mode: descriptors in the form, anonymous results with distribution, consensus, divergence, notes and trend", async () => {
    await h.command("amina", "settings cadence 30");
    const started = h.text(await h.command("carlos", 'rubric start clarissa for "Shanti Network" closes in 7d', { conversation: "C-SHANTI" }));
    expect(started).toContain("Invited 6 people privately (individual, anonymous, CLARISSA partnership rubric)");
    const inv = invitation("s1");
    expect(h.fake.textOf(inv)).toContain("Anonymous: your ratings are stored with a random id");
    await h.click("s1", inv, buttonsOf(inv.versions[0]!)[0]!.actionId);
    const form = inv.card.elements.find((e) => e.type === "choices" && e.id === "e:communications");
    expect(form && form.type === "choices" && form.options.map((o) => o.label)).toEqual(["Well-functioning", "Emerging", "Needs help", "Don't know"]);
    // Descriptors are shown whole above the choices (never cut into option descriptions).
    const described = h.fake.textOf({ ...inv, card: inv.card });
    expect(described).toContain("*Well-functioning*: Partners have a clear picture of how the programme is progressing");
    expect(form && form.type === "choices" && form.options.every((o) => o.description === undefined)).toBe(true);
    // A cell the seed leaves empty is shown as empty, in words that say so, not filled in.
    expect(described).toContain("*Needs help*: (the source rubric leaves this level undescribed; decide together what it looks like)");
    expect(described.match(/undescribed/g)).toHaveLength(1);

    const ratings = ["well-functioning", "emerging", "emerging", "emerging", "needs-help"];
    for (const [i, u] of [...shanti, ...tuungane].slice(0, 5).entries()) {
      const notes: Record<string, string> =
        i === 0
          ? { "n:communications": "We only hear about decisions late", "n:team-identity": "a lone note, easy to recognise" }
          : i === 3
            ? { "n:communications": "Meetings are rare" }
            : {};
      expect(await rate(u, all("emerging", { "e:communications": ratings[i]!, ...notes }))).toContain("Your ratings were recorded anonymously");
    }
    h.clock.advance(49 * 3_600_000); // past the minimum open time
    await h.command("carlos", 'rubric close "Shanti Network"', { conversation: "C-SHANTI" });
    const post = h.fake.deliveries.find((d) => d.conversationId === "C-SHANTI" && h.fake.textOf(d).includes("Check-in results"))!;
    const text = h.fake.textOf(post);
    expect(text).toContain("5 of 6 answered (83%)");
    expect(text).toContain("*Communications*: Emerging (60% agree)");
    expect(text).toContain("Well-functioning 1 · Emerging 3 · Needs help 1");
    expect(text).toContain("Views diverge here");
    expect(text).toContain("We only hear about decisions late");
    expect(text).toContain("Meetings are rare");
    // A note alone on its element could be recognised: withheld (DESIGN.md §3 rule 12, min-commenters).
    expect(text).not.toContain("a lone note");
    expect(text).toContain("1 note is not shown: fewer than 2 people wrote one");
    expect(text).toContain("1 element is hidden"); // entrepreneurial culture: everyone said don't know
    expect(text).toContain("/reflect action add");

    // A second round 40 days later compares with the first.
    h.clock.advance(40 * 86_400_000);
    await h.command("carlos", 'rubric start for "Shanti Network"', { conversation: "C-SHANTI" });
    for (const u of [...shanti, ...tuungane].slice(0, 5)) await rate(u, all("well-functioning", { "e:team-identity": "needs-help" }));
    h.clock.advance(49 * 3_600_000); // past the minimum open time
    await h.command("carlos", 'rubric close "Shanti Network"');
    const second = h.text(await h.command("carlos", 'rubric results "Shanti Network"'));
    expect(second).toContain("*Communications*: Well-functioning (100% agree) ↑ (was Emerging)");
    expect(second).toContain("*Team identity*: Needs help (100% agree) ↓ (was Emerging)");
    const history = h.text(await h.command("carlos", 'rubric history "Shanti Network"'));
    expect(history).toMatch(/communications\s+Emerging\s+Well-functioning/);
    expect(history).toMatch(/team-identity\s+Emerging\s+Needs help/);
  });

  it("individual mode below the threshold: nothing but how many more were needed", async () => {
    await h.command("carlos", "rubric start for Shanti", { conversation: "C-SHANTI" });
    for (const u of shanti) await rate(u, all("emerging", { "n:communications": "secret note" }));
    h.clock.advance(49 * 3_600_000); // past the minimum open time
    await h.command("carlos", "rubric close Shanti");
    const text = h.text(await h.command("carlos", "rubric results Shanti"));
    expect(text).toContain("2 more responses were needed");
    expect(text).not.toContain("Emerging");
    expect(text).not.toContain("secret note");
  });

  it("collective mode with two organisations shows each organisation's rating, one submission per organisation", async () => {
    const started = h.text(await h.command("carlos", "rubric start for Shanti mode collective", { conversation: "C-SHANTI" }));
    expect(started).toContain("collective, one rating per organisation");
    expect(started).toContain("Invited per organisation: Shanti Network: 3 · Tuungane Alliance: 3");
    expect(h.fake.textOf(invitation("s1"))).toContain("It will be shown as Shanti Network's rating");
    expect(await rate("s1", all("well-functioning", { "n:adaptability": "We changed the budget twice" }))).toContain("Shanti Network's rating is recorded");
    expect(await rate("s2", all("needs-help"))).toContain("Shanti Network has already submitted its agreed rating");
    expect(await rate("t2", all("emerging"))).toContain("Tuungane Alliance's rating is recorded");
    h.clock.advance(49 * 3_600_000); // past the minimum open time
    await h.command("carlos", "rubric close Shanti");
    const text = h.text(await h.command("carlos", "rubric results Shanti"));
    expect(text).toContain("2 organisations submitted a rating");
    expect(text).toContain("*Shanti Network*: communications: Well-functioning");
    expect(text).toContain("*Tuungane Alliance*: communications: Emerging");
    expect(text).toContain("Shanti Network: We changed the budget twice");
  });

  it("organisations come from the partnership's list and are locked while a collective check-in is open", async () => {
    expect((await h.app.store.members.get(FAKE_WORKSPACE, "t1"))?.organisation).toBe("Tuungane Alliance");
    // Nobody invents an organisation (the review's hijack: rating "for" another organisation)…
    expect(h.text(await h.command("newcomer", "organisation Shanti Netwerk"))).toContain('There is no organisation "Shanti Netwerk"');
    // …nor moves into another one to answer for it: a person picks once, a coordinator moves them.
    expect(h.text(await h.command("t1", "organisation Shanti Network"))).toContain("Only a coordinator can move you");
    expect(h.text(await h.command("newcomer", "organisation Tuungane Alliance"))).toContain("Tuungane Alliance");
    expect((await h.app.store.members.get(FAKE_WORKSPACE, "newcomer"))?.organisation).toBe("Tuungane Alliance");
    // The register shows the list people pick from.
    expect(h.text(await h.command("carlos", "partner show Shanti"))).toMatch(/Organisations\*?\n?.*Shanti Network, Tuungane Alliance/);
    // A collective round refuses to start for an organisation with one invitee.
    h.fake.rosters.set(
      "C-SMALL",
      ["s1", "s2", "t1"].map((userId) => ({ userId, reachable: true })),
    );
    const refused = h.text(await h.command("carlos", "rubric start for Shanti mode collective", { conversation: "C-SMALL" }));
    expect(refused).toContain("Too few: Tuungane Alliance");
    expect(await h.app.store.rounds.list(FAKE_WORKSPACE, { kind: "rubric" })).toEqual([]);
    await h.command("carlos", "rubric start for Shanti mode collective", { conversation: "C-SHANTI" });
    expect(h.fake.textOf(invitation("t1"))).toContain("It will be shown as Tuungane Alliance's rating");
    // While it is open, nobody's organisation changes, not even by a coordinator.
    expect(h.text(await h.command("carlos", "organisation <@t1> Shanti Network"))).toContain("cannot change while a round they are invited to is open");
    expect((await h.app.store.members.get(FAKE_WORKSPACE, "t1"))?.organisation).toBe("Tuungane Alliance");
  });

  it("a 'Start anyway' button is checked like the typed command: no check-in for an archived partnership", async () => {
    await h.command("carlos", "partner archive Shanti");
    expect(h.text(await h.command("carlos", "rubric start for Shanti confirm", { conversation: "C-SHANTI" }))).toContain("is archived");
    const forged = `rubric.confirm:${JSON.stringify({ partnership: "Shanti Network", audience: { channels: ["C-SHANTI"], users: [] }, mode: "individual" })}`;
    const clicked = await h.click(
      "carlos",
      { id: "m0", workspaceId: FAKE_WORKSPACE, conversationId: "C-SHANTI", audience: null, card: { summary: "", elements: [] }, versions: [] },
      forged,
    );
    expect(h.text(clicked)).toContain("is archived");
    expect(await h.app.store.rounds.list(FAKE_WORKSPACE, { kind: "rubric" })).toEqual([]);
  });

  it("asks for confirmation inside the cadence, and starts when confirmed", async () => {
    await h.command("carlos", "rubric start for Shanti", { conversation: "C-SHANTI" });
    h.clock.advance(49 * 3_600_000); // past the minimum open time
    await h.command("carlos", "rubric close Shanti");
    h.clock.advance(30 * 86_400_000 - 49 * 3_600_000);
    const warned = await h.command("carlos", "rubric start for Shanti", { conversation: "C-SHANTI" });
    expect(h.text(warned)).toContain("had a check-in 30 days ago");
    expect(h.text(warned)).toContain("the cadence is every 180 days");
    expect(h.text(warned)).toContain("rubric fatigue");
    expect(await h.app.store.rounds.list(FAKE_WORKSPACE, { kind: "rubric" })).toHaveLength(1);
    const confirm = buttonsOf(warned[0]!.card).find((b) => b.actionId.startsWith("rubric.confirm:"))!;
    expect(h.text(await h.click("carlos", warned[0]!, confirm.actionId, {}, confirm.value))).toContain("Check-in for Shanti Network started");
    expect(await h.app.store.rounds.list(FAKE_WORKSPACE, { kind: "rubric" })).toHaveLength(2);
    h.clock.advance(49 * 3_600_000); // past the minimum open time
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
