/**
 * The one order in which an answer is stored (DESIGN.md §3 rule 2), for pulses and check-ins
 * alike: the participation code in its own transaction (it also refuses a second answer), then the
 * anonymous submission and its answers in another, then each comment on its own, unlinked. If the
 * submission fails, the participation is taken back so the person can try again. Nothing is logged
 * on success: a log line would remember the moment someone answered.
 */
import type { BotDeps } from "../core/context.ts";
import { dayOf } from "../core/dates.ts";
import type { AnswerInput } from "../store/types.ts";

export type RecordOutcome = "recorded" | "already" | "failed";

export async function recordAnonymously(
  deps: BotDeps,
  roundId: string,
  personHash: string,
  input: {
    /** The organisation the answer is recorded under (collective: attributed; individual: its group). */
    organisation?: string | null;
    /** The side of a partnership round the answer is recorded under (segments.ts). */
    side?: "host" | "partner" | null;
    /** Collective rounds attribute comments to the organisation too; individual ones never do. */
    attributed?: boolean;
    answers: AnswerInput[];
    comments: { itemKey: string; text: string }[];
  },
): Promise<RecordOutcome> {
  if (!(await deps.store.responses.recordParticipation(roundId, personHash))) return "already";
  const submittedOn = dayOf(deps.clock.now());
  const organisation = input.organisation ?? null;
  const commentOrganisation = input.attributed ? organisation : null;
  try {
    await deps.store.responses.submit(roundId, { organisation, side: input.side ?? null, submittedOn, answers: input.answers });
  } catch (error) {
    // Nothing was stored; let the person try again.
    await deps.store.responses.removeParticipation(roundId, personHash);
    deps.logger.error("submission failed", { error });
    return "failed";
  }
  for (const c of input.comments) await deps.store.responses.addComment(roundId, { itemKey: c.itemKey, text: c.text, organisation: commentOrganisation, submittedOn });
  return "recorded";
}
