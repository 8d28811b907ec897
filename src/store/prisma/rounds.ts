import { Prisma, type PrismaClient } from "./generated/client.ts";
import type { Ids } from "../../core/ids.ts";
import type { Logger } from "../../core/logger.ts";
import type { AudienceSpec, Invitee, Reach, Round, RoundKind, RoundStatus, RoundStore, SegmentPlan } from "../types.ts";
import type { Maintenance } from "./open.ts";
import { dayOf } from "../../core/dates.ts";

/**
 * Tables whose rows a close deletes or rewrites. Compacting them afterwards (VACUUM FULL) leaves no
 * old row version in the data files: not the answers in the order they came, not a thank-you.
 */
const CLOSE_COMPACTS = ["submissions", "answers", "comments", "participations", "reminder_optouts", "round_invitees", "outbox"] as const;
/** Nightly also the tables whose rows people's actions may rewrite (preferences, chat references, sealed handoffs once handled). */
export const NIGHTLY_COMPACTS = [...CLOSE_COMPACTS, "members", "conversation_references", "event_handoffs"] as const;

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
    audience: { channels: audience.channels ?? [], users: audience.users ?? [], ...(audience.contacts ? { contacts: true } : {}) },
    createdBy: row.createdBy,
    invitedCount: row.invitedCount,
    unreachableCount: row.unreachableCount,
    reach: reachOf(row.reach),
    recurrence: row.recurrence === "monthly" || row.recurrence === "quarterly" ? row.recurrence : null,
    sequence: row.sequence,
    status: row.status as RoundStatus,
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    closedAt: row.closedAt,
    threshold: row.threshold,
    commentThreshold: row.commentThreshold,
    minCommenters: row.minCommenters,
    minOpenHours: row.minOpenHours,
    segmentPlan: (row.segmentPlan as SegmentPlan | null) ?? null,
  };
}

function reachOf(raw: unknown): Reach {
  const r = (raw ?? {}) as Partial<Record<keyof Reach, unknown>>;
  const n = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : 0);
  return { dm: n(r.dm), channel: n(r.channel), email: n(r.email) };
}

