/** `/reflect workspace keep`: cancels a pending deletion (asked for by an admin, or after an uninstall). */
import { card, text } from "../../core/card.ts";
import { defineCommand } from "../../core/commands.ts";
import { ADMINS } from "../../core/roles.ts";

export const workspaceKeepCommand = defineCommand({
  name: "workspace.keep",
  path: ["workspace", "keep"],
  area: "workspace",
  roles: ADMINS,
  async handle(ctx) {
    const cancelled = await ctx.deps.store.workspaces.cancelDeletion(ctx.workspace.id);
    if (cancelled) await ctx.audit("workspace.delete_cancelled", ctx.workspace.id);
    const message = ctx.t(cancelled ? "workspace.kept" : "workspace.nothing_pending");
    await ctx.reply(card(message, text(message)));
  },
});
