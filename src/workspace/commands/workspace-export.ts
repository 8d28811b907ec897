/** `/reflect workspace export`: everything the workspace holds, as a JSON file, for its admins. */
import { defineCommand } from "../../core/commands.ts";
import { ADMINS } from "../../core/roles.ts";
import { exportCard } from "../export.ts";
import { noticeFor } from "../../core/replies.ts";

export const workspaceExportCommand = defineCommand({
  name: "workspace.export",
  path: ["workspace", "export"],
  area: "workspace",
  roles: ADMINS,
  async handle(ctx) {
    await ctx.audit("workspace.export", ctx.workspace.id);
    // A large workspace takes a while: say so at once (replies are never queued behind other sends).
    await ctx.reply(noticeFor(ctx.t("workspace.export_preparing")));
    await ctx.reply(await exportCard(ctx, ctx.t("workspace.export_ready")));
  },
});
