import { card, context, heading, text } from "../card.ts";
import { todayIn } from "../../reviews/dates.ts";
import { actionLine } from "../../reviews/cards.ts";
import type { CommandHandler } from "./types.ts";

/** Open actions (default), your own (`mine`), or all including done. Partners see their own only. */
export const actionList: CommandHandler<"action.list"> = async (ctx, command) => {
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
      text(list.length ? list.map((a) => actionLine(t, a, a.partnershipId ? names.get(a.partnershipId) ?? null : null, today)).join("\n") : t("action.none")),
      context(t("action.list_footer")),
    ),
  );
};
