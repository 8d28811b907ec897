/** The "you said, we did" card and the lines about actions promised in it. */
import { card, context, divider, heading, text, type Card } from "../core/card.ts";
import type { Translator } from "../core/i18n.ts";
import { mention, userText } from "../core/text.ts";
import type { AgreedAction, Round, RoundResponse } from "../store/types.ts";

type T = Translator;

/** An action promised in a response, with where it stands. */
export function promisedLine(t: T, a: AgreedAction): string {
  const state = a.status === "done" ? t("respond.action_done") : t("respond.action_open");
  const owner = a.ownerUserId ? ` · ${mention(a.ownerUserId).markup}` : "";
  return `• ${userText(a.text)}${owner} · ${state}`;
}

/** The response, then the actions it promised (their progress), then the results card below. */
export function responseCard(t: T, round: Round, response: RoundResponse, actions: AgreedAction[], results: Card): Card {
  const title = t("respond.title", { ref: round.ref });
  return card(
    title,
    heading(title),
    text(`*${t("respond.heard")}*\n${userText(response.heard)}`),
    text(`*${t("respond.doing")}*\n${userText(response.doing)}`),
    actions.length ? text(`*${t("respond.actions")}*\n${actions.map((a) => promisedLine(t, a)).join("\n")}`) : undefined,
    context(t("respond.from", { who: mention(response.createdBy) })),
    divider(),
    ...results.elements,
  );
}
