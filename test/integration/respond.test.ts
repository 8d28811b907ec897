/**
 * Results back to partners ("you said, we did"): after a round closes the coordinator writes what
 * was heard and what will be done; everyone the round was addressed to gets it with the gated
 * results; partners can ask for the results of rounds addressed to them and follow the promised
 * actions; the weekly summary lists responses still owed.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buttonsOf, createHarness, FAKE_WORKSPACE, type Harness } from "../fakes/harness.ts";
import type { Delivery } from "../fakes/fake-platform.ts";

let h: Harness;
const partners = ["p1", "p2", "p3", "p4", "p5", "p6"];

beforeEach(async () => {
  h = await createHarness({ admins: ["amina"], now: "2026-11-23T08:00:00Z" });
  await h.command("amina", "role <@carlos> coordinator");
  await h.command("amina", "role <@lena> lead");
  h.fake.rosters.set(
    "C-P",
    partners.map((userId) => ({ userId, reachable: true })),
  );
});
afterEach(async () => {
  await h.stop();
});

async function closedPulse(): Promise<string> {
  await h.command("carlos", "pulse start partner-pulse closes in 3d", { conversation: "C-P" });
  const [round] = await h.app.store.rounds.list(FAKE_WORKSPACE, { kind: "pulse" });
  for (const p of partners.slice(0, 5)) {
    const inv = h.fake.deliveries.find((d) => d.conversationId === `D-${p}`)!;
    await h.click(p, inv, `pulse:open:${round!.id}`);
    await h.click(p, inv, `pulse:submit:${round!.id}`, { "q:respect": "2", "q:design-involvement": "2", "q:comment": `transfers are slow ${p}` });
  }
  h.clock.advance(49 * 3_600_000);
  await h.command("carlos", "pulse close");
  return round!.ref;
}

const form = (deliveries: Delivery[]) => deliveries.find((d) => buttonsOf(d.card).some((b) => b.actionId.startsWith("respond.submit:")))!;
const submitOf = (d: Delivery) => buttonsOf(d.card).find((b) => b.actionId.startsWith("respond.submit:"))!.actionId;

describe("you said, we did", () => {
  it("sends the coordinator's response and the gated results to everyone addressed; partners follow the actions", async () => {
    const ref = await closedPulse();
    // Before a response, the weekly summary says one is owed.
    expect(h.text(await h.command("lena", "summary preview"))).toContain(`\`/reflect respond ${ref}\``);
    const opened = await h.command("carlos", `respond ${ref}`);
    const f = form(opened);
    expect(h.fake.textOf(f)).toContain("What we heard");
    const sent = await h.click("carlos", f, submitOf(f), {
      heard: "Transfers are too slow for your work.",
      doing: "We will cut approval steps from five to two by March.",
      actions: "- Cut approval steps to two\n- Share the new transfer calendar",
    });
    expect(h.text(sent)).toContain(`Response to round ${ref} sent to 6 people, with 2 actions recorded`);
    for (const p of partners) {
      const dm = h.fake.deliveries
        .filter((d) => d.conversationId === `D-${p}`)
        .map((d) => h.fake.textOf(d))
        .join("\n");
      expect(dm, p).toContain(`You said, we did: round ${ref}`);
      expect(dm).toContain("We will cut approval steps from five to two by March.");
      expect(dm).toContain("Cut approval steps to two");
      expect(dm).toContain("5 of 6 answered");
    }
    const actions = await h.app.store.actions.list(FAKE_WORKSPACE, { roundId: (await h.app.store.rounds.get(FAKE_WORKSPACE, ref))!.id });
    expect(actions.map((a) => a.text)).toEqual(["Cut approval steps to two", "Share the new transfer calendar"]);
    // A partner asks for the results later and sees how the actions are going.
    await h.command("carlos", `action done ${actions[0]!.ref}`);
    const later = h.text(await h.command("p6", "results"));
    expect(later).toContain("What we will do");
    expect(later).toMatch(/Cut approval steps to two · <@carlos> · done/);
    expect(later).toMatch(/Share the new transfer calendar · <@carlos> · open/);
    expect(later).toContain("Pulse results");
    // No longer owed.
    expect(h.text(await h.command("lena", "summary preview"))).not.toContain(`/reflect respond ${ref}`);
    expect(h.text(await h.command("carlos", `respond ${ref}`))).toContain("already has a response");
  });

  it("shows a partner only rounds addressed to them, and answers bad input without sending anything", async () => {
    const ref = await closedPulse();
    expect(h.text(await h.command("outsider", `results ${ref}`))).toContain(`There is no closed round "${ref}" that was addressed to you`);
    expect(h.text(await h.command("outsider", "results"))).toContain("No closed round addressed to you yet");
    expect(h.text(await h.command("p1", "results"))).toContain("The coordinators have not responded to this round yet");
    expect(h.text(await h.command("p1", `respond ${ref}`))).toContain("needs the admin or coordinator role");
    const f = form(await h.command("carlos", "respond"));
    const refused = h.text(await h.click("carlos", f, submitOf(f), { heard: "  ", doing: "Something" }));
    expect(refused).toContain('Both "What we heard" and "What we will do" are needed');
    expect(await h.app.store.roundResponses.get((await h.app.store.rounds.get(FAKE_WORKSPACE, ref))!.id)).toBeNull();
    expect(h.fake.deliveries.filter((d) => h.fake.textOf(d).includes("You said, we did"))).toEqual([]);
    // An open round cannot be responded to yet.
    await h.command("carlos", "pulse start partner-pulse confirm", { conversation: "C-P" });
    const [open] = await h.app.store.rounds.list(FAKE_WORKSPACE, { kind: "pulse", status: "open" });
    expect(h.text(await h.command("carlos", `respond ${open!.ref}`))).toContain("is still open");
  });
});
