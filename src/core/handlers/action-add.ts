import { card, context, text } from "../card.ts";
import { errorCard } from "../replies.ts";
import { parseUserDate, showDate, todayIn } from "../../reviews/dates.ts";
import { when } from "../../reviews/cards.ts";
import { lookupPartnership } from "./partner-lookup.ts";
import type { CommandHandler } from "./types.ts";

/** `/reflect action add "<text>" [owner @p] [due <date>] [for <partnership>] [element <key>]`. */
export const actionAdd: CommandHandler<"action.add"> = async (ctx, command) => {
  const { deps, t, workspace, member } = ctx;
  const now = deps.clock.now();
  const today = todayIn(now, workspace.timezone);
  if (command.text.length > 500) {
    await ctx.reply(errorCard(t, t("action.too_long"), "action"));
    return;
  }
  let dueDate: string | null = null;
  if (command.due) {
    const parsed = parseUserDate(command.due, now, workspace.timezone);
    if (!parsed.ok) {
      await ctx.reply(errorCard(t, t(parsed.reason === "impossible" ? "date.impossible" : "date.unreadable", { value: command.due, field: "due" }), "action"));
      return;
    }
    if (parsed.date < today) {
      await ctx.reply(errorCard(t, t("review.date_in_past", { date: showDate(parsed.date, t.locale) }), "action"));
      return;
    }
    dueDate = parsed.date;
  }
  let partnershipId: string | null = null;
  let partnershipName: string | null = null;
  if (command.partnership) {
    const p = await lookupPartnership(ctx, command.partnership, "action");
    if (!p) return;
    partnershipId = p.id;
    partnershipName = p.name;
  }
  if (command.element) {
    const known = new Set([...deps.prompts.rubrics.values()].flatMap((r) => r.elements.map((e) => e.key)));
    if (!known.has(command.element)) {
      await ctx.reply(errorCard(t, t("action.unknown_element", { element: command.element, known: [...known].join(", ") }), "action"));
      return;
    }
  }
  const action = await deps.store.actions.create(
    { workspaceId: workspace.id, partnershipId, elementKey: command.element ?? null, text: command.text, ownerUserId: command.owner ?? member.userId, dueDate, createdBy: member.userId },
    now,
  );
  await ctx.audit("action.add", action.id, { partnership: partnershipId, due: dueDate });
  const message = t("action.added", { text: action.text, ref: action.ref, owner: `<@${action.ownerUserId}>` });
  await ctx.reply(
    card(
      message,
      text(message),
      dueDate ? context(t("action.due_echo", { date: showDate(dueDate, t.locale), when: when(t, dueDate, today) })) : undefined,
      partnershipName ? context(partnershipName) : undefined,
    ),
  );
};
