import { roundOfAction } from "../fakes/actions.ts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buttonsOf, createHarness, FAKE_WORKSPACE, type Harness } from "../fakes/harness.ts";
import { answerPulse, fullAnswers, invitationOf as invitationOfIn } from "../fakes/pulse-flow.ts";

const partners = ["p1", "p2", "p3", "p4", "p5", "p6"];
let h: Harness;

beforeEach(async () => {
  h = await createHarness({ admins: ["amina"] });
  await h.command("amina", "role <@carlos> coordinator");
  h.fake.rosters.set("C-PARTNERS", [
    { userId: "carlos", reachable: true },
    ...partners.map((userId) => ({ userId, reachable: true })),
    { userId: "B-bot", reachable: true, isBot: true },
  ]);
});
afterEach(async () => {
  await h.stop();
});

const invitationOf = (user: string, round?: string) => invitationOfIn(h, user, round);
const answer = (user: string, values: Record<string, string>, round?: string) => answerPulse(h, user, values, round);

describe("pulse surveys end to end through the fake platform", () => {
  it("invites the channel's members privately (not bots, not the coordinator) with the disclosure first", async () => {
    const replies = await h.command("carlos", "pulse start partner-pulse to <#C-PARTNERS> closes in 7d", { conversation: "C-PARTNERS" });
    expect(h.text(replies)).toContain("Invited 6 people privately");
    for (const p of partners) {
      const text = h.fake.textOf(invitationOf(p));
      expect(text).toContain("Partner pulse: a short anonymous pulse");
      expect(text).toContain("19 questions, about 4 minutes");
      expect(text).toContain("only once at least 5 people have answered");
    }
    expect(h.fake.visibleTo("carlos").some((d) => d.conversationId === "D-carlos")).toBe(false);
    expect(h.fake.visibleTo("B-bot")).toEqual([]);
  });

  it("keeps results hidden below the threshold and shows them, with comments, once the round closes at 5", async () => {
    await h.command("carlos", "pulse start partner-pulse closes in 7d", { conversation: "C-PARTNERS" });
    for (const [i, p] of partners.slice(0, 4).entries()) {
      expect(await answer(p, fullAnswers(3 + (i % 3), i === 0 ? "Please involve us earlier in design" : undefined))).toContain("Thank you: your answers are in");
    }
    // While open: no figure and no live count (DESIGN.md §3 rule 12).
    const early = h.text(await h.command("carlos", "pulse results", { conversation: "C-PARTNERS" }));
    expect(early).toContain("Results appear when the round closes");
    expect(early).not.toMatch(/\d of 6/);
    expect(early).not.toMatch(/\d\.\d/);
    expect(h.text(await h.command("carlos", "pulse status"))).toContain("0 of 6 had answered");

    await answer("p5", fullAnswers(5, "Financial transfers are slow"));
    h.clock.advance(49 * 3_600_000);
    await h.command("carlos", "pulse close", { conversation: "C-PARTNERS" });
    const channelPost = h.fake.deliveries.find((d) => d.conversationId === "C-PARTNERS" && d.audience === null && h.fake.textOf(d).includes("Pulse results"));
    expect(channelPost).toBeDefined();
    const text = h.fake.textOf(channelPost!);
    expect(text).toContain("5 of 6 answered (83%)");
    expect(text).toContain("Equitable");
    expect(text).toContain("Our two organisations work together with mutual respect.");
    expect(text).toContain("Please involve us earlier in design");
    expect(text).toContain("Financial transfers are slow");
    // Questions nobody (or too few) answered with a value stay hidden; "prefer not to say" is not an answer.
    expect(text).toContain("15 questions are hidden because fewer than 5 people answered them");
    expect(text).not.toContain("We help design projects");
    // The coordinator gets the results privately too.
    expect(h.fake.visibleTo("carlos").some((d) => d.conversationId === "D-carlos" && h.fake.textOf(d).includes("Pulse results"))).toBe(true);
  });

  it('offers "does not apply" on funding items only, counts it apart and leaves it out of the mean', async () => {
    await h.command("carlos", "pulse start partner-pulse closes in 7d", { conversation: "C-PARTNERS" });
    const form = invitationOf("p1");
    await h.click("p1", form, buttonsOf(form.card).find((b) => b.actionId.startsWith("pulse.open:"))!.actionId);
    const choices = (key: string) => {
      const el = form.card.elements.find((e) => e.type === "choices" && e.id === `q:${key}`);
      return el && el.type === "choices" ? el.options.map((o) => o.value) : [];
    };
    expect(choices("fundraising")).toContain("na");
    expect(choices("respect")).not.toContain("na");
    // "Does not apply" is refused where the question does not offer it, and nothing is stored.
    const round = roundOfAction(buttonsOf(form.card).find((b) => b.actionId.startsWith("pulse.submit:"))!.actionId);
    expect(h.text(await h.click("p1", form, `pulse:submit:${round}`, { "q:respect": "na" }))).toContain('"na"');
    expect(await h.app.store.responses.submissionCount(round)).toBe(0);
    await h.click("p1", form, `pulse:submit:${round}`, { "q:respect": "4", "q:fundraising": "na", "q:donor-access": "5" });
    for (const p of partners.slice(1)) await answer(p, { "q:respect": "4", "q:fundraising": "2", "q:donor-access": "5" });
    h.clock.advance(49 * 3_600_000);
    await h.command("carlos", "pulse close", { conversation: "C-PARTNERS" });
    const post = h.fake.deliveries.find((d) => d.conversationId === "C-PARTNERS" && h.fake.textOf(d).includes("Pulse results"))!;
    const text = h.fake.textOf(post);
    // Five answered 2 and one said it does not apply: the mean stays 2.0 and the one is counted apart.
    expect(text).toMatch(/\*2\.0\* +The organisation we partner with helps us to raise funds on our own\.\n`1:0 +2:5 +3:0 +4:0 +5:0` · 1 said it does not apply/);
    expect(text).toContain("6 of 6 answered");
  });

  it("says how many more responses were needed when a round closes below the threshold", async () => {
    await h.command("carlos", "pulse start partner-pulse closes in 7d", { conversation: "C-PARTNERS" });
    for (const p of partners.slice(0, 4)) await answer(p, fullAnswers(4, "a comment"));
    h.clock.advance(49 * 3_600_000);
    await h.command("carlos", "pulse close", { conversation: "C-PARTNERS" });
    const post = h.fake.deliveries.find((d) => d.conversationId === "C-PARTNERS" && h.fake.textOf(d).includes("Pulse results"))!;
    const text = h.fake.textOf(post);
    expect(text).toContain("1 more response was needed");
    expect(text).not.toContain("a comment");
    expect(text).not.toMatch(/\d\.\d/);
  });

  it("takes one submission per person and says answers cannot be edited", async () => {
    await h.command("carlos", "pulse start partner-pulse", { conversation: "C-PARTNERS" });
    const invitation = invitationOf("p1");
    const roundId = roundOfAction(buttonsOf(invitation.card)[0]!.actionId);
    expect(await answer("p1", fullAnswers(4))).toContain("Thank you");
    expect(h.fake.textOf(invitation)).toContain("Answers cannot be changed after you submit them");
    // The form was replaced by the thank-you; a replayed submit is refused.
    const again = h.text(await h.click("p1", invitation, `pulse:submit:${roundId}`, fullAnswers(1)));
    expect(again).toContain("You have already answered this round. Answers cannot be changed");
    const reopen = await h.click("p1", invitation, `pulse:open:${roundId}`);
    expect(h.text(reopen)).toContain("already answered");
    expect(await h.app.store.responses.submissionCount(roundId)).toBe(1);
  });

  it("refuses answers to a closed round, from someone not invited, and with unknown fields", async () => {
    await h.command("carlos", "pulse start partner-pulse", { conversation: "C-PARTNERS" });
    const invitation = invitationOf("p2");
    const roundId = roundOfAction(buttonsOf(invitation.card)[0]!.actionId);
    expect(h.text(await h.click("outsider", { ...invitation, conversationId: "D-outsider" }, `pulse:submit:${roundId}`, fullAnswers(3)))).toContain("sent to other people");
    expect(h.text(await h.click("p2", invitation, `pulse:submit:${roundId}`, { "q:colour": "blue" }))).toContain('"q:colour"');
    expect(h.text(await h.click("p2", invitation, `pulse:submit:${roundId}`, { "q:respect": "7" }))).toContain('"7"');
    expect(await h.app.store.responses.submissionCount(roundId)).toBe(0);
    h.clock.advance(49 * 3_600_000);
    await h.command("carlos", "pulse close");
    expect(h.text(await h.click("p2", invitation, `pulse:submit:${roundId}`, fullAnswers(3)))).toContain("no longer takes answers");
    expect(await h.app.store.responses.submissionCount(roundId)).toBe(0);
  });

  it("answers bad starts clearly and changes nothing", async () => {
    expect(h.text(await h.command("carlos", "pulse start mood-meter", { conversation: "C-PARTNERS" }))).toMatch(
      /no pulse template "mood-meter". Available: `partner-pulse` \(Partner pulse\), `quick-pulse`/,
    );
    expect(h.text(await h.command("carlos", "pulse start closes in 120d", { conversation: "C-PARTNERS" }))).toContain("at most 90 days");
    expect(h.text(await h.command("carlos", "pulse start to <#C-EMPTY>"))).toContain("Nobody to invite");
    expect(h.text(await h.command("carlos", "pulse start", { conversation: "D-carlos" }))).toContain("Say who the pulse is for");
    h.fake.rosters.set(
      "C-HUGE",
      Array.from({ length: 5001 }, (_, i) => ({ userId: `u${i}`, reachable: true })),
    );
    expect(h.text(await h.command("carlos", "pulse start to <#C-HUGE>"))).toContain("5001 people; a pulse can go to at most 5000");
    expect(h.text(await h.command("carlos", "pulse results zzzz"))).toContain('There is no pulse round "zzzz"');
    expect(await h.app.store.rounds.list(FAKE_WORKSPACE, { kind: "pulse" })).toEqual([]);
  });

  it("reports people the platform does not let the bot reach", async () => {
    h.fake.rosters.set("C-MIXED", [
      { userId: "p1", reachable: true },
      { userId: "ext1", reachable: false },
      { userId: "ext2", reachable: false },
    ]);
    const text = h.text(await h.command("carlos", "pulse start to <#C-MIXED>"));
    expect(text).toContain("Invited 1 person privately");
    expect(text).toContain("1 by DM · 0 privately in the shared channel · 0 by email · 2 unreachable");
    expect(text).toContain("2 people in the audience could not be reached");
    expect(text).toContain("Invite them by email instead, for example `to email:name@partner.org`");
    // Status says the same, for as long as the round is open.
    expect(h.text(await h.command("carlos", "pulse status"))).toContain("1 by DM · 0 privately in the shared channel · 0 by email · 2 unreachable");
  });

  it("closes at the deadline through the scheduled job, once", async () => {
    await h.command("carlos", "pulse start partner-pulse closes in 2d", { conversation: "C-PARTNERS" });
    for (const p of partners.slice(0, 5)) await answer(p, fullAnswers(4));
    h.clock.advance(2 * 86_400_000 + 60_000);
    const job = h.app.jobs.get("pulse-rounds");
    const { slotContaining } = await import("../../src/jobs/slots.ts");
    const slot = slotContaining(job, h.clock.now());
    expect(await h.app.jobs.runSlot(job, slot)).toMatchObject({ status: "ran", result: { closed: 1 } });
    expect(await h.app.jobs.runSlot(job, slot)).toMatchObject({ status: "skipped", reason: "already-run" });
    await h.flush();
    const posts = h.fake.deliveries.filter((d) => d.conversationId === "C-PARTNERS" && h.fake.textOf(d).includes("Pulse results"));
    expect(posts).toHaveLength(1);
    expect(h.fake.textOf(posts[0]!)).toContain("5 of 6 answered");
  });

  it("rotates quick-pulse questions so successive rounds cover every theme", async () => {
    const asked = new Set<string>();
    for (let i = 0; i < 4; i++) {
      // Back to back on purpose: the fatigue guard is confirmed past.
      await h.command("carlos", `pulse start quick-pulse${i > 0 ? " confirm" : ""}`, { conversation: "C-PARTNERS" });
      const [round] = await h.app.store.rounds.list(FAKE_WORKSPACE, { kind: "pulse", status: "open" });
      expect(round!.questionKeys.filter((k) => k !== "comment")).toHaveLength(3);
      for (const k of round!.questionKeys) asked.add(k);
      h.clock.advance(49 * 3_600_000);
      expect(h.text(await h.command("carlos", "pulse close"))).toContain("is closed");
    }
    expect(asked.size).toBe(13);
  });

  it("exports aggregates only, as CSV safe against formula injection", async () => {
    await h.command("carlos", "pulse start partner-pulse", { conversation: "C-PARTNERS" });
    for (const p of partners.slice(0, 5)) await answer(p, fullAnswers(4, '=HYPERLINK("http://evil")'));
    h.clock.advance(49 * 3_600_000);
    await h.command("carlos", "pulse close");
    const csv = h.text(await h.command("carlos", "pulse export"));
    expect(csv).toContain("section,key,label,quality,respondents,answers,mean");
    expect(csv).toMatch(/question,respect,.*,equitable,5,5,4,0,0,0,5,0,0,/);
    expect(csv).not.toContain("HYPERLINK");
    expect(csv.split("\n").filter((l) => l.startsWith("question,"))).toHaveLength(3);
  });
});

