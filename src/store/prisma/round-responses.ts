import type { PrismaClient } from "./generated/client.ts";
import type { Ids } from "../../core/ids.ts";
import type { RoundResponse, RoundResponseStore } from "../types.ts";

type Row = Awaited<ReturnType<PrismaClient["roundResponse"]["findFirstOrThrow"]>>;
const toResponse = (r: Row): RoundResponse => ({
  id: r.id,
  workspaceId: r.workspaceId,
  roundId: r.roundId,
  heard: r.heard,
  doing: r.doing,
  createdBy: r.createdBy,
  createdAt: r.createdAt,
  sentAt: r.sentAt,
});

export function createRoundResponseStore(prisma: PrismaClient, ids: Ids): RoundResponseStore {
  return {
    async create(input, now) {
      try {
        return toResponse(await prisma.roundResponse.create({ data: { id: ids.uuid(), ...input, createdAt: now } }));
      } catch (error) {
        if (/Unique constraint|P2002/i.test(String((error as Error).message))) return { exists: true };
        throw error;
      }
    },
    async get(roundId) {
      const row = await prisma.roundResponse.findUnique({ where: { roundId } });
      return row ? toResponse(row) : null;
    },
    async forRounds(roundIds) {
      if (roundIds.length === 0) return [];
      return (await prisma.roundResponse.findMany({ where: { roundId: { in: roundIds } } })).map(toResponse);
    },
    async markSent(id, now) {
      await prisma.roundResponse.update({ where: { id }, data: { sentAt: now } });
    },
  };
}
