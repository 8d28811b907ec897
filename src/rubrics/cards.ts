/** A partner's rubric cards: invitation with disclosure, the rating form, the thank-you. */
import { actionButton } from "../core/actions.ts";
import { buttons, card, context, heading, text, type Card, type CardElement } from "../core/card.ts";
import { formatDateTime } from "../core/dates.ts";
import { promiseOf } from "../core/gate.ts";
import { groupDisclosure, invitedLine } from "../surveys/cards.ts";
import type { Translator } from "../core/i18n.ts";
import type { RubricDefinition } from "../core/prompts/schemas.ts";
import type { Round } from "../store/types.ts";
import { pick } from "../surveys/templates.ts";
import { DONT_KNOW } from "./definitions.ts";
import { rubricOpenAction } from "./actions/rubric-open.ts";
import { rubricSubmitAction } from "./actions/rubric-submit.ts";

type T = Translator;

export function rubricInvitationCard(t: T, zone: string, round: Round, rubric: RubricDefinition, partnership: string, organisation: string | null): Card {
  const collective = round.mode === "collective";
  const title = t("rubric.invite_title", { partnership });
  return card(
    title,
    heading(title),
    text(pick(rubric.description, t.locale)),
    text(t("rubric.invite_effort", { elements: rubric.elements.length, closes: formatDateTime(round.closesAt, zone, t.locale) })),
    text(
      collective
        ? `:busts_in_silhouette: ${organisation ? t("rubric.collective_disclosure", { organisation }) : t("rubric.collective_no_org")}`
        : `:lock: ${t("rubric.individual_disclosure", { threshold: promiseOf(round).threshold, commenters: promiseOf(round).minCommenters })}${
            groupDisclosure(t, round, organisation) ? ` ${groupDisclosure(t, round, organisation)}` : ""
          }`,
    ),
    context(invitedLine(t, round)),
    buttons(actionButton(rubricOpenAction, { round: round.id }, { label: collective ? t("rubric.rate_for_org") : t("rubric.rate_now"), style: "primary" })),
    context(t("rubric.invite_footer", { ref: round.ref, rubric: pick(rubric.title, t.locale) })),
  );
}

export function rubricFormCard(t: T, round: Round, rubric: RubricDefinition, partnership: string, organisation: string | null): Card {
  const elements: CardElement[] = [
    heading(t("rubric.form_title", { partnership })),
    context(round.mode === "collective" ? t("rubric.form_help_collective", { organisation: organisation ?? "" }) : t("rubric.form_help")),
  ];
  for (const element of rubric.elements) {
    // The descriptors are shown whole, as text above the choices: option descriptions are cut
    // (Slack: 75 characters), and a descriptor cut short says something else.
    const described = rubric.levels.map((level) => {
      const lines = (element.descriptors[level.key] ?? []).map((d) => pick(d, t.locale));
      return `*${pick(level.label, t.locale)}*: ${lines.length ? lines.join(" ") : t("rubric.no_descriptor")}`;
    });
    elements.push(text(`*${pick(element.label, t.locale)}*\n${described.join("\n")}`));
    elements.push({
      type: "choices",
      id: `e:${element.key}`,
      label: pick(element.label, t.locale),
      display: "radio",
      options: [...rubric.levels.map((level) => ({ value: level.key, label: pick(level.label, t.locale) })), { value: DONT_KNOW, label: t("rubric.dont_know") }],
    });
    elements.push({ type: "input", id: `n:${element.key}`, label: t("rubric.note_label", { element: pick(element.label, t.locale) }), multiline: true, maxLength: 500 });
  }
  // Individual notes are anonymous but shown as written (collective ones are the organisation's).
  if (round.mode !== "collective") elements.push(context(t("pulse.comment_recognisable")));
  elements.push(buttons(actionButton(rubricSubmitAction, { round: round.id }, { label: t("rubric.submit"), style: "primary", submit: true })));
  elements.push(context(t("pulse.no_edit_warning")));
  return { summary: t("rubric.form_title", { partnership }), elements };
}

export function rubricThanksCard(t: T, zone: string, round: Round, collective: boolean, organisation: string | null): Card {
  const message = collective
    ? t("rubric.thanks_collective", { organisation: organisation ?? "", closes: formatDateTime(round.closesAt, zone, t.locale) })
    : t("rubric.thanks", { closes: formatDateTime(round.closesAt, zone, t.locale) });
  return card(t("pulse.thanks_summary"), heading(t("pulse.thanks_summary")), text(message));
}
