/** `/reflect workspace`: which workspace this is, what it holds, and whether its deletion is pending. */
import { card, context, fields, heading } from "../../core/card.ts";
import { defineCommand } from "../../core/commands.ts";
import { ADMINS } from "../../core/roles.ts";
import { userText } from "../../core/text.ts";
import { confirmationName } from "./workspace-delete.ts";

export const workspaceShowCommand = defineCommand({
  name: "workspace.show",
  path: ["workspace", "show?"],
  area: "workspace",
  roles: ADMINS,
  async handle(ctx) {
    const { deps, t, workspace } = ctx;
    const members = await deps.store.members.list(workspace.id);
    const partnerships = await deps.store.partnerships.list(workspace.id, { includeArchived: true });
    const pending = workspace.deletion
      ? t(workspace.deletion.reason === "requested" ? "workspace.pending_requested" : "workspace.pending_uninstalled", {
          date: workspace.deletion.after.toISOString().slice(0, 10),
        })
      : t("workspace.pending_none");
    const title = t("workspace.title", { name: confirmationName(workspace) });
    await ctx.reply(
      card(
        title,
        heading(title),
        fields([
          [t("workspace.field_platform"), userText(`${workspace.platform} ${workspace.externalId}`)],
          [t("workspace.field_people"), String(members.length)],
          [t("workspace.field_partnerships"), String(partnerships.length)],
          [t("workspace.field_deletion"), pending],
        ]),
        context(t("workspace.commands_hint")),
      ),
    );
  },
});
