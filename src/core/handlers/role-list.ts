import { card, heading, text } from "../card.ts";
import type { CommandHandler } from "./types.ts";
import type { Role } from "../../store/types.ts";

/** Who holds which role (partners are everyone else). */
export const roleList: CommandHandler<"role.list"> = async (ctx) => {
  const { deps, t, workspace } = ctx;
  const lines: string[] = [];
  for (const role of ["admin", "coordinator", "lead"] as Role[]) {
    const people = await deps.store.members.list(workspace.id, { role });
    lines.push(`*${t(`role.${role}`)}*: ${people.length ? people.map((p) => `<@${p.userId}>`).join(", ") : t("common.none")}`);
  }
  await ctx.reply(card(t("role.list_title"), heading(t("role.list_title")), text(lines.join("\n")), text(t("role.list_partners"))));
};
