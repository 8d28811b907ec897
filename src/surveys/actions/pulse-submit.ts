/** A submitted pulse form: the answers are recorded anonymously (submit.ts) and the form becomes its thank-you. */
import { defineAction } from "../../core/actions.ts";
import { card, text } from "../../core/card.ts";
import { noticeFor } from "../../core/replies.ts";
import { ANYONE } from "../../core/roles.ts";
import { thanksCard } from "../cards.ts";
import { templateOf } from "../results.ts";
import { legacyRound, openRoundOfAction, roundPayload } from "../round-action.ts";
import { parsePulseValues, submitPulse } from "../submit.ts";
import { refusalMessage } from "../submit-outcome.ts";

export const pulseSubmitAction = defineAction({
  name: "pulse.submit",
  roles: ANYONE,
  payload: roundPayload,
  legacy: legacyRound("pulse:submit:"),
  async handle(ctx, { round: roundId }, event) {
    const found = await openRoundOfAction(ctx, roundId, "pulse");
    if (!found) return;
    const { round, about } = found;
    const { deps, t, workspace, member } = ctx;
    const zone = member.timezone ?? workspace.timezone;
    const parsed = parsePulseValues(round, await templateOf(deps, round), event.values);
    if (!parsed.ok) {
      await ctx.reply(noticeFor(t("pulse.invalid_answer", { field: parsed.field, value: parsed.value })), about);
      return;
    }
    const outcome = await submitPulse(deps, workspace, round, member.userId, parsed, member.organisation);
    if (outcome.ok) {
      await ctx.replaceSource(thanksCard({ t, zone }, round), about);
      return;
    }
    const message = refusalMessage(t, outcome, round.closesAt, zone);
    await ctx.reply(card(message, text(`:warning: ${message}`)), about);
  },
});
