/** `/reflect role list`: who holds which role (partners are everyone else). */
import { card, heading, text } from "../../core/card.ts";
import { defineCommand } from "../../core/commands.ts";
import { COORDINATORS, type Role } from "../../core/roles.ts";
import { joinMarkup, mention } from "../../core/text.ts";

export const roleListCommand = defineCommand({
  name: "role.list",
  path: ["role|roles", "list?"],
  area: "role",
  roles: COORDINATORS,
  async handle(ctx) {
    const { deps, t, workspace } = ctx;
    const lines: string[] = [];
    for (const role of ["admin", "coordinator", "lead"] as Role[]) {
      const people = await deps.store.members.list(workspace.id, { role });
      lines.push(`*${t(`role.${role}`)}*: ${people.length ? joinMarkup(people.map((p) => mention(p.userId))).markup : t("common.none")}`);
    }
    await ctx.reply(card(t("role.list_title"), heading(t("role.list_title")), text(lines.join("\n")), text(t("role.list_partners"))));
  },
});
