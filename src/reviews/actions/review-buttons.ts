/** Buttons on review reminders: mark the review done, or snooze it a week. */
import { z } from "zod";
import { defineAction } from "../../core/actions.ts";
import type { HandlerContext } from "../../core/context.ts";
import { errorCard } from "../../core/replies.ts";
import { COORDINATORS } from "../../core/roles.ts";
import type { ReviewEvent } from "../../store/types.ts";
import { completeReview, snoozeReview } from "../complete.ts";
import { addDays, todayIn } from "../dates.ts";

const payload = z.object({ review: z.string().min(1).max(64) });
const legacy = (prefix: string) => (id: string) => (id.startsWith(prefix) && id.length > prefix.length ? { review: id.slice(prefix.length) } : null);

async function openReview(ctx: HandlerContext, id: string): Promise<ReviewEvent | null> {
  const event = (await ctx.deps.store.reviews.listOpen(ctx.workspace.id)).find((e) => e.id === id);
  if (!event) await ctx.reply(errorCard(ctx, ctx.t("review.no_longer_open")));
  return event ?? null;
}

export const reviewDoneAction = defineAction({
  name: "review.done",
  roles: COORDINATORS,
  command: "review.done",
  payload,
  legacy: legacy("review:done:"),
  async handle(ctx, { review }) {
    const event = await openReview(ctx, review);
    if (event) await completeReview(ctx, event, null);
  },
});

export const reviewSnoozeAction = defineAction({
  name: "review.snooze",
  roles: COORDINATORS,
  command: "review.snooze",
  payload,
  legacy: legacy("review:snooze:"),
  async handle(ctx, { review }) {
    const event = await openReview(ctx, review);
    if (!event) return;
    const today = todayIn(ctx.deps.clock.now(), ctx.workspace.timezone);
    await snoozeReview(ctx, event, addDays(event.dueDate < today ? today : event.dueDate, 7));
  },
});
