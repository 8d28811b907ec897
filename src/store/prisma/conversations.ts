import type { PrismaClient } from "./generated/client.ts";
import type { ConversationRefStore } from "../types.ts";
import type { Ids } from "../../core/ids.ts";

export function createConversationRefStore(prisma: PrismaClient, ids: Ids): ConversationRefStore {
  const where = (workspaceId: string, kind: string, key: string) => ({ workspaceId_kind_key: { workspaceId, kind, key } });
  return {
    async save(workspaceId, kind, key, reference) {
      const json = JSON.parse(JSON.stringify(reference ?? null));
      await prisma.conversationReference.upsert({
        where: where(workspaceId, kind, key),
        create: { id: ids.uuid(), workspaceId, kind, key, reference: json },
        update: { reference: json },
      });
    },
    async get(workspaceId, kind, key) {
      const row = await prisma.conversationReference.findUnique({ where: where(workspaceId, kind, key) });
      return row ? (row.reference as unknown) : null;
    },
    async remove(workspaceId, kind, key) {
      await prisma.conversationReference.deleteMany({ where: { workspaceId, kind, key } });
    },
  };
}
