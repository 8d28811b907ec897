import { card, text } from "../card.ts";
import type { CommandHandler } from "./types.ts";

/** Assigns a role. The last admin cannot remove their own admin role (the workspace would be locked). */
export const roleSet: CommandHandler<"role.set"> = async (ctx, command) => {
  const { deps, t, workspace } = ctx;
  const current = await deps.store.members.get(workspace.id, command.user);
  if (current?.role === "admin" && command.role !== "admin" && (await deps.store.members.countByRole(workspace.id, "admin")) <= 1) {
    const message = t("role.last_admin");
    await ctx.reply(card(message, text(`:warning: ${message}`)));
    return;
  }
  await deps.store.members.setRole(workspace.id, command.user, command.role);
  await ctx.audit("role.set", command.user, { role: command.role, previous: current?.role ?? "partner" });
  const message = t("role.set", { user: `<@${command.user}>`, role: t(`role.${command.role}`) });
  await ctx.reply(card(message, text(message)));
};
