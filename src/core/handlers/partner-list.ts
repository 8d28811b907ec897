import { card, context, heading, text } from "../card.ts";
import type { CommandHandler } from "./types.ts";

export const partnerList: CommandHandler<"partner.list"> = async (ctx, command) => {
  const { deps, t, workspace } = ctx;
  const list = await deps.store.partnerships.list(workspace.id, { includeArchived: command.includeArchived });
  if (list.length === 0) {
    await ctx.reply(card(t("partner.none"), text(t("partner.none"))));
    return;
  }
  const lines = list.map((p) => {
    const bits = [p.country, p.spectrum, p.categories.join(", ") || null, p.leadUserId ? `<@${p.leadUserId}>` : null].filter(Boolean).join(" · ");
    const flags = `${p.pausedReason ? ` ${t("partner.paused_flag")}` : ""}${p.archivedAt ? ` ${t("partner.archived_flag")}` : ""}`;
    return `• *${p.name}*${flags}${bits ? ` · ${bits}` : ""}`;
  });
  await ctx.reply(card(t("partner.list_title", { count: list.length }), heading(t("partner.list_title", { count: list.length })), text(lines.join("\n")), context(t("partner.list_footer"))));
};
