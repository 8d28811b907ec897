/** Answering pulses the way a person would, through the fake platform (shared by pulse tests). */
import { roundOfAction } from "./actions.ts";
import type { Delivery } from "./fake-platform.ts";
import { buttonsOf, type Harness } from "./harness.ts";

/** The person's invitation in their DM (to the given round, or the first one). */
export function invitationOf(h: Harness, user: string, round?: string): Delivery {
  const d = h.fake
    .visibleTo(user)
    .find(
      (x) =>
        x.conversationId === `D-${user}` &&
        buttonsOf(x.versions[0]!).some((b) => b.actionId.startsWith("pulse.open:") && (round === undefined || roundOfAction(b.actionId) === round)),
    );
  if (!d) throw new Error(`no invitation for ${user}`);
  return d;
}

/** Opens the invitation and submits the values; the bot's reply text (or the form's text when it offered none). */
export async function answerPulse(h: Harness, user: string, values: Record<string, string>, round?: string): Promise<string> {
  const invitation = invitationOf(h, user, round);
  const open = buttonsOf(invitation.card).find((b) => b.actionId.startsWith("pulse.open:"))!;
  await h.click(user, invitation, open.actionId);
  const submit = buttonsOf(invitation.card).find((b) => b.actionId.startsWith("pulse.submit:"));
  if (!submit) return h.fake.textOf(invitation);
  const replies = await h.click(user, invitation, submit.actionId, values);
  return h.text(replies);
}

/** A typical set of answers around a base value. */
export const fullAnswers = (base: number, comment?: string) => ({
  "q:respect": String(base),
  "q:knowledge-exchange": String(base),
  "q:design-involvement": "skip",
  "q:fundraising": String(Math.max(1, base - 1)),
  ...(comment ? { "q:comment": comment } : {}),
});
