/**
 * The anonymity review's attacks by people with the chat only: a coordinator watching counts,
 * closing early or surrounding a partner with colleagues; an admin lowering the threshold. Each
 * failed against the code before the protections of DESIGN.md §3 rules 11–12 were built.
 */
import { describe, expect, it } from "vitest";
import { HOUR, PARTNERS, useAttackKit, type AttackEnv } from "./attack-kit.ts";
import { FAKE_WORKSPACE } from "../fakes/harness.ts";

export function defineChatAttacks(label: string, env: AttackEnv): void {
  describe(`anonymity against a coordinator or admin in chat (${label})`, () => {
    const kit = useAttackKit(env);
    const { setup, invitationOf, openRound, answer } = kit;
    it("lowering the threshold after close does not reveal a round answered under a higher one", async () => {
      await setup("lowered", 6);
      await kit.h.command("carlos", "pulse start partner-pulse closes in 3d", { conversation: "C-PARTNERS" });
      const id = await openRound("pulse");
      for (const i of [0, 1, 2, 3]) await answer(i, id);
      kit.h.clock.advance(49 * HOUR);
      await kit.h.command("carlos", "pulse close");
      const reply = kit.h.text(await kit.h.command("amina", "settings threshold 3"));
      expect(reply).toMatch(/later rounds only|rounds started from now on/i);
      const results = kit.h.text(await kit.h.command("carlos", `pulse results ${id}`));
      expect(results).toContain("Results stay hidden");
      expect(results).not.toMatch(/By question|By quality/);
      // The weekly summary applies the same rule.
      const preview = kit.h.text(await kit.h.command("carlos", "summary preview"));
      expect(preview).not.toMatch(/Respect[^\n]*\d\.\d/);
    });

    it("colluding colleagues: a named audience must be at least twice the threshold, and invitees are told how many were invited", async () => {
      await setup("colleagues", 6);
      await kit.h.command("amina", "settings threshold 3");
      await kit.h.command("amina", "role <@lead1> lead");
      const refused = kit.h.text(await kit.h.command("carlos", `pulse start partner-pulse to <@${PARTNERS[0]!.id}> <@lead1> <@amina>`, { conversation: "C-PARTNERS" }));
      expect(refused).toMatch(/at least 6 people/);
      expect(await kit.h.app.store.rounds.list(FAKE_WORKSPACE, { kind: "pulse" })).toEqual([]);
      const named = PARTNERS.slice(0, 6)
        .map((p) => `<@${p.id}>`)
        .join(" ");
      await kit.h.command("carlos", `pulse start partner-pulse to ${named}`, { conversation: "C-PARTNERS" });
      const invitation = kit.h.fake.textOf(invitationOf(PARTNERS[0]!.id));
      expect(invitation).toMatch(/one of 6 people invited/);
      expect(invitation).toMatch(/named one by one/);
      await kit.h.command("carlos", "pulse start quick-pulse closes in 3d", { conversation: "C-PARTNERS" });
      expect(kit.h.fake.textOf(invitationOf(PARTNERS[1]!.id, "Quick pulse"))).toMatch(/one of 6 people invited: the members of <#C-PARTNERS>/);
    });

    it("watching counts: status does not tick when someone answers; it is refreshed once a day", async () => {
      await setup("counts", 6);
      await kit.h.command("carlos", "pulse start partner-pulse closes in 3d", { conversation: "C-PARTNERS" });
      const id = await openRound("pulse");
      const status = async () => kit.h.text(await kit.h.command("carlos", "pulse status"));
      const first = await status();
      expect(first).toMatch(/not yet enough answers/i);
      for (const i of [0, 1, 2, 3, 4]) {
        kit.h.clock.advance(20 * 60_000);
        await answer(i, id);
        expect(await status(), `after answer ${i}`).toBe(first);
      }
      // The next day the count of yesterday's answers is shown, and only then.
      kit.h.clock.set("2026-11-24T00:05:00Z");
      const nextDay = await status();
      expect(nextDay).toMatch(/enough answers to show results/i);
      expect(nextDay).toContain("5 of 6");
      await answer(5, id);
      expect(await status()).toBe(nextDay);
      // Leads see no count at all.
      await kit.h.command("amina", "role <@lead1> lead");
      expect(kit.h.text(await kit.h.command("lead1", `pulse results ${id}`))).not.toMatch(/\d of 6/);
    });

    it("early close: the coordinator cannot close at a chosen moment before the minimum open time", async () => {
      await setup("early", 6);
      const tooShort = kit.h.text(await kit.h.command("carlos", "pulse start partner-pulse closes in 2h", { conversation: "C-PARTNERS" }));
      expect(tooShort).toMatch(/at least 48 hours/);
      await kit.h.command("carlos", "pulse start partner-pulse closes in 3d", { conversation: "C-PARTNERS" });
      const id = await openRound("pulse");
      for (const i of [0, 1, 2, 3, 4]) await answer(i, id);
      kit.h.clock.advance(HOUR);
      const refused = kit.h.text(await kit.h.command("carlos", "pulse close"));
      expect(refused).toMatch(/cannot be closed before/);
      expect(refused).toMatch(/anonymity/i);
      expect((await kit.h.app.store.rounds.byId(id))!.status).toBe("open");
      // Once everyone invited has answered, there is no group left to isolate; the check uses the
      // daily count, so a retried close cannot tell the minute the last person answered.
      await answer(5, id);
      expect(kit.h.text(await kit.h.command("carlos", "pulse close"))).toMatch(/cannot be closed before/);
      kit.h.clock.set("2026-11-24T00:30:00Z");
      expect(kit.h.text(await kit.h.command("carlos", "pulse close"))).toContain("is closed");
      // The same rule holds for rubric check-ins.
      await kit.h.command("carlos", 'partner add "Shanti Network"');
      await kit.h.command("carlos", "rubric start for Shanti closes in 5d", { conversation: "C-PARTNERS" });
      expect(kit.h.text(await kit.h.command("carlos", "rubric close Shanti"))).toMatch(/cannot be closed before/);
    });

    it("comments: a single comment never stands alone, even above the comment threshold", async () => {
      await setup("single-comment", 6);
      await kit.h.command("carlos", "pulse start partner-pulse closes in 3d", { conversation: "C-PARTNERS" });
      const id = await openRound("pulse");
      for (const i of [0, 1, 2, 3, 4, 5]) await answer(i, id, { "q:comment": i === 2 ? "the only comment, easy to recognise" : "" });
      kit.h.clock.advance(49 * HOUR);
      await kit.h.command("carlos", "pulse close");
      const results = kit.h.text(await kit.h.command("carlos", `pulse results ${id}`));
      expect(results).toContain("6 of 6 answered");
      expect(results).not.toContain("the only comment");
      expect(results).toMatch(/fewer than 2 people wrote/);
    });
  });
}
