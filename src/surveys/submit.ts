/**
 * Recording a partner's answers. Order matters for anonymity (DESIGN.md §3 rule 2): first the
 * participation code in its own transaction (which also enforces one answer per person), then the
 * anonymous submission in another, then any comment on its own with no link to the submission.
 */
import type { BotDeps } from "../core/context.ts";
import { dayOf } from "../core/dates.ts";
import type { SurveyTemplate } from "../core/prompts/schemas.ts";
import type { AnswerInput, Round, Workspace } from "../store/types.ts";
import { personHash } from "./participation.ts";
import { questionsOf } from "./templates.ts";

export type SubmitOutcome = { ok: true } | { ok: false; reason: "closed" | "not_invited" | "already_answered" | "failed" };

export const MAX_COMMENT = 1000;

/** Checks a submitted form against the round's questions; unknown fields and values are refused. */
export function parsePulseValues(round: Round, template: SurveyTemplate, values: Record<string, string>):
  | { ok: true; answers: AnswerInput[]; comments: { itemKey: string; text: string }[] }
  | { ok: false; field: string; value: string } {
  const questions = new Map(questionsOf(template, round.questionKeys).map((q) => [q.key, q]));
  const answers: AnswerInput[] = [];
  const comments: { itemKey: string; text: string }[] = [];
  for (const [field, raw] of Object.entries(values)) {
    const key = field.startsWith("q:") ? field.slice(2) : "";
    const question = questions.get(key);
    if (!question) return { ok: false, field, value: raw.slice(0, 40) };
    const value = raw.trim();
    if (value === "") continue; // skipped
    if (question.type === "scale") {
      if (value === "skip") answers.push({ itemKey: key, value: null });
      else if (/^[1-5]$/.test(value)) answers.push({ itemKey: key, value: Number(value) });
      else return { ok: false, field, value: value.slice(0, 40) };
    } else {
      comments.push({ itemKey: key, text: value.slice(0, MAX_COMMENT) });
    }
  }
  return { ok: true, answers, comments };
}

export async function submitPulse(
  deps: BotDeps,
  workspace: Workspace,
  round: Round,
  userId: string,
  parsed: { answers: AnswerInput[]; comments: { itemKey: string; text: string }[] },
): Promise<SubmitOutcome> {
  const now = deps.clock.now();
  if (round.status !== "open" || round.closesAt <= now) return { ok: false, reason: "closed" };
  const secret = await deps.store.rounds.secret(round.id);
  if (!secret) return { ok: false, reason: "closed" };
  if (!(await deps.store.rounds.isInvited(round.id, userId))) return { ok: false, reason: "not_invited" };
  const hash = personHash(secret, workspace.id, userId);
  if (!(await deps.store.responses.recordParticipation(round.id, hash))) return { ok: false, reason: "already_answered" };
  const submittedOn = dayOf(now);
  try {
    await deps.store.responses.submit(round.id, { submittedOn, answers: parsed.answers });
  } catch (error) {
    // Nothing was stored; let the person try again.
    await deps.store.responses.removeParticipation(round.id, hash);
    deps.logger.error("pulse submission failed", { round: round.id, error });
    return { ok: false, reason: "failed" };
  }
  for (const c of parsed.comments) {
    await deps.store.responses.addComment(round.id, { itemKey: c.itemKey, text: c.text, submittedOn });
  }
  deps.logger.info("pulse submission recorded", { round: round.id });
  return { ok: true };
}
