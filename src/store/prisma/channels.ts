/** Per-channel settings (the language the bot posts in there). */
import type { PrismaClient } from "./generated/client.ts";
import type { Ids } from "../../core/ids.ts";
import type { ChannelStore } from "../types.ts";

export function createChannelStore(prisma: PrismaClient, ids: Ids): ChannelStore {
  return {
    async language(workspaceId, channelId) {
      const row = await prisma.channelSetting.findUnique({ where: { workspaceId_channelId: { workspaceId, channelId } } });
      return row?.locale ?? null;
    },
    async setLanguage(workspaceId, channelId, locale) {
      if (locale === null) {
        await prisma.channelSetting.deleteMany({ where: { workspaceId, channelId } });
        return;
      }
      await prisma.channelSetting.upsert({
        where: { workspaceId_channelId: { workspaceId, channelId } },
        create: { id: ids.uuid(), workspaceId, channelId, locale },
        update: { locale },
      });
    },
    async languages(workspaceId) {
      const rows = await prisma.channelSetting.findMany({ where: { workspaceId }, orderBy: { channelId: "asc" } });
      return rows.map((r) => ({ channelId: r.channelId, locale: r.locale }));
    },
  };
}
