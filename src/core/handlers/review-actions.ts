/** Buttons on reminders: `review:done:<id>`, `review:snooze:<id>` (one week), `action:done:<id>`. */
import { addDays, todayIn } from "../../reviews/dates.ts";
import { errorCard } from "../replies.ts";
import { completeReview } from "./review-done.ts";
import { snoozeReview } from "./review-snooze.ts";
import { completeAction } from "./action-done.ts";
import type { ActionHandler } from "./types.ts";

const coordinatorRoles = ["admin", "coordinator"];

export const reviewButtons: ActionHandler = async (ctx, action) => {
  const [, verb, id] = action.actionId.split(":");
  if (!coordinatorRoles.includes(ctx.member.role)) {
    await ctx.reply(errorCard(ctx.t, ctx.t("review.buttons_need_role")));
    return;
  }
  const event = (await ctx.deps.store.reviews.listOpen(ctx.workspace.id)).find((e) => e.id === id);
  if (!event) {
    await ctx.reply(errorCard(ctx.t, ctx.t("review.no_longer_open")));
    return;
  }
  if (verb === "done") await completeReview(ctx, event, null);
  else if (verb === "snooze") await snoozeReview(ctx, event, addDays(event.dueDate < todayOf(ctx) ? todayOf(ctx) : event.dueDate, 7));
};

const todayOf = (ctx: Parameters<ActionHandler>[0]) => todayIn(ctx.deps.clock.now(), ctx.workspace.timezone);

export const actionButtons: ActionHandler = async (ctx, action) => {
  const [, verb, id] = action.actionId.split(":");
  const found = (await ctx.deps.store.actions.list(ctx.workspace.id, { status: "open" })).find((a) => a.id === id);
  if (!found || verb !== "done") {
    await ctx.reply(errorCard(ctx.t, ctx.t("action.no_longer_open")));
    return;
  }
  await completeAction(ctx, found);
};
