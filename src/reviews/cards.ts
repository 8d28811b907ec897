/** Cards of the register: partnership details, lists, reminders. */
import { actionButton } from "../core/actions.ts";
import { actionDoneAction } from "./actions/action-done.ts";
import { reviewDoneAction, reviewSnoozeAction } from "./actions/review-buttons.ts";
import { markup, mention, userText } from "../core/text.ts";
import { buttons, card, context, fields, heading, text, type Card } from "../core/card.ts";
import type { Translator } from "../core/i18n.ts";
import type { AgreedAction, Partnership, PartnershipOrganisation, ReviewEvent } from "../store/types.ts";
import { daysBetween, showDate } from "./dates.ts";

type T = Translator;

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
    case "team-review":
      return t("review.kind_team_review");
    default:
      // A kind typed by a coordinator: shown as typed.
      return userText(e.label ?? e.kind);
  }
}

export function when(t: T, due: string, today: string): string {
  const days = daysBetween(today, due);
  if (days === 0) return t("review.due_today");
  if (days > 0) return t("review.due_in", { days });
  return t("review.overdue_by", { days: -days });
}

/** `partnership` null: a portfolio-wide review (all partners, the team's annual review). */
export function reviewLine(t: T, e: ReviewEvent, partnership: string | null, today: string): string {
  const repeat = e.everyMonths ? ` · ${t("review.every_months", { months: e.everyMonths })}` : "";
  const whose = partnership === null ? t("review.portfolio") : userText(partnership);
  return `\`${e.ref}\` *${kindLabel(t, e)}*: ${whose} · ${showDate(e.dueDate, t.locale)} (${when(t, e.dueDate, today)})${repeat}`;
}

/**
 * Review events with the name of their partnership (null for portfolio-wide ones); events of a
 * partnership not in `names` (archived, or gone) are left out.
 */
export function withPartnership(events: ReviewEvent[], names: Map<string, string>): { event: ReviewEvent; partnership: string | null }[] {
  return events.flatMap((event): { event: ReviewEvent; partnership: string | null }[] =>
    event.partnershipId === null ? [{ event, partnership: null }] : names.has(event.partnershipId) ? [{ event, partnership: names.get(event.partnershipId)! }] : [],
  );
}

export function actionLine(t: T, a: AgreedAction, partnership: string | null, today: string): string {
  const owner = a.ownerUserId ? ` · ${mention(a.ownerUserId).markup}` : "";
  const due = a.dueDate ? ` · ${showDate(a.dueDate, t.locale)} (${when(t, a.dueDate, today)})` : "";
  const p = partnership ? ` · ${userText(partnership)}` : "";
  const element = a.elementKey ? ` · ${a.elementKey}` : "";
  const done = a.status === "done" ? ` · ${t("action.done_mark")}` : "";
  return `\`${a.ref}\` ${userText(a.text)}${owner}${due}${p}${element}${done}`;
}

/** A pulse or check-in of the partnership, as `partner show` lists it. */
export interface RoundLine {
  ref: string;
  kind: "pulse" | "rubric";
  status: string;
  opensAt: Date;
  closedAt: Date | null;
}

function roundLine(t: T, r: RoundLine): string {
  const what = t(r.kind === "pulse" ? "partner.round_pulse" : "partner.round_rubric");
  const when = r.closedAt
    ? t("partner.round_closed", { date: showDate(r.closedAt.toISOString().slice(0, 10), t.locale) })
    : t(`partner.round_${r.status === "scheduled" ? "scheduled" : "open"}`);
  return `\`${r.ref}\` ${what} · ${when}`;
}

export function partnershipCard(
  t: T,
  p: Partnership,
  reviews: ReviewEvent[],
  actions: AgreedAction[],
  today: string,
  organisations: PartnershipOrganisation[] = [],
  rounds: RoundLine[] = [],
): Card {
  const dash = "–";
  const orgs = organisations.map((o) => (o.side === "host" ? t("org.host_line", { organisation: o.name }) : userText(o.name))).join(", ");
  return card(
    userText(p.name),
    heading(userText(p.name) + (p.archivedAt ? ` (${t("partner.archived")})` : "")),
    fields([
      [t("partner.field_categories"), p.categories.length ? userText(p.categories.join(", ")) : dash],
      [t("partner.field_spectrum"), p.spectrum ? userText(p.spectrum) : dash],
      [t("partner.field_country"), p.country ? userText(p.country) : dash],
      [t("partner.field_lead"), p.leadUserId ? mention(p.leadUserId).markup : dash],
      [t("partner.field_focal"), p.focalUserId ? mention(p.focalUserId).markup : dash],
      [t("partner.field_start"), p.startDate ? showDate(p.startDate, t.locale) : dash],
      [t("partner.field_end"), p.agreementEndDate ? `${showDate(p.agreementEndDate, t.locale)} (${when(t, p.agreementEndDate, today)})` : dash],
      [t("partner.field_organisations"), orgs || dash],
    ]),
    p.notes ? text(`_${userText(p.notes)}_`) : undefined,
    p.pausedReason ? text(`:warning: ${t("partner.paused", { reason: p.pausedReason })}`) : undefined,
    text(`*${t("partner.upcoming_reviews")}*\n${reviews.length ? reviews.map((e) => reviewLine(t, e, p.name, today)).join("\n") : t("common.nothing")}`),
    text(`*${t("partner.open_actions")}*\n${actions.length ? actions.map((a) => actionLine(t, a, null, today)).join("\n") : t("common.nothing")}`),
    text(`*${t("partner.rounds")}*\n${rounds.length ? rounds.map((r) => roundLine(t, r)).join("\n") : t("common.nothing")}`),
  );
}

/**
 * A review reminder. `partnership` null: a portfolio-wide review. The partner's focal point gets it
 * without the buttons (marking done and snoozing are the coordinator's).
 */
export function reviewReminderCard(t: T, e: ReviewEvent, partnership: string | null, today: string, options: { forFocalPoint?: boolean } = {}): Card {
  const overdue = daysBetween(today, e.dueDate) < 0;
  const params = {
    kind: kindLabel(t, e),
    partnership: partnership === null ? markup(t("review.portfolio")) : partnership,
    date: showDate(e.dueDate, t.locale),
    when: when(t, e.dueDate, today),
  };
  const title = overdue ? t("review.reminder_overdue", params) : t("review.reminder_before", params);
  return card(
    title,
    text(`:bell: ${title}`),
    options.forFocalPoint
      ? context(t("review.focal_note"))
      : buttons(
          actionButton(reviewDoneAction, { review: e.id }, { label: t("review.mark_done"), style: "primary" }),
          actionButton(reviewSnoozeAction, { review: e.id }, { label: t("review.snooze_week") }),
        ),
    options.forFocalPoint ? undefined : context(t("review.reminder_footer", { ref: e.ref })),
  );
}

export function actionReminderCard(t: T, a: AgreedAction, partnership: string | null, today: string): Card {
  const late = -daysBetween(today, a.dueDate!);
  const title = late > 0 ? t("action.reminder_overdue", { text: a.text, days: late }) : t("action.reminder_due", { text: a.text });
  return card(
    title,
    text(`:bell: ${title}`),
    partnership ? context(userText(partnership)) : undefined,
    buttons(actionButton(actionDoneAction, { action: a.id }, { label: t("action.mark_done"), style: "primary" })),
    context(t("action.reminder_footer", { ref: a.ref })),
  );
}
