/** Cards of the register: partnership details, lists, reminders. */
import { buttons, card, context, fields, heading, text, type Card } from "../core/card.ts";
import type { Translate } from "../core/i18n.ts";
import type { AgreedAction, Partnership, ReviewEvent } from "../store/types.ts";
import { daysBetween, showDate } from "./dates.ts";

type T = Translate & { locale: string };

export function kindLabel(t: T, e: Pick<ReviewEvent, "kind" | "label">): string {
  switch (e.kind) {
    case "annual-review":
      return t("review.kind_annual_review");
    case "agreement-renewal":
      return t("review.kind_agreement_renewal");
    case "joint-reflection":
      return t("review.kind_joint_reflection");
    case "rubric-checkin":
      return t("review.kind_rubric_checkin");
    case "partnership-meeting":
      return t("review.kind_partnership_meeting");
    default:
      return e.label ?? e.kind;
  }
}

export function when(t: T, due: string, today: string): string {
  const days = daysBetween(today, due);
  if (days === 0) return t("review.due_today");
  if (days > 0) return t("review.due_in", { days });
  return t("review.overdue_by", { days: -days });
}

export function reviewLine(t: T, e: ReviewEvent, partnership: string, today: string): string {
  const repeat = e.everyMonths ? ` · ${t("review.every_months", { months: e.everyMonths })}` : "";
  return `\`${e.ref}\` *${kindLabel(t, e)}*: ${partnership} · ${showDate(e.dueDate, t.locale)} (${when(t, e.dueDate, today)})${repeat}`;
}

export function actionLine(t: T, a: AgreedAction, partnership: string | null, today: string): string {
  const owner = a.ownerUserId ? ` · <@${a.ownerUserId}>` : "";
  const due = a.dueDate ? ` · ${showDate(a.dueDate, t.locale)} (${when(t, a.dueDate, today)})` : "";
  const p = partnership ? ` · ${partnership}` : "";
  const element = a.elementKey ? ` · ${a.elementKey}` : "";
  const done = a.status === "done" ? ` · ${t("action.done_mark")}` : "";
  return `\`${a.ref}\` ${a.text}${owner}${due}${p}${element}${done}`;
}

export function partnershipCard(t: T, p: Partnership, reviews: ReviewEvent[], actions: AgreedAction[], today: string): Card {
  const dash = "–";
  return card(
    p.name,
    heading(p.name + (p.archivedAt ? ` (${t("partner.archived")})` : "")),
    fields([
      [t("partner.field_categories"), p.categories.length ? p.categories.join(", ") : dash],
      [t("partner.field_spectrum"), p.spectrum ?? dash],
      [t("partner.field_country"), p.country ?? dash],
      [t("partner.field_lead"), p.leadUserId ? `<@${p.leadUserId}>` : dash],
      [t("partner.field_start"), p.startDate ? showDate(p.startDate, t.locale) : dash],
      [t("partner.field_end"), p.agreementEndDate ? `${showDate(p.agreementEndDate, t.locale)} (${when(t, p.agreementEndDate, today)})` : dash],
    ]),
    p.notes ? text(`_${p.notes}_`) : undefined,
    p.pausedReason ? text(`:warning: ${t("partner.paused", { reason: p.pausedReason })}`) : undefined,
    text(`*${t("partner.upcoming_reviews")}*\n${reviews.length ? reviews.map((e) => reviewLine(t, e, p.name, today)).join("\n") : t("common.none")}`),
    text(`*${t("partner.open_actions")}*\n${actions.length ? actions.map((a) => actionLine(t, a, null, today)).join("\n") : t("common.none")}`),
  );
}

export function reviewReminderCard(t: T, e: ReviewEvent, partnership: string, today: string): Card {
  const overdue = daysBetween(today, e.dueDate) < 0;
  const title = overdue
    ? t("review.reminder_overdue", { kind: kindLabel(t, e), partnership, date: showDate(e.dueDate, t.locale), when: when(t, e.dueDate, today) })
    : t("review.reminder_before", { kind: kindLabel(t, e), partnership, date: showDate(e.dueDate, t.locale), when: when(t, e.dueDate, today) });
  return card(
    title,
    text(`:bell: ${title}`),
    buttons(
      { actionId: `review:done:${e.id}`, label: t("review.mark_done"), style: "primary" },
      { actionId: `review:snooze:${e.id}`, label: t("review.snooze_week") },
    ),
    context(t("review.reminder_footer", { ref: e.ref })),
  );
}

export function actionReminderCard(t: T, a: AgreedAction, partnership: string | null, today: string): Card {
  const late = -daysBetween(today, a.dueDate!);
  const title = late > 0 ? t("action.reminder_overdue", { text: a.text, days: late }) : t("action.reminder_due", { text: a.text });
  return card(
    title,
    text(`:bell: ${title}`),
    partnership ? context(partnership) : undefined,
    buttons({ actionId: `action:done:${a.id}`, label: t("action.mark_done"), style: "primary" }),
    context(t("action.reminder_footer", { ref: a.ref })),
  );
}