export function createRoundStore(prisma: PrismaClient, ids: Ids, maintenance: Maintenance, logger: Logger): Omit<RoundStore, "markInvitationsQueued" | "awaitingInvitations"> {
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
              // Typed email addresses are never kept with the round (only in its invitee rows, erased at close).
              audience: { channels: input.audience.channels, users: input.audience.users, ...(input.audience.contacts ? { contacts: true } : {}) },
              createdBy: input.createdBy,
              recurrence: input.recurrence ?? null,
              sequence: input.sequence,
              status: input.status,
              secret: input.secret ? input.secret.toString("hex") : null,
              opensAt: input.opensAt,
              closesAt: input.closesAt,
              ...input.promise,
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
      // A pulse compares with an earlier round of the same partnership, or (without one) sent to
      // the same audience: a change between different groups of people means nothing.
      const rows = await prisma.round.findMany({
        where: {
          workspaceId: round.workspaceId,
          kind: round.kind,
          status: "closed",
          id: { not: round.id },
          snapshotId: { in: sameKey },
          opensAt: { lt: round.opensAt },
          partnershipId: round.partnershipId,
        },
        orderBy: { opensAt: "desc" },
        take: 50,
      });
      const audienceKey = (a: unknown) => {
        const { channels = [], users = [] } = (a ?? {}) as { channels?: string[]; users?: string[] };
        return JSON.stringify([[...channels].sort(), [...users].sort()]);
      };
      const match = round.partnershipId ? rows[0] : rows.find((r) => audienceKey(r.audience) === audienceKey(round.audience));
      return match ? toRound(match) : null;
    },
    async countWithKey(workspaceId, kind, snapshotKey) {
      const sameKey = (await prisma.promptSnapshot.findMany({ where: { key: snapshotKey }, select: { id: true } })).map((s) => s.id);
      return prisma.round.count({ where: { workspaceId, kind, snapshotId: { in: sameKey } } });
    },
    async setInvitees(roundId, invitees, unreachable, plan) {
      const byId = new Map<string, Invitee>();
      for (const i of invitees) {
        const invitee = typeof i === "string" ? { userId: i } : i;
        byId.set(invitee.userId, invitee);
      }
      const rows = [...byId.values()];
      const reach: Reach = {
        dm: rows.filter((r) => !r.email && !r.channelId).length,
        channel: rows.filter((r) => !r.email && r.channelId).length,
        email: rows.filter((r) => r.email).length,
      };
      await prisma.$transaction([
        prisma.roundInvitee.deleteMany({ where: { roundId } }),
        prisma.roundInvitee.createMany({
          data: rows.map((r) => ({
            roundId,
            userId: r.userId,
            channelId: r.channelId ?? null,
            email: r.email ?? null,
            tokenHash: r.tokenHash ?? null,
            locale: r.locale ?? null,
            organisation: r.organisation ?? null,
          })),
          skipDuplicates: true,
        }),
        prisma.round.update({
          where: { id: roundId },
          data: {
            invitedCount: rows.length,
            unreachableCount: unreachable,
            reach: reach as unknown as Prisma.InputJsonObject,
            ...(plan !== undefined ? { segmentPlan: plan ? (plan as unknown as Prisma.InputJsonObject) : Prisma.DbNull } : {}),
          },
        }),
      ]);
    },
    async invitees(roundId) {
      return (await prisma.roundInvitee.findMany({ where: { roundId }, orderBy: { userId: "asc" } })).map((r) => r.userId);
    },
    async inviteeRoutes(roundId) {
      const rows = await prisma.roundInvitee.findMany({ where: { roundId }, orderBy: { userId: "asc" } });
      return rows.map((r) => ({ userId: r.userId, channelId: r.channelId, email: r.email, tokenHash: r.tokenHash, locale: r.locale, organisation: r.organisation }));
    },
    async inviteeByToken(tokenHash) {
      const row = await prisma.roundInvitee.findUnique({ where: { tokenHash } });
      if (!row) return null;
      return { roundId: row.roundId, userId: row.userId, channelId: row.channelId, email: row.email, tokenHash: row.tokenHash, locale: row.locale, organisation: row.organisation };
    },
    async setToken(roundId, userId, tokenHash, organisation) {
      return (await prisma.roundInvitee.updateMany({ where: { roundId, userId }, data: { tokenHash, ...(organisation !== undefined ? { organisation } : {}) } })).count === 1;
    },
    async replaceToken(roundId, userId, tokenHash, reminder) {
      const result = await prisma.roundInvitee.updateMany({ where: { roundId, userId, reminded: { lt: reminder } }, data: { tokenHash, reminded: reminder } });
      return result.count === 1;
    },
    async isInvited(roundId, userId) {
      return (await prisma.roundInvitee.count({ where: { roundId, userId } })) > 0;
    },
    async open(roundId, secret, promise, now) {
      const row = await prisma.round.findUnique({ where: { id: roundId }, select: { opensAt: true, closesAt: true } });
      if (!row) return false;
      const opensAt = row.opensAt > now ? row.opensAt : now;
      const earliestClose = new Date(opensAt.getTime() + promise.minOpenHours * 3_600_000);
      const closesAt = row.closesAt > earliestClose ? row.closesAt : earliestClose;
      const result = await prisma.round.updateMany({
        where: { id: roundId, status: "scheduled" },
        data: { status: "open", secret: secret.toString("hex"), opensAt, closesAt, ...promise },
      });
      return result.count > 0;
    },
    async secret(roundId) {
      const row = await prisma.round.findUnique({ where: { id: roundId }, select: { secret: true } });
      return row?.secret ? Buffer.from(row.secret, "hex") : null;
    },
    async close(roundId, now, outboxPrefix) {
      const closeDay = dayOf(now);
      const closed = await prisma.$transaction(async (tx) => {
        const result = await tx.round.updateMany({ where: { id: roundId, status: "open" }, data: { status: "closed", closedAt: now, secret: null } });
        if (result.count === 0) return false;
        // Replies to invitees not yet delivered (an App Home view saying what they had not
        // answered, say) go too: after close nothing may say who answered.
        await tx.$executeRaw`
          DELETE FROM outbox WHERE transient AND destination->>'userId' IN (SELECT user_id FROM round_invitees WHERE round_id = ${roundId})`;
        await tx.roundInvitee.deleteMany({ where: { roundId } });
        await tx.$executeRaw`DELETE FROM reminder_optouts WHERE round_id = ${roundId}`;
        // Who was invited, reminded or thanked is participation data: it goes with the secret.
        await tx.outboxMessage.deleteMany({ where: { dedupeKey: { startsWith: outboxPrefix } } });
        // A closed round never changes: count its answers once, for every later read.
        await tx.$executeRaw`
          INSERT INTO round_aggregates (id, round_id, item_key, value, level, count)
          SELECT gen_random_uuid()::text, round_id, item_key, value, level, count(*)
          FROM answers WHERE round_id = ${roundId} GROUP BY round_id, item_key, value, level`;
        await tx.$executeRaw`
          UPDATE rounds SET respondents = (SELECT count(*) FROM submissions WHERE round_id = ${roundId}), aggregated_at = ${now}
          WHERE id = ${roundId}`;
        // Rewrite the round's rows in a random order under fresh ids, all by this transaction:
        // insertion order, ctid, xmin and id order then say nothing about who answered when. The
        // day of each answer goes too (all take the close day): a day with one answer would
        // otherwise join that answer to that day's comment.
        // One statement, so one mapping from old to new submission ids serves both tables.
        await tx.$executeRaw`
          WITH map AS (SELECT id AS old_id, gen_random_uuid()::text AS new_id FROM submissions WHERE round_id = ${roundId}),
          gone_answers AS (DELETE FROM answers WHERE round_id = ${roundId} RETURNING submission_id, round_id, item_key, value, level),
          new_answers AS (
            INSERT INTO answers (id, submission_id, round_id, item_key, value, level)
            SELECT gen_random_uuid()::text, map.new_id, g.round_id, g.item_key, g.value, g.level
            FROM gone_answers g JOIN map ON map.old_id = g.submission_id ORDER BY random()
            RETURNING 1),
          gone_submissions AS (DELETE FROM submissions WHERE round_id = ${roundId} RETURNING id, round_id, organisation, side)
          INSERT INTO submissions (id, round_id, organisation, side, submitted_on)
          SELECT map.new_id, g.round_id, g.organisation, g.side, ${closeDay}::date
          FROM gone_submissions g JOIN map ON map.old_id = g.id ORDER BY random()`;
        await tx.$executeRaw`
          WITH gone AS (DELETE FROM comments WHERE round_id = ${roundId} RETURNING round_id, item_key, organisation, text)
          INSERT INTO comments (id, round_id, item_key, organisation, text, submitted_on)
          SELECT gen_random_uuid()::text, round_id, item_key, organisation, text, ${closeDay}::date FROM gone ORDER BY random()`;
        // Counted: the participation codes have done their work.
        await tx.participation.deleteMany({ where: { roundId } });
        return true;
      });
      if (closed) {
        // Outside the transaction (VACUUM cannot run in one). If another session holds a lock,
        // the retention job compacts again tonight.
        await maintenance.compact([...CLOSE_COMPACTS]).catch((error) => logger.warn("compaction after close deferred", { error }));
      }
      return closed;
    },
    async setClosesAt(roundId, closesAt) {
      await prisma.round.update({ where: { id: roundId }, data: { closesAt } });
    },
  };
}
