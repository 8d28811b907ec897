import type { PrismaClient } from "./generated/client.ts";
import type { Ids } from "../../core/ids.ts";
import type { ActionStore, AgreedAction, ReviewEvent, ReviewStore } from "../types.ts";
import { fromIsoDate, toIsoDate } from "./dates.ts";

type ReviewRow = Awaited<ReturnType<PrismaClient["reviewEvent"]["findFirstOrThrow"]>>;
type ActionRow = Awaited<ReturnType<PrismaClient["action"]["findFirstOrThrow"]>>;

const toReview = (r: ReviewRow): ReviewEvent => ({
  id: r.id,
  ref: r.ref,
  workspaceId: r.workspaceId,
  partnershipId: r.partnershipId,
  kind: r.kind,
  label: r.label,
  dueDate: toIsoDate(r.dueDate)!,
  everyMonths: r.everyMonths,
  status: r.status === "done" ? "done" : "open",
  notes: r.notes,
  doneAt: r.doneAt,
  createdBy: r.createdBy,
  createdAt: r.createdAt,
});

const toAction = (r: ActionRow): AgreedAction => ({
  id: r.id,
  ref: r.ref,
  workspaceId: r.workspaceId,
  partnershipId: r.partnershipId,
  elementKey: r.elementKey,
  roundId: r.roundId,
  text: r.text,
  ownerUserId: r.ownerUserId,
  dueDate: toIsoDate(r.dueDate),
  status: r.status === "done" ? "done" : "open",
  doneAt: r.doneAt,
  createdBy: r.createdBy,
  createdAt: r.createdAt,
});

/** Short refs people type; a collision (unique per workspace) draws another. */
async function withRef<T>(ids: Ids, create: (ref: string) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await create(ids.short());
    } catch (error) {
      if (attempt < 3 && /Unique constraint|P2002/i.test(String((error as Error).message))) continue;
      throw error;
    }
  }
}

export function createReviewStore(prisma: PrismaClient, ids: Ids): ReviewStore {
  return {
    async create(input, now) {
      return withRef(ids, async (ref) =>
        toReview(
          await prisma.reviewEvent.create({
            data: { id: ids.uuid(), ref, ...input, dueDate: fromIsoDate(input.dueDate)!, createdAt: now },
          }),
        ),
      );
    },
    async get(workspaceId, ref) {
      const row = await prisma.reviewEvent.findUnique({ where: { workspaceId_ref: { workspaceId, ref: ref.toLowerCase() } } });
      return row ? toReview(row) : null;
    },
    async listOpen(workspaceId, options) {
      const rows = await prisma.reviewEvent.findMany({
        where: {
          workspaceId,
          status: "open",
          ...(options?.dueOnOrBefore ? { dueDate: { lte: fromIsoDate(options.dueOnOrBefore)! } } : {}),
          ...(options?.partnershipId ? { partnershipId: options.partnershipId } : {}),
        },
        orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
      });
      return rows.map(toReview);
    },
    async listDone(workspaceId, options) {
      const rows = await prisma.reviewEvent.findMany({
        where: { workspaceId, status: "done", ...(options?.partnershipId ? { partnershipId: options.partnershipId } : {}) },
        orderBy: { doneAt: "desc" },
        take: options?.limit ?? 20,
      });
      return rows.map(toReview);
    },
    async markDone(id, notes, now) {
      const result = await prisma.reviewEvent.updateMany({ where: { id, status: "open" }, data: { status: "done", notes, doneAt: now } });
      return result.count > 0;
    },
    async setDueDate(id, dueDate) {
      await prisma.reviewEvent.update({ where: { id }, data: { dueDate: fromIsoDate(dueDate)! } });
    },
    async openOfKind(partnershipId, kind) {
      const row = await prisma.reviewEvent.findFirst({ where: { partnershipId, kind, status: "open" }, orderBy: { dueDate: "asc" } });
      return row ? toReview(row) : null;
    },
  };
}

export function createActionStore(prisma: PrismaClient, ids: Ids): ActionStore {
  return {
    async create(input, now) {
      return withRef(ids, async (ref) =>
        toAction(await prisma.action.create({ data: { id: ids.uuid(), ref, ...input, dueDate: fromIsoDate(input.dueDate) ?? null, createdAt: now } })),
      );
    },
    async get(workspaceId, ref) {
      const row = await prisma.action.findUnique({ where: { workspaceId_ref: { workspaceId, ref: ref.toLowerCase() } } });
      return row ? toAction(row) : null;
    },
    async list(workspaceId, options) {
      const rows = await prisma.action.findMany({
        where: {
          workspaceId,
          ...(options?.status ? { status: options.status } : {}),
          ...(options?.ownerUserId ? { ownerUserId: options.ownerUserId } : {}),
          ...(options?.partnershipId ? { partnershipId: options.partnershipId } : {}),
          ...(options?.roundId ? { roundId: options.roundId } : {}),
        },
        orderBy: [{ status: "asc" }, { dueDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
      });
      return rows.map(toAction);
    },
    async markDone(id, now) {
      return (await prisma.action.updateMany({ where: { id, status: "open" }, data: { status: "done", doneAt: now } })).count > 0;
    },
  };
}
