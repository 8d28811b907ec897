/** "Answer now" on a pulse invitation: the form (a modal where the platform has one), unless already answered. */
import { defineAction } from "../../core/actions.ts";
import { noticeFor } from "../../core/replies.ts";
import { ANYONE } from "../../core/roles.ts";
import { formCard } from "../cards.ts";
import { personHash } from "../participation.ts";
import { templateOf } from "../results.ts";
import { withBrowserLink } from "../browser-link.ts";
import { legacyRound, openRoundOfAction, roundPayload } from "../round-action.ts";

export const pulseOpenAction = defineAction({
  name: "pulse.open",
  roles: ANYONE,
  payload: roundPayload,
  legacy: legacyRound("pulse:open:"),
  async handle(ctx, { round: roundId }) {
    const found = await openRoundOfAction(ctx, roundId, "pulse");
    if (!found) return;
    const { round, about } = found;
    const { deps, t, workspace, member } = ctx;
    const secret = await deps.store.rounds.secret(round.id);
    if (secret && (await deps.store.responses.hasParticipated(round.id, personHash(secret, workspace.id, member.userId)))) {
      await ctx.replaceSource(noticeFor(t("pulse.already_answered")), about);
      return;
    }
    const form = formCard({ t, zone: member.timezone ?? workspace.timezone }, round, await templateOf(deps, round));
    await ctx.openForm(await withBrowserLink(ctx, round, form), about);
  },
});
