/**
 * Comment retention (DESIGN.md §3 rule 8): free-text comments older than the workspace's
 * retention period are deleted; aggregates remain. Also trims bookkeeping that names people:
 * sent outbox rows after 30 days, processed event ids after 7 days.
 */
import { DateTime } from "luxon";
import type { JobDefinition } from "./types.ts";

export const retentionJob: JobDefinition = {
  id: "retention",
  cron: "0 3 * * *",
  timezone: "UTC",
  catchUpMs: 3 * 24 * 3_600_000,
  description: "Delete comments past the retention period and old delivery bookkeeping",
  async handler({ slot, deps }) {
    let comments = 0;
    for (const workspace of await deps.store.workspaces.list()) {
      const cutoff = DateTime.fromJSDate(slot, { zone: "UTC" }).minus({ months: workspace.retentionMonths }).startOf("day").toJSDate();
      comments += await deps.store.comments.deleteOlderThan(workspace.id, cutoff);
    }
    const outbox = await deps.store.outbox.pruneSent(new Date(slot.getTime() - 30 * 86_400_000));
    const events = await deps.store.events.prune(new Date(slot.getTime() - 7 * 86_400_000));
    return { commentsDeleted: comments, outboxPruned: outbox, eventsPruned: events };
  },
};
