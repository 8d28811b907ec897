import type { PrismaClient } from "./generated/client.ts";
import type { Ids } from "../../core/ids.ts";
import type { AuditStore, CommentStore, ProcessedEventStore } from "../types.ts";

export function createProcessedEventStore(prisma: PrismaClient): ProcessedEventStore {
  return {
    async markProcessed(platform, eventId, now) {
      const inserted = await prisma.$executeRaw`
        INSERT INTO processed_events (platform, event_id, received_at) VALUES (${platform}, ${eventId}, ${now})
        ON CONFLICT DO NOTHING`;
      return inserted > 0;
    },
    async prune(before) {
      return (await prisma.processedEvent.deleteMany({ where: { receivedAt: { lt: before } } })).count;
    },
  };
}

export function createAuditStore(prisma: PrismaClient, ids: Ids): AuditStore {
  return {
    async record(entry, now) {
      await prisma.auditEntry.create({
        data: {
          id: ids.uuid(),
          workspaceId: entry.workspaceId,
          actor: entry.actor,
          action: entry.action,
          target: entry.target ?? null,
          detail: entry.detail ? JSON.parse(JSON.stringify(entry.detail)) : undefined,
          createdAt: now,
        },
      });
    },
    async list(workspaceId, limit = 100) {
      const rows = await prisma.auditEntry.findMany({ where: { workspaceId }, orderBy: { createdAt: "desc" }, take: limit });
      return rows.map((r) => ({
        workspaceId: r.workspaceId,
        actor: r.actor,
        action: r.action,
        target: r.target,
        detail: (r.detail as Record<string, unknown> | null) ?? null,
        createdAt: r.createdAt,
      }));
    },
  };
}

export function createCommentStore(prisma: PrismaClient): CommentStore {
  return {
    async deleteOlderThan(workspaceId, before) {
      const result = await prisma.$executeRaw`
        DELETE FROM comments c USING rounds r
        WHERE c.round_id = r.id AND r.workspace_id = ${workspaceId} AND c.submitted_on < ${before}::date`;
      return result;
    },
    async count(workspaceId) {
      if (!workspaceId) return prisma.comment.count();
      const rows = await prisma.$queryRaw<{ n: bigint | number }[]>`
        SELECT count(*) AS n FROM comments c JOIN rounds r ON r.id = c.round_id WHERE r.workspace_id = ${workspaceId}`;
      return Number(rows[0]?.n ?? 0);
    },
  };
}
