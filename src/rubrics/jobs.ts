/**
 * rubric-rounds (every 5 minutes): finishes queueing invitations a stopped process left unfinished;
 * closes rubric check-ins past their deadline and sends results.
 */
import type { JobDefinition } from "../jobs/types.ts";
import { closeRubricRound } from "./close.ts";
import { rubricOf } from "./definitions.ts";
import { inviteRubric } from "./start.ts";
import { emailAlreadySent, INVITATIONS_GRACE_MS } from "../surveys/audience.ts";

export const rubricRoundsJob: JobDefinition = {
  id: "rubric-rounds",
  cron: "*/5 * * * *",
  timezone: "UTC",
  catchUpMs: 60 * 60_000,
  description: "Close rubric check-ins past their deadline and send results",
  async handler({ slot, deps }) {
    let closed = 0;
    for (const round of await deps.store.rounds.due("open", slot)) {
      if (round.kind !== "rubric") continue;
      const workspace = await deps.store.workspaces.get(round.workspaceId);
      if (workspace && (await closeRubricRound(deps, workspace, round))) closed++;
    }
    // A process that stopped while queueing a check-in's invitations left it unfinished: finish it.
    let resumed = 0;
    for (const round of await deps.store.rounds.awaitingInvitations(new Date(slot.getTime() - INVITATIONS_GRACE_MS))) {
      if (round.kind !== "rubric" || !round.partnershipId) continue;
      const workspace = await deps.store.workspaces.get(round.workspaceId);
      const partnership = await deps.store.partnerships.get(round.partnershipId);
      if (!workspace || !partnership) continue;
      try {
        const invitees = await deps.store.rounds.inviteeRoutes(round.id);
        await inviteRubric(deps, { workspace, rubric: await rubricOf(deps, round), partnership, round, invitees, skip: emailAlreadySent });
        await deps.store.rounds.markInvitationsQueued(round.id);
        resumed++;
      } catch (error) {
        deps.logger.error("finishing a check-in's invitations failed", { round: round.id, error });
      }
    }
    return { closed, resumed };
  },
};
