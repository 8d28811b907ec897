/**
 * Rounds point at a snapshot of the template or rubric version they asked (recorded when a round
 * first uses it), so past results never change when a file is edited. Editing a file without
 * raising its version would silently rewrite what past rounds asked, so the start checks every
 * file against what rounds recorded, stops and says so.
 */
import { BotError } from "../errors.ts";
import type { Prompts } from "./load.ts";
import type { PromptSnapshotStore } from "../../store/types.ts";

export async function checkPromptVersions(store: PromptSnapshotStore, prompts: Prompts): Promise<void> {
  const items: ["survey" | "rubric", { id: string; version: number }][] = [
    ...[...prompts.surveys.values()].map((t) => ["survey", t] as ["survey", typeof t]),
    ...[...prompts.rubrics.values()].map((r) => ["rubric", r] as ["rubric", typeof r]),
  ];
  for (const [kind, def] of items) {
    if (!(await store.matches(kind, def.id, def.version, def))) {
      const file = prompts.sources.get(`${kind}:${def.id}`) ?? def.id;
      throw new BotError(
        "PROMPT_INVALID",
        `${file}: version: the content changed but version ${def.version} is already recorded for past rounds. ` +
          `Raise "version" to ${def.version + 1} so earlier results keep what they asked.`,
      );
    }
  }
}
