/**
 * Recording a partner's answers: checks that the round takes them from this person, then stores
 * them in the order anonymity needs (record.ts).
 */
import type { BotDeps } from "../core/context.ts";
import type { SurveyTemplate } from "../core/prompts/schemas.ts";
import type { AnswerInput, Round, Workspace } from "../store/types.ts";
import { personHash } from "./participation.ts";
import { recordAnonymously } from "./record.ts";
import { isEmailInvitee, segmentOf } from "./segments.ts";
import { NOT_APPLICABLE, questionsOf } from "./templates.ts";

export type SubmitOutcome = { ok: true } | { ok: false; reason: "closed" | "not_invited" | "already_answered" | "failed" };

const MAX_COMMENT = 1000;

/** Checks a submitted form against the round's questions; unknown fields and values are refused. */
export function parsePulseValues(
  round: Round,
  template: SurveyTemplate,
  values: Record<string, string>,
): { ok: true; answers: AnswerInput[]; comments: { itemKey: string; text: string }[] } | { ok: false; field: string; value: string } {
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
      else if (value === NOT_APPLICABLE && question.notApplicable) answers.push({ itemKey: key, value: null, level: NOT_APPLICABLE });
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
  organisation: string | null = null,
): Promise<SubmitOutcome> {
  const now = deps.clock.now();
  if (round.status !== "open" || round.closesAt <= now) return { ok: false, reason: "closed" };
  const secret = await deps.store.rounds.secret(round.id);
  if (!secret) return { ok: false, reason: "closed" };
  if (!(await deps.store.rounds.isInvited(round.id, userId))) return { ok: false, reason: "not_invited" };
  // In a round of a partnership the answer carries its side (and organisation, when large enough).
  const segment = segmentOf(round.segmentPlan, organisation, isEmailInvitee(userId));
  const recorded = await recordAnonymously(deps, round.id, personHash(secret, workspace.id, userId), { ...parsed, ...segment });
  if (recorded === "already") return { ok: false, reason: "already_answered" };
  return recorded === "failed" ? { ok: false, reason: "failed" } : { ok: true };
}
