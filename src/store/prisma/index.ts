/** Builds the Store on a Prisma client: the only place that wires Prisma into the rest of the bot. */
import type { Ids } from "../../core/ids.ts";
import type { Logger } from "../../core/logger.ts";
import type { Store } from "../types.ts";
import { openDatabase, type OpenOptions } from "./open.ts";
import { createWorkspaceStore } from "./workspaces.ts";
import { createMemberStore } from "./members.ts";
import { createChannelStore } from "./channels.ts";
import { createConversationRefStore } from "./conversations.ts";
import { createOutboxStore } from "./outbox.ts";
import { createJobRunStore } from "./jobs.ts";
import { createEventHandoffStore } from "./handoffs.ts";
import { createRoundInvitationStore } from "./round-invitations.ts";
import { createAuditStore, createCommentStore, createProcessedEventStore } from "./misc.ts";
import { createPlaygroundStore } from "./playground.ts";
import { NIGHTLY_COMPACTS, createRoundStore } from "./rounds.ts";
import { createResponseStore } from "./responses.ts";
import { createPromptSnapshotStore } from "./snapshots.ts";
import { createPartnershipStore } from "./partnerships.ts";
import { createActionStore, createReviewStore } from "./reviews.ts";
import { createSummaryStore } from "./summaries.ts";
import { createRoundResponseStore } from "./round-responses.ts";

export interface PrismaStore extends Store {
  kind: "pglite" | "postgres";
  migrationsApplied: string[];
  /**
   * Raw read-only SQL for tests that inspect every column of a table (anonymity) and for
   * benchmarks that seed data in bulk. Not part of `Store`: the core never sees it.
   */
  rawQuery<T = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<T[]>;
  rawExecute(sql: string, ...params: unknown[]): Promise<number>;
  /** Statements in one interactive transaction, with the store's transaction options (tests). */
  rawTransaction(work: (run: (sql: string, ...params: unknown[]) => Promise<unknown>) => Promise<void>): Promise<void>;
  /** VACUUM FULL of the given tables (the retention job repeats what a close could not). */
  compact(tables: string[]): Promise<void>;
}

export async function createPrismaStore(options: OpenOptions & { ids: Ids; logger: Logger }): Promise<PrismaStore> {
  const db = await openDatabase(options);
  const { prisma } = db;
  const { ids } = options;
  return {
    kind: db.kind,
    migrationsApplied: db.migrations.applied,
    workspaces: createWorkspaceStore(prisma),
    members: createMemberStore(prisma, ids),
    channels: createChannelStore(prisma, ids),
    conversations: createConversationRefStore(prisma, ids),
    outbox: createOutboxStore(prisma, ids),
    jobs: createJobRunStore(prisma, ids),
    events: createProcessedEventStore(prisma),
    handoffs: createEventHandoffStore(prisma, ids),
    audit: createAuditStore(prisma, ids),
    comments: createCommentStore(prisma),
    playground: createPlaygroundStore(prisma, ids),
    rounds: { ...createRoundStore(prisma, ids, db.maintenance, options.logger), ...createRoundInvitationStore(prisma) },
    responses: createResponseStore(prisma, ids),
    snapshots: createPromptSnapshotStore(prisma, ids),
    partnerships: createPartnershipStore(prisma, ids),
    reviews: createReviewStore(prisma, ids),
    actions: createActionStore(prisma, ids),
    summaries: createSummaryStore(prisma, ids),
    roundResponses: createRoundResponseStore(prisma, ids),
    installations: {
      async save(workspaceId, data) {
        await prisma.slackInstallation.upsert({ where: { workspaceId }, create: { id: ids.uuid(), workspaceId, data }, update: { data } });
      },
      async get(workspaceId) {
        return (await prisma.slackInstallation.findUnique({ where: { workspaceId } }))?.data ?? null;
      },
      async delete(workspaceId) {
        await prisma.slackInstallation.deleteMany({ where: { workspaceId } });
      },
    },
    async ping() {
      try {
        await prisma.$queryRaw`SELECT 1`;
        return true;
      } catch {
        return false;
      }
    },
    rawQuery: <T>(sql: string, ...params: unknown[]) => prisma.$queryRawUnsafe<T[]>(sql, ...params),
    rawExecute: (sql: string, ...params: unknown[]) => prisma.$executeRawUnsafe(sql, ...params),
    rawTransaction: (work) => prisma.$transaction(async (tx) => work((sql, ...params) => tx.$executeRawUnsafe(sql, ...params))),
    compact: (tables) => db.maintenance.compact(tables),
    compactClosedRounds: () => db.maintenance.compact([...NIGHTLY_COMPACTS]),
    close: () => db.close(),
  };
}
