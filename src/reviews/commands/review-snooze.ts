/** `/reflect review snooze <review> <date|2w>`: a later date for an open review; its reminders start again. */
import { snoozeReview } from "../complete.ts";
import { errorCard } from "../../core/replies.ts";
import { addDays, parseUserDate, showDate, todayIn } from "../dates.ts";
import { defineCommand } from "../../core/commands.ts";
import { COORDINATORS } from "../../core/roles.ts";
import { fail, phrase, word, type Cursor } from "../../core/grammar/options.ts";
import { isWord } from "../../core/grammar/tokens.ts";

export const reviewSnoozeCommand = defineCommand({
  name: "review.snooze",
  path: ["review|reviews", "snooze"],
  area: "review",
  roles: COORDINATORS,
  parse(c: Cursor): { review: string; until: string } {
    const review = word(c.next());
    if (!review) return fail("review", "error.review_id");
    if (isWord(c.peek(), "until", "to")) c.next();
    const until = phrase(c.rest());
    if (!until) return fail("review", "error.date_missing");
    return { review, until };
  },
  async handle(ctx, command) {
    const { deps, t, workspace } = ctx;
    const event = await deps.store.reviews.get(workspace.id, command.review);
    if (!event) {
      await ctx.reply(errorCard(ctx, t("review.unknown", { ref: command.review }), "review"));
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
      await ctx.reply(errorCard(ctx, t(parsed.reason === "impossible" ? "date.impossible" : "date.unreadable", { value: command.until, field: "until" }), "review"));
      return;
    }
    if (parsed.date <= today) {
      await ctx.reply(errorCard(ctx, t("review.date_in_past", { date: showDate(parsed.date, t.locale) }), "review"));
      return;
    }
    await snoozeReview(ctx, event, parsed.date);
  },
});
