import type { PrismaClient } from "./generated/client.ts";
import type { Platform } from "../../core/events.ts";
import type { Workspace, WorkspaceStore } from "../types.ts";

type Row = Awaited<ReturnType<PrismaClient["workspace"]["findFirstOrThrow"]>>;

function toWorkspace(row: Row): Workspace {
  return {
    id: row.id,
    platform: row.platform as Platform,
    externalId: row.externalId,
    name: row.name,
    threshold: row.threshold,
    commentThreshold: row.commentThreshold,
    timezone: row.timezone,
    locale: row.locale,
    retentionMonths: row.retentionMonths,
    rubricCadenceDays: row.rubricCadenceDays,
    reminderOffsets: row.reminderOffsets ?? [30, 7, 1],
    quietWeek: row.quietWeek === "skip" ? "skip" : "line",
    minCommenters: row.minCommenters,
    minOpenHours: row.minOpenHours,
    deletionGraceDays: row.deletionGraceDays,
    pulseCadenceDays: row.pulseCadenceDays,
    autoSchedule: row.autoSchedule,
    renewalOffsets: row.renewalOffsets?.length ? row.renewalOffsets : [90, 30, 7],
    hadAdmin: row.hadAdmin,
    deletion: row.deleteAfter ? { after: row.deleteAfter, reason: row.deletionReason === "requested" ? "requested" : "uninstalled" } : null,
  };
}

/** Tables whose rows carry workspace_id, deleted together when a workspace uninstalls. */
const workspaceTables = [
  "members",
  "channel_settings",
  "conversation_references",
  "partnership_organisations",
  "partnership_contacts",
  "round_responses",
  "slack_installations",
  "partnerships",
  "review_events",
  "actions",
  "summary_subscriptions",
  "outbox",
  "audit_log",
] as const;

export function createWorkspaceStore(prisma: PrismaClient): WorkspaceStore {
  return {
    async ensure({ platform, externalId, name }) {
      const id = `${platform}:${externalId}`;
      // Read first: this runs for every event, and the row almost always exists.
      const existing = await prisma.workspace.findUnique({ where: { id } });
      if (existing && (!name || existing.name === name)) return toWorkspace(existing);
      const row = await prisma.workspace.upsert({
        where: { id },
        create: { id, platform, externalId, name: name ?? "" },
        update: name ? { name } : {},
      });
      return toWorkspace(row);
    },
    async get(id) {
      const row = await prisma.workspace.findUnique({ where: { id } });
      return row ? toWorkspace(row) : null;
    },
    async list() {
      return (await prisma.workspace.findMany({ orderBy: { id: "asc" } })).map(toWorkspace);
    },
    async updateSettings(id, patch) {
      return toWorkspace(await prisma.workspace.update({ where: { id }, data: patch }));
    },
    async markForDeletion(id, reason, after) {
      const row = await prisma.workspace.findUniqueOrThrow({ where: { id } });
      // A requested deletion replaces an uninstall's; an earlier date is never pushed back.
      const keep = row.deleteAfter && row.deleteAfter <= after;
      return toWorkspace(
        await prisma.workspace.update({
          where: { id },
          data: { deleteAfter: keep ? row.deleteAfter : after, deletionReason: reason === "requested" || row.deletionReason === "requested" ? "requested" : "uninstalled" },
        }),
      );
    },
    async cancelDeletion(id, reason) {
      const result = await prisma.workspace.updateMany({
        where: { id, deleteAfter: { not: null }, ...(reason ? { deletionReason: reason } : {}) },
        data: { deleteAfter: null, deletionReason: null },
      });
      return result.count > 0;
    },
    async dueForDeletion(now) {
      return (await prisma.workspace.findMany({ where: { deleteAfter: { lte: now } } })).map(toWorkspace);
    },
    async purge(id) {
      await prisma.$transaction(async (tx) => {
        const rounds = await tx.round.findMany({ where: { workspaceId: id }, select: { id: true } });
        const roundIds = rounds.map((r) => r.id);
        await tx.answer.deleteMany({ where: { roundId: { in: roundIds } } });
        await tx.roundAggregate.deleteMany({ where: { roundId: { in: roundIds } } });
        await tx.submission.deleteMany({ where: { roundId: { in: roundIds } } });
        await tx.comment.deleteMany({ where: { roundId: { in: roundIds } } });
        await tx.participation.deleteMany({ where: { roundId: { in: roundIds } } });
        await tx.reminderOptOut.deleteMany({ where: { roundId: { in: roundIds } } });
        await tx.roundInvitee.deleteMany({ where: { roundId: { in: roundIds } } });
        await tx.round.deleteMany({ where: { workspaceId: id } });
        for (const table of workspaceTables) {
          await tx.$executeRawUnsafe(`DELETE FROM "${table}" WHERE workspace_id = $1`, id);
        }
        await tx.workspace.delete({ where: { id } });
      });
    },
  };
}
