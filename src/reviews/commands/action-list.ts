/** Open actions (default), your own (`mine`), or all including done. Partners see their own only. */
import { card, context, heading, text } from "../../core/card.ts";
import { todayIn } from "../dates.ts";
import { actionLine } from "../cards.ts";
import { defineCommand } from "../../core/commands.ts";
import { ANYONE } from "../../core/roles.ts";
import { fail, word, type Cursor } from "../../core/grammar/options.ts";

export const actionListCommand = defineCommand({
  name: "action.list",
  path: ["action|actions", "list?"],
  area: "action",
  roles: ANYONE,
  parse(c: Cursor): { scope: "open" | "mine" | "all" } {
    const scope = word(c.next()) ?? "open";
    if (scope !== "open" && scope !== "mine" && scope !== "all") return fail("action", "error.action_scope", { value: scope });
    return { scope };
  },
  async handle(ctx, command) {
    const { deps, t, workspace, member } = ctx;
    const scope = member.role === "partner" ? "mine" : command.scope;
    const list = await deps.store.actions.list(workspace.id, {
      ...(scope === "all" ? {} : { status: "open" as const }),
      ...(scope === "mine" ? { ownerUserId: member.userId } : {}),
    });
    const names = new Map((await deps.store.partnerships.list(workspace.id, { includeArchived: true })).map((p) => [p.id, p.name]));
    const today = todayIn(deps.clock.now(), workspace.timezone);
    const title = t(scope === "mine" ? "action.list_mine" : scope === "all" ? "action.list_all" : "action.list_open", { count: list.length });
    await ctx.reply(
      card(
        title,
        heading(title),
        text(list.length ? list.map((a) => actionLine(t, a, a.partnershipId ? (names.get(a.partnershipId) ?? null) : null, today)).join("\n") : t("action.none")),
        context(t("action.list_footer")),
      ),
    );
  },
});
