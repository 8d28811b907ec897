/** `/reflect action add "<text>" [owner @p] [due <date>] [for <partnership>] [element <key>]`. */
import { mention, userText } from "../../core/text.ts";
import { card, context, text } from "../../core/card.ts";
import { errorCard } from "../../core/replies.ts";
import { parseUserDate, showDate, todayIn } from "../dates.ts";
import { when } from "../cards.ts";
import { lookupPartnership } from "../partner-lookup.ts";
import { defineCommand } from "../../core/commands.ts";
import { COORDINATORS } from "../../core/roles.ts";
import { fail, phrase, word, type Cursor } from "../../core/grammar/options.ts";

/** What `/reflect action add` asks for. */
interface ActionAddArgs {
  text: string;
  owner?: string;
  due?: string;
  partnership?: string;
  element?: string;
}

const ACTION_KEYWORDS = ["owner", "due", "for", "element"] as const;

export const actionAddCommand = defineCommand({
  name: "action.add",
  path: ["action|actions", "add"],
  area: "action",
  roles: COORDINATORS,
  parse(c: Cursor): ActionAddArgs {
    const text = phrase(c.until(ACTION_KEYWORDS));
    if (!text) return fail("action", "error.action_text");
    const out: ActionAddArgs = { text };
    while (!c.done()) {
      const key = word(c.next());
      const value = c.until(ACTION_KEYWORDS);
      if (value.length === 0) return fail("action", "error.action_field_value", { field: key ?? "" });
      if (key === "owner") {
        if (value[0]!.kind !== "user" || value.length > 1) return fail("action", "error.owner_mention");
        out.owner = (value[0] as { id: string }).id;
      } else if (key === "due") out.due = phrase(value);
      else if (key === "for") out.partnership = phrase(value);
      else if (key === "element") out.element = phrase(value).toLowerCase();
    }
    return out;
  },
  async handle(ctx, command) {
    const { deps, t, workspace, member } = ctx;
    const now = deps.clock.now();
    const today = todayIn(now, workspace.timezone);
    if (command.text.length > 500) {
      await ctx.reply(errorCard(ctx, t("action.too_long"), "action"));
      return;
    }
    let dueDate: string | null = null;
    if (command.due) {
      const parsed = parseUserDate(command.due, now, workspace.timezone);
      if (!parsed.ok) {
        await ctx.reply(errorCard(ctx, t(parsed.reason === "impossible" ? "date.impossible" : "date.unreadable", { value: command.due, field: "due" }), "action"));
        return;
      }
      if (parsed.date < today) {
        await ctx.reply(errorCard(ctx, t("review.date_in_past", { date: showDate(parsed.date, t.locale) }), "action"));
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
        await ctx.reply(errorCard(ctx, t("action.unknown_element", { element: command.element, known: [...known].join(", ") }), "action"));
        return;
      }
    }
    const action = await deps.store.actions.create(
      {
        workspaceId: workspace.id,
        partnershipId,
        elementKey: command.element ?? null,
        text: command.text,
        ownerUserId: command.owner ?? member.userId,
        dueDate,
        createdBy: member.userId,
      },
      now,
    );
    await ctx.audit("action.add", action.id, { partnership: partnershipId, due: dueDate });
    const message = t("action.added", { text: action.text, ref: action.ref, owner: mention(action.ownerUserId ?? member.userId) });
    await ctx.reply(
      card(
        message,
        text(message),
        dueDate ? context(t("action.due_echo", { date: showDate(dueDate, t.locale), when: when(t, dueDate, today) })) : undefined,
        partnershipName ? context(userText(partnershipName)) : undefined,
      ),
    );
  },
});
