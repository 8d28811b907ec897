/**
 * Every command and every button action, run by every role: allowed roles are not refused, the
 * others get the one refusal naming the roles that may. Generated from the command and action
 * registries, so a new command or action cannot skip it (actions need a sample payload below).
 */
import { describe, expect, it } from "vitest";
import { encodeAction } from "../../src/core/actions.ts";
import { features } from "../../src/features.ts";
import en from "../../prompts/messages/en.json" with { type: "json" };
import { createHarness, FAKE_WORKSPACE, type Harness } from "../fakes/harness.ts";
import type { Role } from "../../src/core/roles.ts";

const messages = en as Record<string, string>;
const people = { admin: "amina", coordinator: "carlos", lead: "lena", partner: "priya" } as const;
const ALL_ROLES_FOR_TESTS = Object.keys(people) as Role[];

/** A payload each action accepts (the registry's zod schema checks it before any role check). */
const samples: Record<string, unknown> = {
  "pulse.open": { round: "r-unknown" },
  "pulse.submit": { round: "r-unknown" },
  "pulse.reminders-off": {},
  "pulse.start-form": { channel: "C-PARTNERS" },
  "pulse.confirm": { partnership: "Nobody", audience: { channels: ["C-PARTNERS"], users: [] } },
  "respond.submit": { round: "r-unknown" },
  "rubric.open": { round: "r-unknown" },
  "rubric.submit": { round: "r-unknown" },
  "rubric.confirm": { partnership: "Nobody", audience: { channels: ["C-PARTNERS"], users: [] }, mode: "individual" },
  "review.done": { review: "v-unknown" },
  "review.snooze": { review: "v-unknown" },
  "action.done": { action: "a-unknown" },
};

async function harness(): Promise<Harness> {
  const h = await createHarness({ admins: [people.admin] });
  for (const role of ["coordinator", "lead", "partner"] as const) await h.app.store.members.setRole(FAKE_WORKSPACE, people[role], role);
  h.fake.rosters.set(
    "C-PARTNERS",
    ["p1", "p2", "p3", "p4", "p5", "p6"].map((userId) => ({ userId, reachable: true })),
  );
  return h;
}

const refusal = /needs the .+ role; yours is/;

describe("role matrix", () => {
  it("covers every action with a sample payload", () => {
    expect(Object.keys(samples).sort()).toEqual(features.actions.map((a) => a.name).sort());
  });

  for (const spec of features.commands) {
    it(`command ${spec.name}: ${spec.roles.join(", ")} may run it; others are refused with those roles named`, async () => {
      const h = await harness();
      try {
        // The command's own example, with mentions as the grammar receives them.
        const text = messages[`example.${spec.name}`]!.replace(/^\/reflect\s*/, "")
          .replace(/(^|[\s(])@(\w+)/g, "$1<@$2>")
          .replace(/#([\w-]+)/g, "<#$1>");
        for (const role of ALL_ROLES_FOR_TESTS) {
          const reply = h.text(await h.command(people[role], text, { conversation: "C-PARTNERS" }));
          if (spec.roles.includes(role)) expect(reply, `${role} runs ${spec.name}`).not.toMatch(refusal);
          else {
            expect(reply, `${role} runs ${spec.name}`).toMatch(refusal);
            expect(reply).toContain(`/reflect ${spec.name.replace(/\./g, " ")}`);
            expect(reply).toContain(`yours is ${role}`);
          }
        }
      } finally {
        await h.stop();
      }
    });
  }

  for (const spec of features.actions) {
    it(`action ${spec.name}: ${spec.roles.join(", ")} may press it; others are refused`, async () => {
      const h = await harness();
      try {
        const button = encodeAction(spec, samples[spec.name]);
        const delivery = { id: "m-none", workspaceId: FAKE_WORKSPACE, conversationId: "C-PARTNERS", audience: null, card: { summary: "", elements: [] }, versions: [] };
        for (const role of ALL_ROLES_FOR_TESTS) {
          const reply = h.text(await h.click(people[role], delivery, button.actionId, {}, button.value));
          if (spec.roles.includes(role)) expect(reply, `${role} presses ${spec.name}`).not.toMatch(refusal);
          else expect(reply, `${role} presses ${spec.name}`).toMatch(new RegExp(`needs the .+ role; yours is ${role}`));
        }
      } finally {
        await h.stop();
      }
    });
  }

  it("refuses a button whose payload does not validate, whatever the role (never trusted)", async () => {
    const h = await harness();
    try {
      const forged = `rubric.confirm:${JSON.stringify({ partnership: "X", audience: { channels: ["<!channel>"], users: [] }, mode: "everyone" })}`;
      const delivery = { id: "m-none", workspaceId: FAKE_WORKSPACE, conversationId: "C-PARTNERS", audience: null, card: { summary: "", elements: [] }, versions: [] };
      expect(h.text(await h.click(people.admin, delivery, forged))).toMatch(/not recognised|no longer/i);
      expect(await h.app.store.rounds.list(FAKE_WORKSPACE, { kind: "rubric" })).toEqual([]);
    } finally {
      await h.stop();
    }
  });
});
