/**
 * Comment retention (DESIGN.md §3 rule 8): free-text comments older than the workspace's
 * retention period are deleted; aggregates remain. Also trims bookkeeping: sent outbox rows after
 * 30 days, processed event hashes after two days (platforms retry within minutes), and compacts
 * the tables closes delete from, in case a close could not (DESIGN.md §3 rule 10). Deletes the
 * data of workspaces whose grace period after an uninstall or a delete request has ended.
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
    // Workspaces uninstalled (or whose deletion an admin asked for) past their grace period.
    let workspacesDeleted = 0;
    for (const workspace of await deps.store.workspaces.dueForDeletion(slot)) {
      await deps.store.workspaces.purge(workspace.id);
      deps.logger.info("workspace deleted after its grace period", { workspace: workspace.id, reason: workspace.deletion?.reason });
      workspacesDeleted++;
    }
    const outbox = await deps.store.outbox.pruneSent(new Date(slot.getTime() - 30 * 86_400_000));
    const events = await deps.store.events.prune(new Date(slot.getTime() - 2 * 86_400_000));
    let compacted = true;
    await deps.store.compactClosedRounds().catch((error) => {
      compacted = false;
      deps.logger.warn("nightly compaction deferred", { error });
    });
    return { commentsDeleted: comments, outboxPruned: outbox, eventsPruned: events, workspacesDeleted, compacted: compacted ? 1 : 0 };
  },
};
