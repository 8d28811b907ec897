import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buttonsOf, createHarness, FAKE_WORKSPACE, type Harness } from "../fakes/harness.ts";
import { answerPulse, fullAnswers } from "../fakes/pulse-flow.ts";

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

const answer = (user: string, values: Record<string, string>, round?: string) => answerPulse(h, user, values, round);

describe("pulses for a partnership, and the fatigue guard", () => {
  it("ties a pulse to a partnership, compares only with that partnership's rounds, and lists them in partner show", async () => {
    await h.command("carlos", 'partner add "Shanti Network"');
    await h.command("carlos", 'partner add "Tuungane Alliance"');
    h.fake.rosters.set(
      "C-OTHER",
      partners.map((userId) => ({ userId, reachable: true })),
    );
    const started = h.text(await h.command("carlos", 'pulse start for "Shanti Network"', { conversation: "C-PARTNERS" }));
    expect(started).toContain("Partner pulse for Shanti Network started");
    const [first] = await h.app.store.rounds.list(FAKE_WORKSPACE, { kind: "pulse", status: "open" });
    expect(first!.partnershipId).not.toBeNull();
    for (const p of partners.slice(0, 5)) await answer(p, fullAnswers(2), first!.id);
    h.clock.advance(49 * 3_600_000);
    await h.command("carlos", "pulse close");
    // Another partnership's round in between is not a baseline for Shanti.
    await h.command("carlos", 'pulse start for "Tuungane Alliance"', { conversation: "C-OTHER" });
    const [other] = await h.app.store.rounds.list(FAKE_WORKSPACE, { kind: "pulse", status: "open" });
    for (const p of partners.slice(0, 5)) await answer(p, fullAnswers(5), other!.id);
    h.clock.advance(49 * 3_600_000);
    await h.command("carlos", `pulse close ${other!.ref}`);
    h.clock.advance(31 * 86_400_000);
    await h.command("carlos", 'pulse start for "Shanti Network"', { conversation: "C-PARTNERS" });
    const [second] = await h.app.store.rounds.list(FAKE_WORKSPACE, { kind: "pulse", status: "open" });
    for (const p of partners.slice(0, 5)) await answer(p, fullAnswers(3), second!.id);
    h.clock.advance(49 * 3_600_000);
    const results = h.text(await h.command("carlos", `pulse close ${second!.ref}`));
    expect(results).toContain(`Changes are against round ${first!.ref}`);
    expect(results).toMatch(/\*3\.0\* \(↑ 1\.0\)/);
    const shown = h.text(await h.command("carlos", "partner show Shanti"));
    expect(shown).toContain(first!.ref);
    expect(shown).toContain(second!.ref);
    expect(shown).not.toContain(other!.ref);
  });

  it("asks before the same audience gets the same template again within the cadence; Start anyway or confirm goes ahead", async () => {
    await h.command("carlos", "pulse start partner-pulse", { conversation: "C-PARTNERS" });
    h.clock.advance(10 * 86_400_000);
    const warned = await h.command("carlos", "pulse start partner-pulse", { conversation: "C-PARTNERS" });
    expect(h.text(warned)).toMatch(/The same people got Partner pulse 10 days ago .* the pulse cadence is every 30 days/);
    expect(await h.app.store.rounds.list(FAKE_WORKSPACE, { kind: "pulse" })).toHaveLength(1);
    const anyway = buttonsOf(warned[0]!.card).find((b) => b.actionId.startsWith("pulse.confirm:"))!;
    expect(h.text(await h.click("carlos", warned[0]!, anyway.actionId))).toContain("Partner pulse started");
    expect(await h.app.store.rounds.list(FAKE_WORKSPACE, { kind: "pulse" })).toHaveLength(2);
    // Another audience is not held back; nor is anyone once the cadence is 0.
    h.fake.rosters.set(
      "C-OTHER",
      partners.map((userId) => ({ userId, reachable: true })),
    );
    expect(h.text(await h.command("carlos", "pulse start partner-pulse", { conversation: "C-OTHER" }))).toContain("started");
    await h.command("amina", "settings pulse-cadence 0");
    expect(h.text(await h.command("carlos", "pulse start partner-pulse", { conversation: "C-PARTNERS" }))).toContain("started");
    // A forged Start-anyway is checked like the command: an archived partnership is refused.
    await h.command("carlos", 'partner add "Old Partner"');
    await h.command("carlos", "partner archive Old Partner");
    const forged = `pulse.confirm:${JSON.stringify({ partnership: "Old Partner", audience: { channels: ["C-PARTNERS"], users: [] } })}`;
    expect(h.text(await h.click("carlos", warned[0]!, forged))).toContain("Old Partner is archived");
  });
});
