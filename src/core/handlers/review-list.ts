import { card, context, heading, text } from "../card.ts";
import { addDays, todayIn } from "../../reviews/dates.ts";
import { reviewLine } from "../../reviews/cards.ts";
import type { CommandHandler } from "./types.ts";

/** Open reviews due in the next N days (default 30), overdue ones first. */
export const reviewList: CommandHandler<"review.list"> = async (ctx, command) => {
  const { deps, t, workspace } = ctx;
  const days = command.days ?? 30;
  const today = todayIn(deps.clock.now(), workspace.timezone);
  const events = await deps.store.reviews.listOpen(workspace.id, { dueOnOrBefore: addDays(today, days) });
  const partnerships = new Map((await deps.store.partnerships.list(workspace.id)).map((p) => [p.id, p.name]));
  const shown = events.filter((e) => partnerships.has(e.partnershipId));
  const title = t("review.list_title", { days });
  if (shown.length === 0) {
    await ctx.reply(card(title, heading(title), text(t("review.list_empty", { days })), context(t("review.list_footer"))));
    return;
  }
  await ctx.reply(card(title, heading(title), text(shown.map((e) => reviewLine(t, e, partnerships.get(e.partnershipId)!, today)).join("\n")), context(t("review.list_footer"))));
};
