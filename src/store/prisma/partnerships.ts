import type { PrismaClient } from "./generated/client.ts";
import type { Ids } from "../../core/ids.ts";
import type { Partnership, PartnershipInput, PartnershipOrganisation, PartnershipStore } from "../types.ts";
import { fromIsoDate, nameKey, toIsoDate } from "./dates.ts";

type Row = Awaited<ReturnType<PrismaClient["partnership"]["findFirstOrThrow"]>>;

const toPartnership = (r: Row): Partnership => ({
  id: r.id,
  workspaceId: r.workspaceId,
  name: r.name,
  categories: r.categories,
  spectrum: r.spectrum,
  country: r.country,
  leadUserId: r.leadUserId,
  focalUserId: r.focalUserId,
  startDate: toIsoDate(r.startDate),
  agreementEndDate: toIsoDate(r.agreementEndDate),
  notes: r.notes,
  pausedReason: r.pausedReason,
  pausedAt: r.pausedAt,
  archivedAt: r.archivedAt,
  createdAt: r.createdAt,
});

function data(input: Partial<PartnershipInput>) {
  return {
    ...(input.name !== undefined ? { name: input.name.trim().replace(/\s+/g, " "), nameKey: nameKey(input.name) } : {}),
    ...(input.categories !== undefined ? { categories: input.categories } : {}),
    ...(input.spectrum !== undefined ? { spectrum: input.spectrum } : {}),
    ...(input.country !== undefined ? { country: input.country } : {}),
    ...(input.leadUserId !== undefined ? { leadUserId: input.leadUserId } : {}),
    ...(input.focalUserId !== undefined ? { focalUserId: input.focalUserId } : {}),
    ...(input.startDate !== undefined ? { startDate: fromIsoDate(input.startDate) } : {}),
    ...(input.agreementEndDate !== undefined ? { agreementEndDate: fromIsoDate(input.agreementEndDate) } : {}),
    ...(input.notes !== undefined ? { notes: input.notes } : {}),
  };
}

const isUnique = (e: unknown) => /Unique constraint|P2002/i.test(String((e as Error)?.message ?? e));

export function createPartnershipStore(prisma: PrismaClient, ids: Ids): PartnershipStore {
  return {
    async create(workspaceId, input, now) {
      try {
        const row = await prisma.partnership.create({
          data: { id: ids.uuid(), workspaceId, name: input.name, nameKey: nameKey(input.name), createdAt: now, ...data(input) },
        });
        return toPartnership(row);
      } catch (error) {
        if (isUnique(error)) return { duplicate: true };
        throw error;
      }
    },
    async createMany(workspaceId, inputs, now, createdBy) {
      const keys = inputs.map((i) => nameKey(i.name));
      const existing = await prisma.partnership.findMany({ where: { workspaceId, nameKey: { in: keys } }, select: { name: true } });
      if (existing.length > 0) return { duplicates: existing.map((e) => e.name) };
      const rows = await prisma.$transaction(async (tx) => {
        const created = [];
        for (const input of inputs) {
          const row = await tx.partnership.create({ data: { id: ids.uuid(), workspaceId, name: input.name, nameKey: nameKey(input.name), createdAt: now, ...data(input) } });
          if (row.agreementEndDate) {
            await tx.reviewEvent.create({
              data: { id: ids.uuid(), ref: ids.short(), workspaceId, partnershipId: row.id, kind: "agreement-renewal", dueDate: row.agreementEndDate, createdBy, createdAt: now },
            });
          }
          created.push(row);
        }
        return created;
      });
      return rows.map(toPartnership);
    },
    async update(id, patch) {
      try {
        return toPartnership(await prisma.partnership.update({ where: { id }, data: data(patch) }));
      } catch (error) {
        if (isUnique(error)) return { duplicate: true };
        throw error;
      }
    },
    async get(id) {
      const row = await prisma.partnership.findUnique({ where: { id } });
      return row ? toPartnership(row) : null;
    },
    async findByName(workspaceId, name) {
      const row = await prisma.partnership.findUnique({ where: { workspaceId_nameKey: { workspaceId, nameKey: nameKey(name) } } });
      return row ? toPartnership(row) : null;
    },
    async list(workspaceId, options) {
      const rows = await prisma.partnership.findMany({
        where: { workspaceId, ...(options?.includeArchived ? {} : { archivedAt: null }) },
        orderBy: { nameKey: "asc" },
      });
      return rows.map(toPartnership);
    },
    async archive(id, now) {
      await prisma.partnership.update({ where: { id }, data: { archivedAt: now } });
    },
    async setPause(id, reason, now) {
      await prisma.partnership.update({ where: { id }, data: reason ? { pausedReason: reason, pausedAt: now } : { pausedReason: null, pausedAt: null } });
    },
    async organisations(partnershipId) {
      const rows = await prisma.partnershipOrganisation.findMany({ where: { partnershipId }, orderBy: [{ side: "asc" }, { nameKey: "asc" }] });
      return rows.map(toOrganisation);
    },
    async organisationsIn(workspaceId) {
      const rows = await prisma.partnershipOrganisation.findMany({ where: { workspaceId }, orderBy: [{ nameKey: "asc" }] });
      return rows.map(toOrganisation);
    },
    async addOrganisation(workspaceId, partnershipId, name, side) {
      const clean = name.trim().replace(/\s+/g, " ");
      try {
        return toOrganisation(await prisma.partnershipOrganisation.create({ data: { id: ids.uuid(), workspaceId, partnershipId, name: clean, nameKey: nameKey(clean), side } }));
      } catch (error) {
        if (/Unique constraint/i.test(String((error as Error).message))) return { duplicate: true };
        throw error;
      }
    },
    async removeOrganisation(partnershipId, name) {
      return (await prisma.partnershipOrganisation.deleteMany({ where: { partnershipId, nameKey: nameKey(name) } })).count > 0;
    },
    async contacts(partnershipId) {
      const rows = await prisma.partnershipContact.findMany({ where: { partnershipId }, orderBy: { email: "asc" } });
      return rows.map((r) => ({ partnershipId: r.partnershipId, email: r.email, locale: r.locale, organisation: r.organisation }));
    },
    async addContact(workspaceId, partnershipId, email, locale, organisation = null) {
      const clean = email.trim().toLowerCase();
      try {
        // The day only: when an address was added says nothing anyone needs.
        const row = await prisma.partnershipContact.create({ data: { id: ids.uuid(), workspaceId, partnershipId, email: clean, locale, organisation } });
        return { partnershipId: row.partnershipId, email: row.email, locale: row.locale, organisation: row.organisation };
      } catch (error) {
        if (/Unique constraint/i.test(String((error as Error).message))) {
          // Adding a kept address again corrects its language or organisation.
          const data = { ...(locale ? { locale } : {}), ...(organisation ? { organisation } : {}) };
          if (Object.keys(data).length > 0) await prisma.partnershipContact.updateMany({ where: { partnershipId, email: clean }, data });
          return { duplicate: true };
        }
        throw error;
      }
    },
    async removeContact(partnershipId, email) {
      return (await prisma.partnershipContact.deleteMany({ where: { partnershipId, email: email.trim().toLowerCase() } })).count > 0;
    },
  };
}

function toOrganisation(row: { id: string; partnershipId: string; name: string; side: string }): PartnershipOrganisation {
  return { id: row.id, partnershipId: row.partnershipId, name: row.name, side: row.side === "host" ? "host" : "partner" };
}
