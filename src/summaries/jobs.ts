/**
 * weekly-summary (every 15 minutes): posts each subscribed channel's summary at its weekday and
 * local time. Once per channel per week across replicas and restarts: the job-run ledger runs each
 * slot once, and the outbox key (subscription + scheduled date) sends each week's post once; a
 * slot missed while the bot was down is caught up within 36 hours.
 */
import { DateTime } from "luxon";
import type { JobDefinition } from "../jobs/types.ts";
import type { SummarySubscription } from "../store/types.ts";
import { buildSummary } from "./build.ts";
import { renderSummary } from "./card.ts";
import { inLanguage } from "../core/card.ts";
import { channelTranslator } from "../core/context.ts";

const SUMMARY_GRACE_MS = 36 * 3_600_000;

/** The latest scheduled time of a subscription at or before `at`. */
export function lastScheduled(sub: Pick<SummarySubscription, "weekday" | "localTime">, zone: string, at: Date): Date {
  const [hour, minute] = sub.localTime.split(":").map(Number) as [number, number];
  let d = DateTime.fromJSDate(at, { zone }).set({ hour, minute, second: 0, millisecond: 0 });
  d = d.plus({ days: (sub.weekday - d.weekday + 7) % 7 });
  if (d.toJSDate() > at) d = d.minus({ weeks: 1 });
  return d.toJSDate();
}

export const weeklySummaryJob: JobDefinition = {
  id: "weekly-summary",
  cron: "*/15 * * * *",
  timezone: "UTC",
  catchUpMs: SUMMARY_GRACE_MS,
  description: "Post the weekly summary into each subscribed channel at its day and local time",
  async handler({ slot, deps }) {
    let posted = 0;
    for (const sub of await deps.store.summaries.list()) {
      const workspace = await deps.store.workspaces.get(sub.workspaceId);
      if (!workspace) continue;
      const scheduled = lastScheduled(sub, workspace.timezone, slot);
      if (scheduled.getTime() <= slot.getTime() - SUMMARY_GRACE_MS) continue;
      const dedupeKey = `summary:${sub.id}:${DateTime.fromJSDate(scheduled, { zone: workspace.timezone }).toISODate()}`;
      if (await deps.store.outbox.get(dedupeKey)) continue;
      const t = await channelTranslator(deps, workspace, sub.channelId);
      const card = await renderSummary(t, await buildSummary(deps, workspace, scheduled, t.locale));
      if (!card) continue; // a quiet week, and the workspace skips quiet weeks
      const fresh = await deps.outbox.post({
        workspaceId: workspace.id,
        platform: workspace.platform,
        destination: { kind: "conversation", conversationId: sub.channelId },
        card: inLanguage(card, t.locale),
        dedupeKey,
      });
      if (fresh) posted++;
    }
    return { posted };
  },
};
