/**
 * Recording a rubric submission. Individual rounds follow the pulse order (participation code,
 * then the anonymous ratings, then notes apart). Collective rounds take one rating per
 * organisation, attributed to it; the participation ledger keys the organisation, so two members
 * submitting at once cannot both succeed.
 */
import type { BotDeps } from "../core/context.ts";
import type { RubricDefinition } from "../core/prompts/schemas.ts";
import type { AnswerInput, Round, Workspace } from "../store/types.ts";
import { personHash } from "../surveys/participation.ts";
import { recordAnonymously } from "../surveys/record.ts";
import { isEmailInvitee, segmentOf } from "../surveys/segments.ts";
import { DONT_KNOW } from "./definitions.ts";

export type RubricParse =
  | { ok: true; answers: AnswerInput[]; notes: { itemKey: string; text: string }[] }
  | { ok: false; problem: "unknown_element"; element: string; known: string }
  | { ok: false; problem: "unknown_level"; element: string; level: string; known: string };

const MAX_NOTE = 500;

export function parseRubricValues(rubric: RubricDefinition, values: Record<string, string>): RubricParse {
  const elements = new Set(rubric.elements.map((e) => e.key));
  const levels = new Set(rubric.levels.map((l) => l.key));
  const answers: AnswerInput[] = [];
  const notes: { itemKey: string; text: string }[] = [];
  for (const [field, raw] of Object.entries(values)) {
    const [kind, element = ""] = field.split(":", 2) as [string, string?];
    if ((kind !== "e" && kind !== "n") || !elements.has(element)) {
      return { ok: false, problem: "unknown_element", element: field.slice(0, 60), known: [...elements].join(", ") };
    }
    const value = raw.trim();
    if (!value) continue;
    if (kind === "n") notes.push({ itemKey: element, text: value.slice(0, MAX_NOTE) });
    else if (value === DONT_KNOW) answers.push({ itemKey: element, level: null });
    else if (levels.has(value)) answers.push({ itemKey: element, level: value });
    else return { ok: false, problem: "unknown_level", element, level: value.slice(0, 40), known: [...levels, DONT_KNOW].join(", ") };
  }
  return { ok: true, answers, notes };
}

export type RubricSubmitOutcome =
  | { ok: true }
  | { ok: false; reason: "closed" | "not_invited" | "already_answered" | "no_organisation" | "failed" }
  | { ok: false; reason: "organisation_done"; organisation: string };

export async function submitRubric(
  deps: BotDeps,
  workspace: Workspace,
  round: Round,
  userId: string,
  organisation: string | null,
  parsed: { answers: AnswerInput[]; notes: { itemKey: string; text: string }[] },
): Promise<RubricSubmitOutcome> {
  const now = deps.clock.now();
  if (round.status !== "open" || round.closesAt <= now) return { ok: false, reason: "closed" };
  const secret = await deps.store.rounds.secret(round.id);
  if (!secret) return { ok: false, reason: "closed" };
  if (!(await deps.store.rounds.isInvited(round.id, userId))) return { ok: false, reason: "not_invited" };
  const collective = round.mode === "collective";
  if (collective && !organisation) return { ok: false, reason: "no_organisation" };
  const hash = collective ? personHash(secret, workspace.id, `org:${organisation!.toLowerCase()}`) : personHash(secret, workspace.id, userId);
  // An individual rating of a partnership round carries its group (side, and organisation when
  // large enough), fixed by the round's plan; a collective one is attributed to its organisation.
  const segment = collective ? { side: null, organisation } : segmentOf(round.segmentPlan, organisation, isEmailInvitee(userId));
  const recorded = await recordAnonymously(deps, round.id, hash, {
    organisation: segment.organisation,
    side: segment.side,
    attributed: collective,
    answers: parsed.answers,
    comments: parsed.notes,
  });
  if (recorded === "already") return collective ? { ok: false, reason: "organisation_done", organisation: organisation! } : { ok: false, reason: "already_answered" };
  return recorded === "failed" ? { ok: false, reason: "failed" } : { ok: true };
}
