import type { PrismaClient } from "./generated/client.ts";
import type { Member, MemberStore, Role } from "../types.ts";
import type { Ids } from "../../core/ids.ts";

type Row = Awaited<ReturnType<PrismaClient["member"]["findFirstOrThrow"]>>;

const roles: Role[] = ["admin", "coordinator", "lead", "partner"];

function toMember(row: Row): Member {
  return {
    workspaceId: row.workspaceId,
    userId: row.userId,
    displayName: row.displayName,
    role: roles.includes(row.role as Role) ? (row.role as Role) : "partner",
    organisation: row.organisation,
    locale: row.locale,
    platformLocale: row.platformLocale,
    timezone: row.timezone,
    remindersOptOut: row.remindersOptOut,
  };
}

export function createMemberStore(prisma: PrismaClient, ids: Ids): MemberStore {
  const key = (workspaceId: string, userId: string) => ({ workspaceId_userId: { workspaceId, userId } });
  return {
    async get(workspaceId, userId) {
      const row = await prisma.member.findUnique({ where: key(workspaceId, userId) });
      return row ? toMember(row) : null;
    },
    async ensure(workspaceId, userId, displayName) {
      // Read first: this runs for every event, and the row almost always exists unchanged.
      const existing = await prisma.member.findUnique({ where: key(workspaceId, userId) });
      if (existing && (!displayName || existing.displayName === displayName)) return toMember(existing);
      const row = await prisma.member.upsert({
        where: key(workspaceId, userId),
        create: { id: ids.uuid(), workspaceId, userId, displayName: displayName ?? "" },
        update: displayName ? { displayName } : {},
      });
      return toMember(row);
    },
    async ensureMany(workspaceId, people) {
      if (people.length === 0) return;
      await prisma.member.createMany({
        data: people.map((p) => ({ id: ids.uuid(), workspaceId, userId: p.userId, displayName: p.displayName, platformLocale: p.platformLocale ?? null })),
        skipDuplicates: true,
      });
      // A language the platform now reports differently (read with the roster, when a round
      // opens: never at the moment someone answers) is kept up to date, one statement per language.
      const byLocale = new Map<string, string[]>();
      for (const p of people) if (p.platformLocale) byLocale.set(p.platformLocale, [...(byLocale.get(p.platformLocale) ?? []), p.userId]);
      for (const [platformLocale, userIds] of byLocale) {
        await prisma.member.updateMany({
          where: { workspaceId, userId: { in: userIds }, OR: [{ platformLocale: null }, { NOT: { platformLocale } }] },
          data: { platformLocale },
        });
      }
    },
    async setRole(workspaceId, userId, role) {
      const row = await prisma.member.upsert({
        where: key(workspaceId, userId),
        create: { id: ids.uuid(), workspaceId, userId, role },
        update: { role },
      });
      // Remembered for good: a workspace that ever had an admin gets none from a reinstall.
      if (role === "admin") await prisma.workspace.updateMany({ where: { id: workspaceId, hadAdmin: false }, data: { hadAdmin: true } });
      return toMember(row);
    },
    async update(workspaceId, userId, patch) {
      const row = await prisma.member.upsert({
        where: key(workspaceId, userId),
        create: { id: ids.uuid(), workspaceId, userId, ...patch },
        update: patch,
      });
      return toMember(row);
    },
    async list(workspaceId, filter) {
      const rows = await prisma.member.findMany({
        where: { workspaceId, ...(filter?.role ? { role: filter.role } : {}) },
        orderBy: [{ displayName: "asc" }, { userId: "asc" }],
      });
      return rows.map(toMember);
    },
    async countByRole(workspaceId, role) {
      return prisma.member.count({ where: { workspaceId, role } });
    },
  };
}
