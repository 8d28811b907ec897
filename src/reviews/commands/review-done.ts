/** `/reflect review done <review> [notes]`: done, and the next occurrence of a recurring one scheduled. */
import { completeReview } from "../complete.ts";
import { errorCard } from "../../core/replies.ts";
import { defineCommand } from "../../core/commands.ts";
import { COORDINATORS } from "../../core/roles.ts";
import { fail, phrase, word, type Cursor } from "../../core/grammar/options.ts";

export const reviewDoneCommand = defineCommand({
  name: "review.done",
  path: ["review|reviews", "done"],
  area: "review",
  roles: COORDINATORS,
  parse(c: Cursor): { review: string; notes?: string } {
    const review = word(c.next());
    if (!review) return fail("review", "error.review_id");
    const notes = phrase(c.rest());
    return notes ? { review, notes } : { review };
  },
  async handle(ctx, command) {
    const event = await ctx.deps.store.reviews.get(ctx.workspace.id, command.review);
    if (!event) {
      await ctx.reply(errorCard(ctx, ctx.t("review.unknown", { ref: command.review }), "review"));
      return;
    }
    await completeReview(ctx, event, command.notes ?? null);
  },
});
