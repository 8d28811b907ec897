/** `/reflect partner list [all]`: the register, archived partnerships too with `all`. */
import { mention, userText } from "../../core/text.ts";
import { card, context, heading, text } from "../../core/card.ts";
import { defineCommand } from "../../core/commands.ts";
import { READERS } from "../../core/roles.ts";
import type { Cursor } from "../../core/grammar/options.ts";
import { isWord } from "../../core/grammar/tokens.ts";

export const partnerListCommand = defineCommand({
  name: "partner.list",
  path: ["partner|partners|partnership", "list?"],
  area: "partner",
  roles: READERS,
  parse(c: Cursor): { includeArchived: boolean } {
    return { includeArchived: isWord(c.next(), "all", "archived") };
  },
  async handle(ctx, command) {
    const { deps, t, workspace } = ctx;
    const list = await deps.store.partnerships.list(workspace.id, { includeArchived: command.includeArchived });
    if (list.length === 0) {
      await ctx.reply(card(t("partner.none"), text(t("partner.none"))));
      return;
    }
    const lines = list.map((p) => {
      const typed = [p.country, p.spectrum, p.categories.join(", ") || null].filter((v): v is string => Boolean(v)).map((v) => userText(v));
      const bits = [...typed, p.leadUserId ? mention(p.leadUserId).markup : null].filter(Boolean).join(" · ");
      const flags = `${p.pausedReason ? ` ${t("partner.paused_flag")}` : ""}${p.archivedAt ? ` ${t("partner.archived_flag")}` : ""}`;
      return `• *${userText(p.name)}*${flags}${bits ? ` · ${bits}` : ""}`;
    });
    await ctx.reply(
      card(t("partner.list_title", { count: list.length }), heading(t("partner.list_title", { count: list.length })), text(lines.join("\n")), context(t("partner.list_footer"))),
    );
  },
});
