/** A submitted rating form: recorded anonymously (or for the organisation), and the form becomes its thank-you. */
import { defineAction } from "../../core/actions.ts";
import { card, text } from "../../core/card.ts";
import { ANYONE } from "../../core/roles.ts";
import { legacyRound, openRoundOfAction, roundPayload } from "../../surveys/round-action.ts";
import { refusalMessage } from "../../surveys/submit-outcome.ts";
import { rubricThanksCard } from "../cards.ts";
import { rubricOf } from "../definitions.ts";
import { organisationIn } from "../start.ts";
import { parseRubricValues, submitRubric } from "../submit.ts";

export const rubricSubmitAction = defineAction({
  name: "rubric.submit",
  roles: ANYONE,
  payload: roundPayload,
  legacy: legacyRound("rubric:submit:"),
  async handle(ctx, { round: roundId }, event) {
    const found = await openRoundOfAction(ctx, roundId, "rubric");
    if (!found) return;
    const { round, about } = found;
    const { deps, t, workspace, member } = ctx;
    const zone = member.timezone ?? workspace.timezone;
    const parsed = parseRubricValues(await rubricOf(deps, round), event.values);
    if (!parsed.ok) {
      const message =
        parsed.problem === "unknown_element"
          ? t("rubric.unknown_element", { element: parsed.element, known: parsed.known })
          : t("rubric.unknown_level", { element: parsed.element, level: parsed.level, known: parsed.known });
      await ctx.reply(card(message, text(`:warning: ${message}`)), about);
      return;
    }
    // Only an organisation kept for this partnership can rate for it (`/reflect partner orgs`).
    const partnershipRow = round.partnershipId ? await deps.store.partnerships.get(round.partnershipId) : null;
    const organisation = round.mode === "collective" && partnershipRow ? await organisationIn(deps, partnershipRow, member.organisation) : member.organisation;
    const outcome = await submitRubric(deps, workspace, round, member.userId, organisation, parsed);
    if (outcome.ok) {
      await ctx.replaceSource(rubricThanksCard(t, zone, round, round.mode === "collective", organisation), about);
      return;
    }
    const message = refusalMessage(t, outcome, round.closesAt, zone);
    await ctx.reply(card(message, text(`:warning: ${message}`)), about);
  },
});
