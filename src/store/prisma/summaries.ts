import type { PrismaClient } from "./generated/client.ts";
import type { Ids } from "../../core/ids.ts";
import type { SummarySubscription, SummaryStore } from "../types.ts";

type Row = Awaited<ReturnType<PrismaClient["summarySubscription"]["findFirstOrThrow"]>>;
const toSubscription = (r: Row): SummarySubscription => ({
  id: r.id,
  workspaceId: r.workspaceId,
  channelId: r.channelId,
  weekday: r.weekday,
  localTime: r.localTime,
  createdBy: r.createdBy,
});

export function createSummaryStore(prisma: PrismaClient, ids: Ids): SummaryStore {
  return {
    async subscribe(input) {
      const row = await prisma.summarySubscription.upsert({
        where: { workspaceId_channelId: { workspaceId: input.workspaceId, channelId: input.channelId } },
        create: { id: ids.uuid(), ...input },
        update: { weekday: input.weekday, localTime: input.localTime, createdBy: input.createdBy },
      });
      return toSubscription(row);
    },
    async unsubscribe(workspaceId, channelId) {
      return (await prisma.summarySubscription.deleteMany({ where: { workspaceId, channelId } })).count > 0;
    },
    async list(workspaceId) {
      return (await prisma.summarySubscription.findMany({ where: workspaceId ? { workspaceId } : {}, orderBy: { createdAt: "asc" } })).map(toSubscription);
    },
  };
}
