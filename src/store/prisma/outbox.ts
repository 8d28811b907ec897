import type { PrismaClient } from "./generated/client.ts";
import type { Ids } from "../../core/ids.ts";
import type { Card } from "../../core/card.ts";
import type { MessageRef, Platform } from "../../core/events.ts";
import type { OutboxMessage, OutboxStatus, OutboxStore } from "../types.ts";

interface RawRow {
  id: string;
  workspace_id: string;
  platform: string;
  dedupe_key: string;
  op: string;
  destination: unknown;
  card: unknown;
  pace_key: string;
  status: string;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  sent_ref: unknown;
  transient: boolean;
  lane: string;
}

type ModelRow = Awaited<ReturnType<PrismaClient["outboxMessage"]["findFirstOrThrow"]>>;

function fromModel(row: ModelRow): OutboxMessage {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    platform: row.platform as Platform,
    dedupeKey: row.dedupeKey,
    op: row.op as OutboxMessage["op"],
    destination: row.destination as unknown as OutboxMessage["destination"],
    card: row.card as unknown as Card,
    paceKey: row.paceKey,
    status: row.status as OutboxStatus,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    lastError: row.lastError,
    sentRef: (row.sentRef as unknown as MessageRef | null) ?? null,
    transient: row.transient,
    lane: row.lane === "reply" ? "reply" : "bulk",
  };
}

function fromRaw(row: RawRow): OutboxMessage {
  const json = <T>(v: unknown): T => (typeof v === "string" ? (JSON.parse(v) as T) : (v as T));
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    platform: row.platform as Platform,
    dedupeKey: row.dedupe_key,
    op: row.op as OutboxMessage["op"],
    destination: json(row.destination),
    card: json(row.card),
    paceKey: row.pace_key,
    status: row.status as OutboxStatus,
    attempts: Number(row.attempts),
    nextAttemptAt: new Date(row.next_attempt_at),
    lastError: row.last_error,
    sentRef: row.sent_ref ? json(row.sent_ref) : null,
    transient: Boolean(row.transient),
    lane: row.lane === "reply" ? "reply" : "bulk",
  };
}

export function createOutboxStore(prisma: PrismaClient, ids: Ids): OutboxStore {
  return {
    async enqueue(input) {
      const rows = await prisma.$executeRaw`
        INSERT INTO outbox (id, workspace_id, platform, dedupe_key, op, destination, card, pace_key, status, attempts, next_attempt_at, created_at, transient, lane)
        VALUES (${ids.uuid()}, ${input.workspaceId}, ${input.platform}, ${input.dedupeKey}, ${input.op},
                ${JSON.stringify(input.destination)}::jsonb, ${JSON.stringify(input.card)}::jsonb, ${input.paceKey},
                'pending', 0, ${input.notBefore ?? new Date(0)}, now(), ${input.transient ?? false}, ${input.lane ?? "bulk"})
        ON CONFLICT (dedupe_key) DO NOTHING`;
      return rows > 0;
    },
    async claim(now, limit, lockMs, lane) {
      const lockedUntil = new Date(now.getTime() + lockMs);
      const lanes = lane ? [lane] : ["reply", "bulk"];
      const rows = await prisma.$queryRaw<RawRow[]>`
        UPDATE outbox SET status = 'sending', locked_until = ${lockedUntil}
        WHERE id IN (
          SELECT id FROM outbox
          WHERE status IN ('pending', 'sending') AND next_attempt_at <= ${now}
            AND lane = ANY(${lanes})
            AND (locked_until IS NULL OR locked_until < ${now})
          ORDER BY next_attempt_at, created_at
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED)
        RETURNING id, workspace_id, platform, dedupe_key, op, destination, card, pace_key, status, attempts,
                  next_attempt_at, last_error, sent_ref, transient, lane`;
      return rows.map(fromRaw).sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime());
    },
    async markSent(id, ref, now) {
      await prisma.outboxMessage.update({
        where: { id },
        data: {
          status: "sent",
          sentAt: now,
          lockedUntil: null,
          attempts: { increment: 1 },
          sentRef: ref ? JSON.parse(JSON.stringify(ref)) : undefined,
          lastError: null,
        },
      });
    },
    async remove(id) {
      await prisma.outboxMessage.deleteMany({ where: { id } });
    },
    async markFailed(id, error, nextAttemptAt) {
      await prisma.outboxMessage.update({
        where: { id },
        data: nextAttemptAt
          ? { status: "pending", attempts: { increment: 1 }, lastError: error.slice(0, 1000), nextAttemptAt, lockedUntil: null }
          : { status: "dead", attempts: { increment: 1 }, lastError: error.slice(0, 1000), lockedUntil: null },
      });
    },
    async defer(id, nextAttemptAt) {
      await prisma.outboxMessage.update({ where: { id }, data: { status: "pending", nextAttemptAt, lockedUntil: null } });
    },
    async progress(prefix) {
      const rows = await prisma.outboxMessage.groupBy({ by: ["status"], where: { dedupeKey: { startsWith: prefix } }, _count: { _all: true } });
      const count = (statuses: string[]) => rows.filter((r) => statuses.includes(r.status)).reduce((n, r) => n + r._count._all, 0);
      return { pending: count(["pending", "sending"]), dead: count(["dead"]) };
    },
    async get(dedupeKey) {
      const row = await prisma.outboxMessage.findUnique({ where: { dedupeKey } });
      return row ? fromModel(row) : null;
    },
    async list(filter) {
      const rows = await prisma.outboxMessage.findMany({
        where: { ...(filter?.status ? { status: filter.status } : {}), ...(filter?.workspaceId ? { workspaceId: filter.workspaceId } : {}) },
        orderBy: { createdAt: "asc" },
      });
      return rows.map(fromModel);
    },
    async deleteByPrefix(prefix) {
      return (await prisma.outboxMessage.deleteMany({ where: { dedupeKey: { startsWith: prefix } } })).count;
    },
    async pruneSent(before) {
      const result = await prisma.outboxMessage.deleteMany({ where: { status: "sent", sentAt: { lt: before } } });
      return result.count;
    },
  };
}
