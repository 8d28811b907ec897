/**
 * Two perspectives on one partnership: the host (INGO) staff and the partner organisations'
 * staff answer the same pulse and check-in; results show each side (and each organisation's
 * compiled view) only when it is large enough, and no withheld side can be worked out from what
 * is shown, in the chat results or the CSV export.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { roundOfAction } from "../fakes/actions.ts";
import { buttonsOf, createHarness, FAKE_WORKSPACE, type Harness } from "../fakes/harness.ts";

let h: Harness;
const host = ["h1", "h2", "h3", "h4", "h5"];
const shanti = ["s1", "s2", "s3", "s4", "s5", "s6"];
const tuungane = ["t1", "t2"];

beforeEach(async () => {
  h = await createHarness({ admins: ["amina"], now: "2026-11-23T08:00:00Z" });
  await h.command("amina", "role <@carlos> coordinator");
  await h.command("amina", "settings auto-schedule off");
  await h.command("carlos", 'partner add "Shanti Network"');
  await h.command("carlos", 'partner orgs "Shanti Network" add "Alert" host');
  await h.command("carlos", 'partner orgs "Shanti Network" add "Shanti Network"');
  await h.command("carlos", 'partner orgs "Shanti Network" add "Tuungane Alliance"');
  for (const u of host) await h.command("carlos", `organisation <@${u}> Alert`);
  for (const u of shanti) await h.command("carlos", `organisation <@${u}> Shanti Network`);
  for (const u of tuungane) await h.command("carlos", `organisation <@${u}> Tuungane Alliance`);
});
afterEach(async () => {
  await h.stop();
});

const everyone = (people: string[]) =>
  h.fake.rosters.set(
    "C-JOINT",
    people.map((userId) => ({ userId, reachable: true })),
  );

async function answerPulse(user: string, respect: number, longTerm = respect): Promise<void> {
  const invitation = h.fake.deliveries.filter((d) => d.conversationId === `D-${user}` && buttonsOf(d.versions[0]!).some((b) => b.actionId.startsWith("pulse.open:"))).at(-1)!;
  const round = roundOfAction(buttonsOf(invitation.versions[0]!).find((b) => b.actionId.startsWith("pulse.open:"))!.actionId);
  await h.click(user, invitation, `pulse:open:${round}`);
  await h.click(user, invitation, `pulse:submit:${round}`, { "q:respect": String(respect), "q:long-term": String(longTerm) });
}

async function closePulse(): Promise<{ results: string; csv: string }> {
  h.clock.advance(49 * 3_600_000);
  const results = h.text(await h.command("carlos", "pulse close"));
  const csv = h.text(await h.command("carlos", "pulse export"));
  return { results, csv };
}

describe("pulse sides", () => {
  it("shows the host and the partners side by side with the gap when both sides answered enough", async () => {
    everyone([...host, ...shanti, ...tuungane]);
    const started = h.text(await h.command("carlos", 'pulse start for "Shanti Network"', { conversation: "C-JOINT" }));
    expect(started).toContain("for Shanti Network started");
    const [round] = await h.app.store.rounds.list(FAKE_WORKSPACE, { kind: "pulse", status: "open" });
    // Recorded: both sides; by name only organisations with at least the threshold invited.
    expect(round!.segmentPlan).toMatchObject({ sides: ["host", "partner"], named: expect.arrayContaining(["Alert", "Shanti Network"]) });
    expect(round!.segmentPlan!.named).not.toContain("Tuungane Alliance");
    // The invitation says which groups a person's answers count in.
    const inv = h.fake.deliveries.find((d) => d.conversationId === "D-t1")!;
    expect(h.fake.textOf(inv)).toContain("Your answers also count in the figures of the partner organisations");
    for (const u of host) await answerPulse(u, 2);
    for (const u of [...shanti, ...tuungane]) await answerPulse(u, 4);
    // A small organisation's answers carry only their side, never its name.
    const rows = await h.app.store.rawQuery<{ organisation: string | null; side: string | null }>("SELECT organisation, side FROM submissions WHERE round_id = $1", round!.id);
    expect(rows.filter((r) => r.organisation === "Tuungane Alliance")).toEqual([]);
    expect(rows.filter((r) => r.side === "partner")).toHaveLength(8);
    const { results, csv } = await closePulse();
    expect(results).toContain("Two perspectives");
    expect(results).toMatch(/1\. Host \*2\.0\* · Partners \*4\.0\* · gap \+2\.0/);
    expect(csv).toMatch(/side,respect,.*,host,,,2,/);
    expect(csv).toMatch(/side,respect,.*,partner,,,4,/);
    // Organisations are locked while such a round is open (checked before close above).
  });

  it("withholds a side that answered too little, and the other side with it, so neither can be worked out", async () => {
    everyone([...host, ...shanti, ...tuungane]);
    await h.command("carlos", 'pulse start for "Shanti Network"', { conversation: "C-JOINT" });
    // While open, nobody moves between organisations.
    expect(h.text(await h.command("carlos", "organisation <@h1> Shanti Network"))).toContain("cannot change while a round they are invited to is open");
    for (const u of host.slice(0, 4)) await answerPulse(u, 1);
    for (const u of [...shanti, ...tuungane]) await answerPulse(u, 5);
    const { results, csv } = await closePulse();
    expect(results).toContain("Not shown: Host, Partners");
    expect(results).not.toMatch(/Host \*\d/);
    expect(results).not.toMatch(/Partners \*\d/);
    expect(csv).not.toMatch(/^side,/m);
    // The totals are shown (12 answers); with both sides withheld nothing splits them.
    expect(results).toContain("12 of 13 answered");
  });

  it("records no side below the threshold of invitees, and then shows no side at all when the rest could reveal it", async () => {
    everyone([...host.slice(0, 3), ...shanti, ...tuungane]);
    await h.command("carlos", 'pulse start for "Shanti Network"', { conversation: "C-JOINT" });
    const [round] = await h.app.store.rounds.list(FAKE_WORKSPACE, { kind: "pulse", status: "open" });
    expect(round!.segmentPlan!.sides).toEqual(["partner"]);
    expect(h.fake.textOf(h.fake.deliveries.find((d) => d.conversationId === "D-h1")!)).not.toContain("count in the figures");
    for (const u of host.slice(0, 3)) await answerPulse(u, 1);
    for (const u of [...shanti, ...tuungane]) await answerPulse(u, 5);
    const rows = await h.app.store.rawQuery<{ side: string | null }>("SELECT side FROM submissions WHERE round_id = $1", round!.id);
    expect(rows.filter((r) => r.side === "host")).toEqual([]);
    const { results, csv } = await closePulse();
    // Total minus partners would be the three host staff's answers: the partners are withheld.
    expect(results).not.toMatch(/Partners \*\d/);
    expect(results).toContain("Not shown: Partners");
    expect(csv).not.toMatch(/^side,/m);
  });
});

describe("rubric: each organisation's view", () => {
  async function rate(user: string, communications: string): Promise<void> {
    const invitation = h.fake.deliveries.filter((d) => d.conversationId === `D-${user}` && buttonsOf(d.versions[0]!).some((b) => b.actionId.startsWith("rubric.open:"))).at(-1)!;
    const round = roundOfAction(buttonsOf(invitation.versions[0]!)[0]!.actionId);
    await h.click(user, invitation, `rubric:open:${round}`);
    await h.click(user, invitation, `rubric:submit:${round}`, { "e:communications": communications, "e:team-identity": "emerging" });
  }

  async function checkIn(people: string[]): Promise<string> {
    everyone(people);
    await h.command("carlos", 'rubric start for "Shanti Network" confirm', { conversation: "C-JOINT" });
    for (const u of people) await rate(u, host.includes(u) ? "well-functioning" : shanti.includes(u) ? "needs-help" : "emerging");
    h.clock.advance(8 * 86_400_000);
    await h.command("carlos", 'rubric close "Shanti Network"');
    return h.text(await h.command("carlos", 'rubric results "Shanti Network"'));
  }

  it("compiles each large enough organisation's consensus and names the elements they see differently", async () => {
    const text = await checkIn([...host, ...shanti]);
    expect(text).toContain("Each organisation's view");
    expect(text).toMatch(/\*Alert\*: Communications Well-functioning · Team identity Emerging/);
    expect(text).toMatch(/\*Shanti Network\*: Communications Needs help · Team identity Emerging/);
    expect(text).toMatch(/Where the organisations see it differently[^\n]*\n• \*Communications\*: Alert Well-functioning · Shanti Network Needs help/);
  });

  it("withholds an organisation's view when the small group left over could otherwise be worked out, and never names a small organisation", async () => {
    // Alert 5, Shanti 6 and two people of Tuungane: showing both large views would let the
    // total minus them reveal the two; the smaller large view is withheld too.
    const text = await checkIn([...host, ...shanti, ...tuungane]);
    expect(text).toContain("Alert: not shown");
    expect(text).not.toMatch(/\*Alert\*:/);
    expect(text).not.toContain("Where the organisations see it differently");
    expect(text).not.toContain("Tuungane");
  });
});
