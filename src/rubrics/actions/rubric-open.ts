/** "Rate now" on a check-in invitation: the rating form (a modal where the platform has one), unless already rated. */
import { defineAction } from "../../core/actions.ts";
import { noticeFor } from "../../core/replies.ts";
import { ANYONE } from "../../core/roles.ts";
import { personHash } from "../../surveys/participation.ts";
import { legacyRound, openRoundOfAction, roundPayload } from "../../surveys/round-action.ts";
import { rubricFormCard } from "../cards.ts";
import { rubricOf } from "../definitions.ts";
import { organisationIn } from "../start.ts";
import { withBrowserLink } from "../../surveys/browser-link.ts";

export const rubricOpenAction = defineAction({
  name: "rubric.open",
  roles: ANYONE,
  payload: roundPayload,
  legacy: legacyRound("rubric:open:"),
  async handle(ctx, { round: roundId }) {
    const found = await openRoundOfAction(ctx, roundId, "rubric");
    if (!found) return;
    const { round, about } = found;
    const { deps, t, workspace, member } = ctx;
    // Only an organisation kept for this partnership can rate for it (`/reflect partner orgs`).
    const partnershipRow = round.partnershipId ? await deps.store.partnerships.get(round.partnershipId) : null;
    const organisation = round.mode === "collective" && partnershipRow ? await organisationIn(deps, partnershipRow, member.organisation) : member.organisation;
    if (round.mode === "collective") {
      if (!organisation) {
        await ctx.reply(noticeFor(t("rubric.collective_no_org")), about);
        return;
      }
      if (await deps.store.responses.organisationSubmitted(round.id, organisation)) {
        await ctx.replaceSource(noticeFor(t("rubric.org_already", { organisation })), about);
        return;
      }
    } else {
      const secret = await deps.store.rounds.secret(round.id);
      if (secret && (await deps.store.responses.hasParticipated(round.id, personHash(secret, workspace.id, member.userId)))) {
        await ctx.replaceSource(noticeFor(t("pulse.already_answered")), about);
        return;
      }
    }
    const partnership = partnershipRow?.name ?? "";
    const form = rubricFormCard(t, round, await rubricOf(deps, round), partnership, organisation);
    await ctx.openForm(await withBrowserLink(ctx, round, form, round.mode === "collective" ? organisation : null), about);
  },
});
