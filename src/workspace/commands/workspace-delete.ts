/**
 * `/reflect workspace delete [<name>]`: an admin asks for the workspace's data to be deleted.
 * Without the name it only explains and attaches the export; with the workspace's name typed
 * exactly it schedules the deletion after the grace period (the retention job carries it out),
 * tells every other admin, and `/reflect workspace keep` cancels it until then.
 */
import { card, context, heading, text } from "../../core/card.ts";
import { defineCommand } from "../../core/commands.ts";
import type { Cursor } from "../../core/grammar/options.ts";
import { phrase } from "../../core/grammar/options.ts";
import { errorCard } from "../../core/replies.ts";
import { ADMINS } from "../../core/roles.ts";
import { markup, mention, userText } from "../../core/text.ts";
import { exportCard } from "../export.ts";

/** What an admin types to confirm: the workspace's name, or its platform id when it has none. */
export const confirmationName = (w: { name: string; externalId: string }) => w.name.trim() || w.externalId;

export const workspaceDeleteCommand = defineCommand({
  name: "workspace.delete",
  path: ["workspace", "delete"],
  area: "workspace",
  roles: ADMINS,
  parse: (c: Cursor) => ({ typed: c.done() ? "" : phrase(c.rest()) }),
  async handle(ctx, { typed }) {
    const { deps, t, workspace } = ctx;
    const name = confirmationName(workspace);
    const days = workspace.deletionGraceDays;
    // The name comes from the platform (Slack's team name): shown as typed text, never markup.
    const confirm = markup(`/reflect workspace delete ${userText(name)}`);
    if (!typed) {
      const title = t("workspace.delete_explain_title");
      await ctx.reply(await exportCard(ctx, title, text(t("workspace.delete_explain", { days })), text(t("workspace.delete_how", { command: confirm }))));
      return;
    }
    if (typed.trim().toLowerCase() !== name.toLowerCase()) {
      await ctx.reply(errorCard(ctx, t("workspace.delete_wrong_name", { typed, command: confirm }), "workspace"));
      return;
    }
    const after = new Date(deps.clock.now().getTime() + days * 86_400_000);
    const marked = await deps.store.workspaces.markForDeletion(workspace.id, "requested", after);
    const when = marked.deletion?.after ?? after;
    const date = when.toISOString().slice(0, 10);
    await ctx.audit("workspace.delete_requested", workspace.id, { deleteAfter: when.toISOString() });
    const message = t("workspace.delete_scheduled", { date });
    await ctx.reply(card(message, heading(message), text(t("workspace.delete_until", { date })), context(t("workspace.keep_hint"))));
    // Every other admin hears of it, so one admin alone cannot quietly remove everyone's data.
    for (const admin of await deps.store.members.list(workspace.id, { role: "admin" })) {
      if (admin.userId === ctx.member.userId) continue;
      const notice = t("workspace.delete_notice", { who: mention(ctx.member.userId), date });
      await ctx.send(
        { kind: "dm", userId: admin.userId },
        card(notice, text(`:warning: ${notice}`), context(t("workspace.keep_hint"))),
        `workspace-delete:${workspace.id}:${ctx.event.eventId}:${admin.userId}`,
      );
    }
  },
});
