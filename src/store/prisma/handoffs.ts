import type { Ids } from "../../core/ids.ts";
import type { EventHandoffStore } from "../types.ts";
import type { PrismaClient } from "./generated/client.ts";

export function createEventHandoffStore(prisma: PrismaClient, ids: Ids): EventHandoffStore {
  return {
    async save(sealed) {
      if (sealed.length === 0) return;
      // The batch keeps its order (the prefix); the random part keeps ids of different stops apart.
      const batch = ids.uuid();
      await prisma.eventHandoff.createMany({ data: sealed.map((s, i) => ({ id: `${batch}-${String(i).padStart(6, "0")}`, sealed: s })) });
    },
    async list(limit) {
      return prisma.eventHandoff.findMany({ select: { id: true, sealed: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: limit });
    },
    async remove(id) {
      await prisma.eventHandoff.deleteMany({ where: { id } });
    },
  };
}
