import type { RoundStore } from "../types.ts";
import type { PrismaClient } from "./generated/client.ts";
import { toRound } from "./rounds.ts";

/** Whether a round's invitations are all queued (see `invitationsQueued` in the schema). */
export function createRoundInvitationStore(prisma: PrismaClient): Pick<RoundStore, "markInvitationsQueued" | "awaitingInvitations"> {
  return {
    async markInvitationsQueued(roundId) {
      await prisma.round.updateMany({ where: { id: roundId }, data: { invitationsQueued: true } });
    },
    async awaitingInvitations(openedBefore) {
      const rows = await prisma.round.findMany({ where: { status: "open", invitationsQueued: false, opensAt: { lte: openedBefore } }, orderBy: { opensAt: "asc" } });
      return rows.map(toRound);
    },
  };
}
