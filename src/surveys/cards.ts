/** The cards a partner sees: invitation with disclosure, the form, and the thank-you. */
import { channelMention, joinMarkup, markup } from "../core/text.ts";
import { segmentOf } from "./segments.ts";
import { actionButton } from "../core/actions.ts";
import { buttons, card, context, heading, text, type Card, type CardElement } from "../core/card.ts";
import { formatDateTime } from "../core/dates.ts";
import { promiseOf } from "../core/gate.ts";
import type { Translate, Translator } from "../core/i18n.ts";
import type { SurveyTemplate } from "../core/prompts/schemas.ts";
import type { Round } from "../store/types.ts";
import { NOT_APPLICABLE, pick, questionsOf } from "./templates.ts";
import { pulseOpenAction } from "./actions/pulse-open.ts";
import { pulseRemindersOffAction } from "./actions/pulse-reminders-off.ts";
import { pulseSubmitAction } from "./actions/pulse-submit.ts";

export interface PersonView {
  t: Translator;
  zone: string;
  /** The person's organisation (rounds of a partnership say which groups their answers count in). */
  organisation?: string | null;
}

/**
 * In a round of a partnership: which groups the person's answers also count in, each shown only
 * from the threshold up. Null when the round records no group for them.
 */
export function groupDisclosure(t: Translate, round: Round, organisation: string | null | undefined): string | null {
  const { side, organisation: named } = segmentOf(round.segmentPlan, organisation ?? null);
  if (!side && !named) return null;
  const threshold = promiseOf(round).threshold;
  const sideName = side ? markup(t(side === "host" ? "side.host" : "side.partner")) : null;
  if (named && sideName) return t("pulse.group_both", { organisation: named, side: sideName, threshold });
  if (named) return t("pulse.group_org", { organisation: named, threshold });
  return t("pulse.group_side", { side: sideName!, threshold });
}

/**
 * What is stored, who sees what, and the thresholds this round promised (DESIGN.md §3 rules 6 and
 * 11), shown before any question.
 */
const groupLine = (view: PersonView, round: Round) => {
  const line = groupDisclosure(view.t, round, view.organisation);
  return line ? ` ${line}` : "";
};

function disclosure(view: PersonView, round: Round): string {
  const promise = promiseOf(round);
  return view.t("pulse.disclosure", { threshold: promise.threshold, commenters: promise.minCommenters });
}

/** How many people were invited and from where: a partner can judge how well hidden they are. */
export function invitedLine(t: Translate, round: Round): string {
  const channels = joinMarkup(round.audience.channels.map(channelMention));
  const count = round.invitedCount;
  if (round.audience.channels.length === 0) return t("pulse.invited_named", { count });
  return round.audience.users.length > 0 ? t("pulse.invited_mixed", { count, channels }) : t("pulse.invited_channel", { count, channels });
}

export function invitationCard(view: PersonView, round: Round, template: SurveyTemplate, reminder?: number): Card {
  const { t, zone } = view;
  const title = pick(template.title, t.locale);
  const questions = round.questionKeys.length;
  return card(
    reminder ? t("pulse.reminder_summary", { title }) : t("pulse.invite_summary", { title }),
    heading(reminder ? t("pulse.reminder_title", { title }) : t("pulse.invite_title", { title })),
    text(pick(template.description, t.locale)),
    text(t("pulse.invite_effort", { questions, minutes: template.minutes, closes: formatDateTime(round.closesAt, zone, t.locale) })),
    text(`:lock: ${disclosure(view, round)}${groupLine(view, round)}`),
    context(invitedLine(t, round)),
    buttons(
      actionButton(pulseOpenAction, { round: round.id }, { label: t("pulse.answer_now"), style: "primary" }),
      ...(reminder ? [actionButton(pulseRemindersOffAction, { round: round.id }, { label: t("pulse.reminders_off_button") })] : []),
    ),
    context(t("pulse.invite_footer", { ref: round.ref })),
  );
}

export function formCard(view: PersonView, round: Round, template: SurveyTemplate): Card {
  const { t } = view;
  const scaleOptions = [
    ...template.scale.labels.map((label, i) => ({ value: String(i + 1), label: `${i + 1} · ${pick(label, t.locale)}` })),
    { value: "skip", label: pick(template.scale.preferNotToSay, t.locale) },
  ];
  const notApplicable = template.scale.notApplicable ? { value: NOT_APPLICABLE, label: pick(template.scale.notApplicable, t.locale) } : null;
  const elements: CardElement[] = [heading(pick(template.title, t.locale)), context(t("pulse.form_help"))];
  for (const q of questionsOf(template, round.questionKeys)) {
    if (q.type === "scale") {
      const options = q.notApplicable && notApplicable ? [...scaleOptions, notApplicable] : scaleOptions;
      elements.push({ type: "choices", id: `q:${q.key}`, label: pick(q.text, t.locale), options, display: "radio" });
    } else {
      elements.push({ type: "input", id: `q:${q.key}`, label: pick(q.text, t.locale), multiline: true, maxLength: 1000 });
    }
  }
  // Comments are shown as written: the words, and the language they are in, can say who wrote them.
  if (questionsOf(template, round.questionKeys).some((q) => q.type === "text")) elements.push(context(t("pulse.comment_recognisable")));
  elements.push(buttons(actionButton(pulseSubmitAction, { round: round.id }, { label: t("pulse.submit"), style: "primary", submit: true })));
  elements.push(context(t("pulse.no_edit_warning")));
  return { summary: pick(template.title, t.locale), elements };
}

export function thanksCard(view: PersonView, round: Round): Card {
  const { t, zone } = view;
  const message = t("pulse.thanks", { closes: formatDateTime(round.closesAt, zone, t.locale), threshold: promiseOf(round).threshold });
  return card(t("pulse.thanks_summary"), heading(t("pulse.thanks_summary")), text(message), context(t("privacy.no_edit")));
}
