/** Completing and snoozing reviews and agreed actions: shared by the commands and the reminder buttons. */
import { card, text } from "../core/card.ts";
import type { HandlerContext } from "../core/context.ts";
import { errorCard } from "../core/replies.ts";
import type { AgreedAction, IsoDate, ReviewEvent } from "../store/types.ts";
import { kindLabel } from "./cards.ts";
import { addMonths, showDate } from "./dates.ts";

/** Marks a review done with notes; a recurring one gets its next occurrence scheduled. */
export async function completeReview(ctx: HandlerContext, event: ReviewEvent, notes: string | null): Promise<void> {
  const { deps, t, member } = ctx;
  if (!(await deps.store.reviews.markDone(event.id, notes, deps.clock.now()))) {
    await ctx.reply(errorCard(ctx, t("review.already_done", { ref: event.ref })));
    return;
  }
  let next: ReviewEvent | null = null;
  if (event.everyMonths) {
    next = await deps.store.reviews.create(
      {
        workspaceId: event.workspaceId,
        partnershipId: event.partnershipId,
        kind: event.kind,
        label: event.label,
        dueDate: addMonths(event.dueDate, event.everyMonths),
        everyMonths: event.everyMonths,
        createdBy: member.userId,
      },
      deps.clock.now(),
    );
  }
  await ctx.audit("review.done", event.id, { next: next?.id ?? null });
  const message = t("review.done", { kind: kindLabel(t, event), ref: event.ref });
  await ctx.reply(
    card(message, text(`:white_check_mark: ${message}`), next ? text(t("review.next_scheduled", { date: showDate(next.dueDate, t.locale), ref: next.ref })) : undefined),
  );
}

/** Moves an open review to a later date; its reminders start again for the new date. */
export async function snoozeReview(ctx: HandlerContext, event: ReviewEvent, until: IsoDate): Promise<void> {
  const { deps, t } = ctx;
  if (event.status !== "open") {
    await ctx.reply(errorCard(ctx, t("review.already_done", { ref: event.ref })));
    return;
  }
  await deps.store.reviews.setDueDate(event.id, until);
  await ctx.audit("review.snooze", event.id, { from: event.dueDate, to: until });
  const message = t("review.snoozed", { kind: kindLabel(t, event), ref: event.ref, date: showDate(until, t.locale) });
  await ctx.reply(card(message, text(message)));
}

/** Owners close their own actions; coordinators and admins close any. */
export async function completeAction(ctx: HandlerContext, action: AgreedAction): Promise<void> {
  const { deps, t, member } = ctx;
  const mayClose = action.ownerUserId === member.userId || action.createdBy === member.userId || member.role === "admin" || member.role === "coordinator";
  if (!mayClose) {
    await ctx.reply(errorCard(ctx, t("action.not_yours", { ref: action.ref })));
    return;
  }
  if (!(await deps.store.actions.markDone(action.id, deps.clock.now()))) {
    await ctx.reply(errorCard(ctx, t("action.already_done", { ref: action.ref })));
    return;
  }
  await ctx.audit("action.done", action.id);
  const message = t("action.completed", { text: action.text, ref: action.ref });
  await ctx.reply(card(message, text(`:white_check_mark: ${message}`)));
}
