import { card, text } from "../card.ts";
import type { HandlerContext } from "../context.ts";
import { errorCard } from "../replies.ts";
import { addMonths, showDate } from "../../reviews/dates.ts";
import { kindLabel } from "../../reviews/cards.ts";
import type { ReviewEvent } from "../../store/types.ts";
import type { CommandHandler } from "./types.ts";

/** Marks a review done with notes; a recurring one gets its next occurrence scheduled. */
export async function completeReview(ctx: HandlerContext, event: ReviewEvent, notes: string | null): Promise<void> {
  const { deps, t, member } = ctx;
  if (!(await deps.store.reviews.markDone(event.id, notes, deps.clock.now()))) {
    await ctx.reply(errorCard(t, t("review.already_done", { ref: event.ref })));
    return;
  }
  let next: ReviewEvent | null = null;
  if (event.everyMonths) {
    next = await deps.store.reviews.create(
      { workspaceId: event.workspaceId, partnershipId: event.partnershipId, kind: event.kind, label: event.label, dueDate: addMonths(event.dueDate, event.everyMonths), everyMonths: event.everyMonths, createdBy: member.userId },
      deps.clock.now(),
    );
  }
  await ctx.audit("review.done", event.id, { next: next?.id ?? null });
  const message = t("review.done", { kind: kindLabel(t, event), ref: event.ref });
  await ctx.reply(card(message, text(`:white_check_mark: ${message}`), next ? text(t("review.next_scheduled", { date: showDate(next.dueDate, t.locale), ref: next.ref })) : undefined));
}

export const reviewDone: CommandHandler<"review.done"> = async (ctx, command) => {
  const event = await ctx.deps.store.reviews.get(ctx.workspace.id, command.review);
  if (!event) {
    await ctx.reply(errorCard(ctx.t, ctx.t("review.unknown", { ref: command.review }), "review"));
    return;
  }
  await completeReview(ctx, event, command.notes ?? null);
};
