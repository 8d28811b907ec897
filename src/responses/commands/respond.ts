/**
 * `/reflect respond [round]` (coordinator): after a round closes, tell the people it was
 * addressed to what was heard and what will be done, with the actions that follow ("you said, we
 * did"; Alert: mutual accountability; CARE: proactive disclosure; IIRR: lessons documented
 * jointly). Opens a form; its submit sends the message and the gated results to each of them.
 */
import { actionButton } from "../../core/actions.ts";
import { buttons, card, context, heading } from "../../core/card.ts";
import { defineCommand } from "../../core/commands.ts";
import { phrase } from "../../core/grammar/options.ts";
import { errorCard } from "../../core/replies.ts";
import { COORDINATORS } from "../../core/roles.ts";
import { respondSubmitAction } from "../actions/respond-submit.ts";
import { findClosedRound } from "../find-closed-round.ts";

export const respondCommand = defineCommand({
  name: "respond",
  path: ["respond|response"],
  area: "respond",
  roles: COORDINATORS,
  parse: (c) => {
    const round = phrase(c.rest());
    return round ? { round } : {};
  },
  async handle(ctx, { round: ref }: { round?: string }) {
    const { deps, t } = ctx;
    const round = await findClosedRound(ctx, ref);
    if (!round) return;
    if (await deps.store.roundResponses.get(round.id)) {
      await ctx.reply(errorCard(ctx, t("respond.already", { ref: round.ref }), "respond"));
      return;
    }
    const title = t("respond.form_title", { ref: round.ref });
    await ctx.openForm(
      card(
        title,
        heading(title),
        context(t("respond.form_help")),
        { type: "input", id: "heard", label: t("respond.heard"), multiline: true, required: true, maxLength: 2000, placeholder: t("respond.heard_hint") },
        { type: "input", id: "doing", label: t("respond.doing"), multiline: true, required: true, maxLength: 2000, placeholder: t("respond.doing_hint") },
        { type: "input", id: "actions", label: t("respond.actions_input"), multiline: true, maxLength: 2000, placeholder: t("respond.actions_hint") },
        buttons(actionButton(respondSubmitAction, { round: round.id }, { label: t("respond.send"), style: "primary", submit: true })),
      ),
    );
  },
});
