import type { PrismaClient } from "./generated/client.ts";
import type { Ids } from "../../core/ids.ts";
import type { Card } from "../../core/card.ts";
import type { PlaygroundMessage, PlaygroundStore } from "../types.ts";

type Row = Awaited<ReturnType<PrismaClient["playgroundMessage"]["findFirstOrThrow"]>>;

const toMessage = (row: Row): PlaygroundMessage => ({
  id: row.id,
  conversationId: row.conversationId,
  seq: row.seq,
  audience: row.audience,
  author: row.author,
  card: row.card as unknown as Card,
  createdAt: row.createdAt,
});

export function createPlaygroundStore(prisma: PrismaClient, ids: Ids): PlaygroundStore {
  return {
    async addMessage({ conversationId, card, audience, author }, now) {
      const row = await prisma.playgroundMessage.create({
        data: { id: ids.uuid(), conversationId, audience: audience ?? null, author: author ?? null, card: JSON.parse(JSON.stringify(card)), createdAt: now },
      });
      return toMessage(row);
    },
    async replaceMessage(id, card) {
      // A replaced card moves to the end of the feed (new seq) so polling clients pick up the change.
      const result = await prisma.$executeRaw`
        UPDATE playground_messages SET card = ${JSON.stringify(card)}::jsonb,
          seq = nextval(pg_get_serial_sequence('playground_messages', 'seq'))
        WHERE id = ${id}`;
      return result > 0;
    },
    async listMessages(conversationIds, afterSeq) {
      const rows = await prisma.playgroundMessage.findMany({
        where: { conversationId: { in: conversationIds }, seq: { gt: afterSeq } },
        orderBy: { seq: "asc" },
        take: 500,
      });
      return rows.map(toMessage);
    },
    async getMessage(id) {
      const row = await prisma.playgroundMessage.findUnique({ where: { id } });
      return row ? toMessage(row) : null;
    },
    async setChannelMembers(channelId, userIds) {
      await prisma.$transaction([
        prisma.playgroundChannelMember.deleteMany({ where: { channelId } }),
        prisma.playgroundChannelMember.createMany({ data: userIds.map((userId) => ({ channelId, userId })), skipDuplicates: true }),
      ]);
    },
    async addChannelMember(channelId, userId) {
      await prisma.playgroundChannelMember.createMany({ data: [{ channelId, userId }], skipDuplicates: true });
    },
    async channelMembers(channelId) {
      const rows = await prisma.playgroundChannelMember.findMany({ where: { channelId }, orderBy: { userId: "asc" } });
      return rows.map((r) => r.userId);
    },
  };
}
