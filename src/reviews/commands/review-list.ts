/** Open reviews due in the next N days (default 30), overdue ones first. */
import { card, context, heading, text } from "../../core/card.ts";
import { addDays, todayIn } from "../dates.ts";
import { reviewLine, withPartnership } from "../cards.ts";
import { defineCommand } from "../../core/commands.ts";
import { READERS } from "../../core/roles.ts";
import { fail, phrase, type Cursor } from "../../core/grammar/options.ts";

export const reviewListCommand = defineCommand({
  name: "review.list",
  path: ["review|reviews", "list?"],
  area: "review",
  roles: READERS,
  parse(c: Cursor): { days?: number } {
    const w = phrase(c.rest()).toLowerCase();
    if (!w) return {};
    const m = /^(\d+)\s*(d|days?)$/.exec(w);
    if (!m) return fail("review", "error.list_days", { value: w });
    return { days: Number(m[1]) };
  },
  async handle(ctx, command) {
    const { deps, t, workspace } = ctx;
    const days = command.days ?? 30;
    const today = todayIn(deps.clock.now(), workspace.timezone);
    const events = await deps.store.reviews.listOpen(workspace.id, { dueOnOrBefore: addDays(today, days) });
    const partnerships = new Map((await deps.store.partnerships.list(workspace.id)).map((p) => [p.id, p.name]));
    const shown = withPartnership(events, partnerships);
    const title = t("review.list_title", { days });
    if (shown.length === 0) {
      await ctx.reply(card(title, heading(title), text(t("review.list_empty", { days })), context(t("review.list_footer"))));
      return;
    }
    await ctx.reply(
      card(title, heading(title), text(shown.map(({ event, partnership }) => reviewLine(t, event, partnership, today)).join("\n")), context(t("review.list_footer"))),
    );
  },
});
