import { createHash } from "node:crypto";
import type { PrismaClient } from "./generated/client.ts";
import type { Ids } from "../../core/ids.ts";
import type { AuditStore, CommentStore, Member, ProcessedEventStore, Role, Workspace } from "../types.ts";
import type { Platform } from "../../core/events.ts";
import { dayOf } from "../../core/dates.ts";

/**
 * Event ids are stored hashed and with the day only (DESIGN.md §3 rule 10): enough to recognise a
 * retry, nothing a platform's own log of who clicked when could be joined to.
 */
const eventHash = (platform: string, eventId: string) => createHash("sha256").update(`${platform}\u0000${eventId}`).digest("hex");

export function createProcessedEventStore(prisma: PrismaClient): ProcessedEventStore {
  return {
    async markProcessed(platform, eventId, now) {
      const inserted = await prisma.$executeRaw`
        INSERT INTO processed_events (platform, event_hash, received_on) VALUES (${platform}, ${eventHash(platform, eventId)}, ${dayOf(now)}::date)
        ON CONFLICT DO NOTHING`;
      return inserted > 0;
    },
    async prune(before) {
      return (await prisma.processedEvent.deleteMany({ where: { receivedOn: { lt: dayOf(before) } } })).count;
    },
    async begin({ platform, eventId, workspaceId, userId, now }) {
      const rows = await prisma.$queryRaw<Record<string, unknown>[]>`
        WITH ev AS (
          INSERT INTO processed_events (platform, event_hash, received_on) VALUES (${platform}, ${eventHash(platform, eventId)}, ${dayOf(now)}::date)
          ON CONFLICT DO NOTHING RETURNING 1)
        SELECT (SELECT count(*) FROM ev) AS fresh,
               w.id AS w_id, w.platform AS w_platform, w.external_id, w.name AS w_name, w.threshold, w.comment_threshold, w.timezone AS w_timezone,
               w.locale AS w_locale, w.retention_months, w.rubric_cadence_days, w.reminder_offsets, w.quiet_week, w.min_commenters, w.min_open_hours, w.deletion_grace_days, w.pulse_cadence_days, w.auto_schedule, w.renewal_offsets, w.had_admin, w.delete_after, w.deletion_reason,
               m.user_id, m.display_name, m.role, m.organisation, m.locale AS m_locale, m.platform_locale AS m_platform_locale, m.timezone AS m_timezone, m.reminders_opt_out
        FROM (SELECT 1) one
        LEFT JOIN workspaces w ON w.id = ${workspaceId}
        LEFT JOIN members m ON m.workspace_id = ${workspaceId} AND m.user_id = ${userId}`;
      const r = rows[0] ?? {};
      const workspace: Workspace | null = r.w_id
        ? {
            id: String(r.w_id),
            platform: r.w_platform as Platform,
            externalId: String(r.external_id),
            name: String(r.w_name ?? ""),
            threshold: Number(r.threshold),
            commentThreshold: Number(r.comment_threshold),
            timezone: String(r.w_timezone),
            locale: String(r.w_locale),
            retentionMonths: Number(r.retention_months),
            rubricCadenceDays: Number(r.rubric_cadence_days),
            reminderOffsets: Array.isArray(r.reminder_offsets) ? (r.reminder_offsets as unknown[]).map(Number) : [30, 7, 1],
            quietWeek: r.quiet_week === "skip" ? "skip" : "line",
            minCommenters: Number(r.min_commenters),
            minOpenHours: Number(r.min_open_hours),
            deletionGraceDays: Number(r.deletion_grace_days),
            pulseCadenceDays: Number(r.pulse_cadence_days),
            autoSchedule: Boolean(r.auto_schedule),
            renewalOffsets: Array.isArray(r.renewal_offsets) && r.renewal_offsets.length ? (r.renewal_offsets as unknown[]).map(Number) : [90, 30, 7],
            hadAdmin: Boolean(r.had_admin),
            deletion: r.delete_after ? { after: new Date(r.delete_after as string), reason: r.deletion_reason === "requested" ? "requested" : "uninstalled" } : null,
          }
        : null;
      const member: Member | null =
        workspace && r.user_id
          ? {
              workspaceId,
              userId: String(r.user_id),
              displayName: String(r.display_name ?? ""),
              role: (["admin", "coordinator", "lead", "partner"].includes(String(r.role)) ? r.role : "partner") as Role,
              organisation: (r.organisation as string | null) ?? null,
              locale: (r.m_locale as string | null) ?? null,
              platformLocale: (r.m_platform_locale as string | null) ?? null,
              timezone: (r.m_timezone as string | null) ?? null,
              remindersOptOut: Boolean(r.reminders_opt_out),
            }
          : null;
      return { fresh: Number(r.fresh ?? 0) > 0, workspace, member };
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
