/** Reading rubric definitions: localized labels, levels, the snapshot a round points at. */
import type { BotDeps } from "../core/context.ts";
import type { RubricDefinition } from "../core/prompts/schemas.ts";
import type { Round } from "../store/types.ts";
import { pick } from "../surveys/templates.ts";

export const DONT_KNOW = "dont-know";

export async function rubricSnapshotId(deps: BotDeps, rubric: RubricDefinition): Promise<string> {
  const snapshot = await deps.store.snapshots.ensure("rubric", rubric.id, rubric.version, rubric);
  if ("conflict" in snapshot) throw new Error(`rubric ${rubric.id} version ${rubric.version} conflicts with its stored snapshot`);
  return snapshot.id;
}

export async function rubricOf(deps: BotDeps, round: Round): Promise<RubricDefinition> {
  const snapshot = await deps.store.snapshots.get(round.snapshotId);
  if (!snapshot) throw new Error(`round ${round.id} has no rubric snapshot`);
  return snapshot.definition as RubricDefinition;
}

export const levelLabel = (rubric: RubricDefinition, key: string, locale: string): string => {
  const level = rubric.levels.find((l) => l.key === key);
  return level ? pick(level.label, locale) : key;
};
