import { card, context, text } from "../card.ts";
import { errorCard } from "../replies.ts";
import { parseUserDate, showDate, todayIn } from "../../reviews/dates.ts";
import { kindLabel, when } from "../../reviews/cards.ts";
import { normaliseKind } from "../../reviews/vocabulary.ts";
import { lookupPartnership } from "./partner-lookup.ts";
import type { CommandHandler } from "./types.ts";

/** `/reflect review add <partnership> <kind> <date> [every <n>m]`; the reply echoes the date understood. */
export const reviewAdd: CommandHandler<"review.add"> = async (ctx, command) => {
  const { deps, t, workspace, member } = ctx;
  const p = await lookupPartnership(ctx, command.partnership, "review");
  if (!p) return;
  const now = deps.clock.now();
  const parsed = parseUserDate(command.date, now, workspace.timezone);
  if (!parsed.ok) {
    await ctx.reply(errorCard(t, t(parsed.reason === "impossible" ? "date.impossible" : "date.unreadable", { value: command.date, field: "date" }), "review"));
    return;
  }
  const today = todayIn(now, workspace.timezone);
  if (parsed.date < today) {
    await ctx.reply(errorCard(t, t("review.date_in_past", { date: showDate(parsed.date, t.locale) }), "review"));
    return;
  }
  const { kind, label } = normaliseKind(command.kind);
  const event = await deps.store.reviews.create(
    { workspaceId: workspace.id, partnershipId: p.id, kind, label, dueDate: parsed.date, everyMonths: command.everyMonths ?? null, createdBy: member.userId },
    now,
  );
  await ctx.audit("review.add", event.id, { kind, dueDate: event.dueDate });
  const message = t("review.added", { kind: kindLabel(t, event), partnership: p.name, date: showDate(event.dueDate, t.locale), when: when(t, event.dueDate, today), ref: event.ref });
  const offsets = workspace.reminderOffsets.join(", ");
  await ctx.reply(
    card(
      message,
      text(message),
      command.everyMonths ? context(t("review.repeats", { months: command.everyMonths })) : undefined,
      context(t("review.reminders_planned", { offsets, to: p.leadUserId ? `<@${p.leadUserId}>` : `<@${member.userId}>` })),
    ),
  );
};
