import { card, text } from "../card.ts";
import type { HandlerContext } from "../context.ts";
import { errorCard } from "../replies.ts";
import { addDays, parseUserDate, showDate, todayIn } from "../../reviews/dates.ts";
import { kindLabel } from "../../reviews/cards.ts";
import type { IsoDate, ReviewEvent } from "../../store/types.ts";
import type { CommandHandler } from "./types.ts";

/** Moves an open review to a later date; its reminders start again for the new date. */
export async function snoozeReview(ctx: HandlerContext, event: ReviewEvent, until: IsoDate): Promise<void> {
  const { deps, t } = ctx;
  if (event.status !== "open") {
    await ctx.reply(errorCard(t, t("review.already_done", { ref: event.ref })));
    return;
  }
  await deps.store.reviews.setDueDate(event.id, until);
  await ctx.audit("review.snooze", event.id, { from: event.dueDate, to: until });
  const message = t("review.snoozed", { kind: kindLabel(t, event), ref: event.ref, date: showDate(until, t.locale) });
  await ctx.reply(card(message, text(message)));
}

export const reviewSnooze: CommandHandler<"review.snooze"> = async (ctx, command) => {
  const { deps, t, workspace } = ctx;
  const event = await deps.store.reviews.get(workspace.id, command.review);
  if (!event) {
    await ctx.reply(errorCard(t, t("review.unknown", { ref: command.review }), "review"));
    return;
  }
  const now = deps.clock.now();
  const today = todayIn(now, workspace.timezone);
  // "2w" / "10d" push the date back from the later of the due date and today; anything else is a date.
  const relative = /^(\d+)\s*(d|days?|w|weeks?)$/i.exec(command.until.trim());
  const from = event.dueDate > today ? event.dueDate : today;
  const parsed = relative
    ? ({ ok: true, date: addDays(from, Number(relative[1]) * (relative[2]!.toLowerCase().startsWith("w") ? 7 : 1)) } as const)
    : parseUserDate(command.until, now, workspace.timezone);
  if (!parsed.ok) {
    await ctx.reply(errorCard(t, t(parsed.reason === "impossible" ? "date.impossible" : "date.unreadable", { value: command.until, field: "until" }), "review"));
    return;
  }
  if (parsed.date <= today) {
    await ctx.reply(errorCard(t, t("review.date_in_past", { date: showDate(parsed.date, t.locale) }), "review"));
    return;
  }
  await snoozeReview(ctx, event, parsed.date);
};
