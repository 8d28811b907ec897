/**
 * `/reflect review add <partnership|all> <kind> <date> [every <n>m]`; the reply echoes the date
 * understood. `all` records a portfolio-wide review (a collective meeting of all partners, the
 * country team's annual partnership review) that belongs to no single partnership.
 */
import type { Token } from "../../core/grammar/tokens.ts";
import { markup, mention } from "../../core/text.ts";
import { card, context, text } from "../../core/card.ts";
import { errorCard } from "../../core/replies.ts";
import { parseUserDate, showDate, todayIn } from "../dates.ts";
import { kindLabel, when } from "../cards.ts";
import { normaliseKind } from "../vocabulary.ts";
import { lookupPartnership } from "../partner-lookup.ts";
import { defineCommand } from "../../core/commands.ts";
import { COORDINATORS } from "../../core/roles.ts";
import { fail, phrase, type Cursor } from "../../core/grammar/options.ts";

/** What `/reflect review add` asks for. */
interface ReviewAddArgs {
  /** Null: portfolio-wide. */
  partnership: string | null;
  kind: string;
  date: string;
  everyMonths?: number;
}

const KNOWN_REVIEW_KINDS = ["annual-review", "agreement-renewal", "joint-reflection", "rubric-checkin", "partnership-meeting", "team-review"];
/** Unquoted words that mean "every partnership" in place of a partnership's name. */
const PORTFOLIO_WORDS = ["all", "portfolio", "everyone"];

export const reviewAddCommand = defineCommand({
  name: "review.add",
  path: ["review|reviews", "add"],
  area: "review",
  roles: COORDINATORS,
  parse(c: Cursor): ReviewAddArgs {
    const tokens = c.until(["every"]);
    let everyMonths: number | undefined;
    if (!c.done()) {
      c.next();
      const m = /^(\d+)\s*(m|months?)$/.exec(phrase(c.rest()).toLowerCase());
      if (!m || Number(m[1]) < 1 || Number(m[1]) > 60) return fail("review", "error.every_months");
      everyMonths = Number(m[1]);
    }
    // <partnership> <kind> <date…>: a quoted partnership is unambiguous; otherwise the kind is the
    // first known kind word, and everything before it the partnership.
    let partnership: string | null;
    let rest: Token[];
    const kindIndex = tokens.findIndex((t) => t.kind === "word" && KNOWN_REVIEW_KINDS.includes(t.text.toLowerCase()));
    if (tokens[0]?.kind === "quoted" || kindIndex <= 0) {
      if (!tokens[0]) return fail("review", "error.partnership_missing");
      partnership = phrase([tokens[0]]);
      rest = tokens.slice(1);
    } else {
      partnership = phrase(tokens.slice(0, kindIndex));
      rest = tokens.slice(kindIndex);
    }
    // `all` (unquoted) on its own: every partnership, a portfolio-wide review.
    const first = tokens[0];
    const onlyFirst = rest.length === tokens.length - 1;
    if (first?.kind === "word" && onlyFirst && PORTFOLIO_WORDS.includes(first.text.toLowerCase())) partnership = null;
    const kindToken = rest[0];
    if (!kindToken) return fail("review", "error.review_kind");
    const date = phrase(rest.slice(1));
    if (!date) return fail("review", "error.date_missing");
    const kind = kindToken.kind === "word" ? kindToken.text.toLowerCase() : phrase([kindToken]);
    return { partnership, kind, date, ...(everyMonths ? { everyMonths } : {}) };
  },
  async handle(ctx, command) {
    const { deps, t, workspace, member } = ctx;
    const p = command.partnership === null ? null : await lookupPartnership(ctx, command.partnership, "review");
    if (command.partnership !== null && !p) return;
    const now = deps.clock.now();
    const parsed = parseUserDate(command.date, now, workspace.timezone);
    if (!parsed.ok) {
      await ctx.reply(errorCard(ctx, t(parsed.reason === "impossible" ? "date.impossible" : "date.unreadable", { value: command.date, field: "date" }), "review"));
      return;
    }
    const today = todayIn(now, workspace.timezone);
    if (parsed.date < today) {
      await ctx.reply(errorCard(ctx, t("review.date_in_past", { date: showDate(parsed.date, t.locale) }), "review"));
      return;
    }
    const { kind, label } = normaliseKind(command.kind);
    const event = await deps.store.reviews.create(
      { workspaceId: workspace.id, partnershipId: p?.id ?? null, kind, label, dueDate: parsed.date, everyMonths: command.everyMonths ?? null, createdBy: member.userId },
      now,
    );
    await ctx.audit("review.add", event.id, { kind, dueDate: event.dueDate });
    const message = t("review.added", {
      kind: kindLabel(t, event),
      partnership: p ? p.name : markup(t("review.portfolio")),
      date: showDate(event.dueDate, t.locale),
      when: when(t, event.dueDate, today),
      ref: event.ref,
    });
    const offsets = (kind === "agreement-renewal" ? workspace.renewalOffsets : workspace.reminderOffsets).join(", ");
    await ctx.reply(
      card(
        message,
        text(message),
        command.everyMonths ? context(t("review.repeats", { months: command.everyMonths })) : undefined,
        context(t("review.reminders_planned", { offsets, to: mention(p?.leadUserId ?? member.userId) })),
      ),
    );
  },
});
