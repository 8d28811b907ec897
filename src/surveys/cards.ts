/** The cards a partner sees: invitation with disclosure, the form, and the thank-you. */
import { buttons, card, context, heading, text, type Card, type CardElement } from "../core/card.ts";
import { formatDateTime } from "../core/dates.ts";
import { effectiveThreshold } from "../core/gate.ts";
import type { Translate } from "../core/i18n.ts";
import type { SurveyTemplate } from "../core/prompts/schemas.ts";
import type { Round, Workspace } from "../store/types.ts";
import { pick, questionsOf } from "./templates.ts";

export interface PersonView {
  t: Translate & { locale: string };
  zone: string;
}

/** What is stored, who sees what, and the threshold (DESIGN.md §3 rule 6), shown before any question. */
export function disclosure(view: PersonView, workspace: Workspace): string {
  return view.t("pulse.disclosure", { threshold: effectiveThreshold(workspace.threshold) });
}

export function invitationCard(view: PersonView, round: Round, template: SurveyTemplate, workspace: Workspace, reminder?: number): Card {
  const { t, zone } = view;
  const title = pick(template.title, t.locale);
  const questions = round.questionKeys.length;
  return card(
    reminder ? t("pulse.reminder_summary", { title }) : t("pulse.invite_summary", { title }),
    heading(reminder ? t("pulse.reminder_title", { title }) : t("pulse.invite_title", { title })),
    text(pick(template.description, t.locale)),
    text(t("pulse.invite_effort", { questions, minutes: template.minutes, closes: formatDateTime(round.closesAt, zone, t.locale) })),
    text(`:lock: ${disclosure(view, workspace)}`),
    buttons(
      { actionId: `pulse:open:${round.id}`, label: t("pulse.answer_now"), style: "primary" },
      ...(reminder ? [{ actionId: "pulse:reminders-off", label: t("pulse.reminders_off_button") }] : []),
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
  const elements: CardElement[] = [heading(pick(template.title, t.locale)), context(t("pulse.form_help"))];
  for (const q of questionsOf(template, round.questionKeys)) {
    if (q.type === "scale") {
      elements.push({ type: "choices", id: `q:${q.key}`, label: pick(q.text, t.locale), options: scaleOptions, display: "radio" });
    } else {
      elements.push({ type: "input", id: `q:${q.key}`, label: pick(q.text, t.locale), multiline: true, maxLength: 1000 });
    }
  }
  elements.push(buttons({ actionId: `pulse:submit:${round.id}`, label: t("pulse.submit"), style: "primary", submit: true }));
  elements.push(context(t("pulse.no_edit_warning")));
  return { summary: pick(template.title, t.locale), elements };
}

export function thanksCard(view: PersonView, round: Round, workspace: Workspace): Card {
  const { t, zone } = view;
  const message = t("pulse.thanks", { closes: formatDateTime(round.closesAt, zone, t.locale), threshold: effectiveThreshold(workspace.threshold) });
  return card(t("pulse.thanks_summary"), heading(t("pulse.thanks_summary")), text(message), context(t("privacy.no_edit")));
}

export function noticeFor(message: string): Card {
  return card(message, text(message));
}