describe("starting a pulse with a form", () => {
  it("offers a form in the channel and starts the pulse from its choices", async () => {
    const [form] = await h.command("carlos", "pulse", { conversation: "C-PARTNERS" });
    expect(h.fake.textOf(form!)).toContain("Start a pulse");
    const submit = buttonsOf(form!.card).find((b) => b.actionId.startsWith("pulse.start-form:"))!;
    const replies = await h.click("carlos", form!, submit.actionId, { template: "quick-pulse", days: "14", repeat: "quarterly" });
    const text = h.text(replies);
    expect(text).toContain("Quick pulse started");
    expect(text).toContain("Invited 6 people privately");
    const [round] = await h.app.store.rounds.list(FAKE_WORKSPACE, { kind: "pulse" });
    expect(round).toMatchObject({ recurrence: "quarterly", audience: { channels: ["C-PARTNERS"], users: [] } });
    expect(round!.closesAt.getTime() - round!.opensAt.getTime()).toBe(14 * 86_400_000);
    expect(h.text(await h.click("p1", form!, submit.actionId, { template: "partner-pulse" }))).toContain("`/reflect pulse start` needs the admin or coordinator role");
    expect(h.text(await h.command("carlos", "pulse new", { conversation: "D-carlos" }))).toContain("Ask for the form in the channel");
  });
});
