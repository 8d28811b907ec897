import type { PrismaClient } from "./generated/client.ts";
import type { Ids } from "../../core/ids.ts";
import type { AudienceSpec, Round, RoundKind, RoundStatus, RoundStore } from "../types.ts";

type Row = Awaited<ReturnType<PrismaClient["round"]["findFirstOrThrow"]>>;

export function toRound(row: Row): Round {
  const audience = (row.audience ?? {}) as Partial<AudienceSpec>;
  return {
    id: row.id,
    ref: row.ref,
    workspaceId: row.workspaceId,
    kind: row.kind as RoundKind,
    snapshotId: row.snapshotId,
    partnershipId: row.partnershipId,
    mode: row.mode === "collective" ? "collective" : "individual",
    questionKeys: row.questionKeys,
    originChannelId: row.originChannelId,
    audience: { channels: audience.channels ?? [], users: audience.users ?? [] },
    createdBy: row.createdBy,
    invitedCount: row.invitedCount,
    unreachableCount: row.unreachableCount,
    recurrence: row.recurrence === "monthly" || row.recurrence === "quarterly" ? row.recurrence : null,
    sequence: row.sequence,
    status: row.status as RoundStatus,
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    closedAt: row.closedAt,
  };
}

export function createRoundStore(prisma: PrismaClient, ids: Ids): RoundStore {
  return {
    async create(input) {
      for (let attempt = 0; ; attempt++) {
        try {
          const row = await prisma.round.create({
            data: {
              id: ids.uuid(),
              ref: ids.short(),
              workspaceId: input.workspaceId,
              kind: input.kind,
              snapshotId: input.snapshotId,
              partnershipId: input.partnershipId ?? null,
              mode: input.mode ?? "individual",
              questionKeys: input.questionKeys,
              originChannelId: input.originChannelId,
              audience: { channels: input.audience.channels, users: input.audience.users },
              createdBy: input.createdBy,
              recurrence: input.recurrence ?? null,
              sequence: input.sequence,
              status: input.status,
              secret: input.secret ? input.secret.toString("hex") : null,
              opensAt: input.opensAt,
              closesAt: input.closesAt,
            },
          });
          return toRound(row);
        } catch (error) {
          // A short ref collided (unique per workspace): draw another.
          if (attempt < 3 && /Unique constraint/i.test(String((error as Error).message))) continue;
          throw error;
        }
      }
    },
    async get(workspaceId, idOrRef) {
      const row = await prisma.round.findFirst({ where: { workspaceId, OR: [{ ref: idOrRef.toLowerCase() }, { id: idOrRef }] } });
      return row ? toRound(row) : null;
    },
    async byId(id) {
      const row = await prisma.round.findUnique({ where: { id } });
      return row ? toRound(row) : null;
    },
    async list(workspaceId, filter) {
      let snapshotIds: string[] | undefined;
      if (filter.snapshotKey) {
        snapshotIds = (await prisma.promptSnapshot.findMany({ where: { key: filter.snapshotKey }, select: { id: true } })).map((s) => s.id);
      }
      const rows = await prisma.round.findMany({
        where: {
          workspaceId,
          kind: filter.kind,
          ...(filter.status ? { status: filter.status } : {}),
          ...(snapshotIds ? { snapshotId: { in: snapshotIds } } : {}),
          ...(filter.partnershipId ? { partnershipId: filter.partnershipId } : {}),
        },
        orderBy: [{ opensAt: "desc" }, { sequence: "desc" }],
        take: filter.limit ?? 50,
      });
      return rows.map(toRound);
    },
    async due(status, before) {
      const rows = await prisma.round.findMany({
        where: status === "open" ? { status, closesAt: { lte: before } } : { status, opensAt: { lte: before } },
        orderBy: { closesAt: "asc" },
      });
      return rows.map(toRound);
    },
    async openRounds(kind) {
      return (await prisma.round.findMany({ where: { kind, status: "open" } })).map(toRound);
    },
    async previousClosed(round) {
      if (round.kind === "rubric") {
        const row = await prisma.round.findFirst({
          where: { workspaceId: round.workspaceId, kind: "rubric", status: "closed", id: { not: round.id }, partnershipId: round.partnershipId, opensAt: { lt: round.opensAt } },
          orderBy: { opensAt: "desc" },
        });
        return row ? toRound(row) : null;
      }
      const snapshot = await prisma.promptSnapshot.findUnique({ where: { id: round.snapshotId } });
      if (!snapshot) return null;
      const sameKey = (await prisma.promptSnapshot.findMany({ where: { kind: snapshot.kind, key: snapshot.key }, select: { id: true } })).map((s) => s.id);
      const row = await prisma.round.findFirst({
        where: {
          workspaceId: round.workspaceId,
          kind: round.kind,
          status: "closed",
          id: { not: round.id },
          snapshotId: { in: sameKey },
          opensAt: { lt: round.opensAt },
        },
        orderBy: { opensAt: "desc" },
      });
      return row ? toRound(row) : null;
    },
    async countWithKey(workspaceId, kind, snapshotKey) {
      const sameKey = (await prisma.promptSnapshot.findMany({ where: { key: snapshotKey }, select: { id: true } })).map((s) => s.id);
      return prisma.round.count({ where: { workspaceId, kind, snapshotId: { in: sameKey } } });
    },
    async setInvitees(roundId, userIds, unreachable) {
      const unique = [...new Set(userIds)];
      await prisma.$transaction([
        prisma.roundInvitee.deleteMany({ where: { roundId } }),
        prisma.roundInvitee.createMany({ data: unique.map((userId) => ({ roundId, userId })), skipDuplicates: true }),
        prisma.round.update({ where: { id: roundId }, data: { invitedCount: unique.length, unreachableCount: unreachable } }),
      ]);
    },
    async invitees(roundId) {
      return (await prisma.roundInvitee.findMany({ where: { roundId }, orderBy: { userId: "asc" } })).map((r) => r.userId);
    },
    async isInvited(roundId, userId) {
      return (await prisma.roundInvitee.count({ where: { roundId, userId } })) > 0;
    },
    async open(roundId, secret) {
      const result = await prisma.round.updateMany({ where: { id: roundId, status: "scheduled" }, data: { status: "open", secret: secret.toString("hex") } });
      return result.count > 0;
    },
    async secret(roundId) {
      const row = await prisma.round.findUnique({ where: { id: roundId }, select: { secret: true } });
      return row?.secret ? Buffer.from(row.secret, "hex") : null;
    },
    async close(roundId, now) {
      return prisma.$transaction(async (tx) => {
        const result = await tx.round.updateMany({ where: { id: roundId, status: "open" }, data: { status: "closed", closedAt: now, secret: null } });
        if (result.count === 0) return false;
        await tx.roundInvitee.deleteMany({ where: { roundId } });
        // A closed round never changes: count its answers once, for every later read.
        await tx.$executeRaw`
          INSERT INTO round_aggregates (id, round_id, item_key, value, level, count)
          SELECT gen_random_uuid()::text, round_id, item_key, value, level, count(*)
          FROM answers WHERE round_id = ${roundId} GROUP BY round_id, item_key, value, level`;
        await tx.$executeRaw`
          UPDATE rounds SET respondents = (SELECT count(*) FROM submissions WHERE round_id = ${roundId}), aggregated_at = ${now}
          WHERE id = ${roundId}`;
        return true;
      });
    },
    async setClosesAt(roundId, closesAt) {
      await prisma.round.update({ where: { id: roundId }, data: { closesAt } });
    },
  };
}
