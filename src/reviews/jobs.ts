/**
 * review-reminders (every 15 minutes, so 09:00 local is hit in zones such as UTC+05:45): sends the
 * coordinator's review reminders and owners' action reminders that fall due, through the outbox
 * (dedupe keys make every reminder go once per event and offset, whatever the replicas).
 */
import type { JobDefinition } from "../jobs/types.ts";
import { todayIn } from "./dates.ts";
import { actionReminderCard, reviewReminderCard } from "./cards.ts";
import { dueReminder } from "./reminders.ts";
import { inLanguage } from "../core/card.ts";
import { speakerLanguages } from "../core/i18n.ts";

/** Reviews held with the partner: its focal point is reminded beside the INGO lead. */
const JOINT_KINDS = new Set(["annual-review", "joint-reflection", "partnership-meeting", "rubric-checkin"]);

export const reviewRemindersJob: JobDefinition = {
  id: "review-reminders",
  cron: "*/15 * * * *",
  timezone: "UTC",
  catchUpMs: 36 * 3_600_000,
  description: "Remind coordinators of reviews and renewals, and owners of agreed actions",
  async handler({ slot, deps }) {
    let reviews = 0;
    let actions = 0;
    for (const workspace of await deps.store.workspaces.list()) {
      const members = new Map((await deps.store.members.list(workspace.id)).map((m) => [m.userId, m]));
      const partnerships = new Map((await deps.store.partnerships.list(workspace.id, { includeArchived: true })).map((p) => [p.id, p]));
      for (const event of await deps.store.reviews.listOpen(workspace.id)) {
        // Portfolio-wide reviews (no partnership) go to whoever added them.
        const partnership = event.partnershipId === null ? null : partnerships.get(event.partnershipId);
        if (partnership === undefined || partnership?.archivedAt) continue;
        // A paused partnership gets no "rubric check-in due" nudges (CLARISSA: pause when trust is weak).
        if (event.kind === "rubric-checkin" && partnership?.pausedReason) continue;
        const lead = partnership?.leadUserId ?? event.createdBy;
        // A joint review is the partner's as much as ours: its focal point is reminded too.
        const focal = JOINT_KINDS.has(event.kind) && partnership?.focalUserId && partnership.focalUserId !== lead ? partnership.focalUserId : null;
        const offsets = event.kind === "agreement-renewal" ? workspace.renewalOffsets : workspace.reminderOffsets;
        for (const [to, suffix] of [
          [lead, ""],
          [focal, ":focal"],
        ] as const) {
          if (!to) continue;
          const member = members.get(to);
          const zone = member?.timezone ?? workspace.timezone;
          const reminder = dueReminder(event, offsets, zone, slot, { overdueFirstAfterDays: 1 });
          if (!reminder) continue;
          const t = deps.i18n.forLocale(...speakerLanguages(member), workspace.locale);
          const fresh = await deps.outbox.post({
            workspaceId: workspace.id,
            platform: workspace.platform,
            destination: { kind: "dm", userId: to },
            card: inLanguage(reviewReminderCard(t, event, partnership?.name ?? null, todayIn(slot, zone), { forFocalPoint: suffix !== "" }), t.locale),
            dedupeKey: `review:${reminder.key}${suffix}`,
          });
          if (fresh) reviews++;
        }
      }
      for (const action of await deps.store.actions.list(workspace.id, { status: "open" })) {
        const to = action.ownerUserId ?? action.createdBy;
        if (!action.dueDate || !to) continue;
        const member = members.get(to);
        const zone = member?.timezone ?? workspace.timezone;
        // Due-date reminder (offset 0), then weekly once overdue.
        const reminder = dueReminder({ ...action, dueDate: action.dueDate }, [0], zone, slot, { overdueFirstAfterDays: 7 });
        if (!reminder) continue;
        const t = deps.i18n.forLocale(...speakerLanguages(member), workspace.locale);
        const fresh = await deps.outbox.post({
          workspaceId: workspace.id,
          platform: workspace.platform,
          destination: { kind: "dm", userId: to },
          card: inLanguage(actionReminderCard(t, action, action.partnershipId ? (partnerships.get(action.partnershipId)?.name ?? null) : null, todayIn(slot, zone)), t.locale),
          dedupeKey: `action:${reminder.key}`,
        });
        if (fresh) actions++;
      }
    }
    return { reviews, actions };
  },
};
