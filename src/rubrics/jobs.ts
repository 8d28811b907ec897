/** rubric-rounds (every 5 minutes): closes rubric check-ins past their deadline and sends results. */
import type { JobDefinition } from "../jobs/types.ts";
import { closeRubricRound } from "./close.ts";

export const rubricRoundsJob: JobDefinition = {
  id: "rubric-rounds",
  cron: "*/5 * * * *",
  timezone: "UTC",
  catchUpMs: 60 * 60_000,
  description: "Close rubric check-ins past their deadline and send results",
  async handler({ slot, deps }) {
    let closed = 0;
    for (const round of await deps.store.rounds.due("open", slot)) {
      if (round.kind !== "rubric") continue;
      const workspace = await deps.store.workspaces.get(round.workspaceId);
      if (workspace && (await closeRubricRound(deps, workspace, round))) closed++;
    }
    return { closed };
  },
};
