import { card, text } from "../card.ts";
import type { HandlerContext } from "../context.ts";
import { errorCard } from "../replies.ts";
import type { AgreedAction } from "../../store/types.ts";
import type { CommandHandler } from "./types.ts";

/** Owners close their own actions; coordinators and admins close any. */
export async function completeAction(ctx: HandlerContext, action: AgreedAction): Promise<void> {
  const { deps, t, member } = ctx;
  const mayClose = action.ownerUserId === member.userId || action.createdBy === member.userId || member.role === "admin" || member.role === "coordinator";
  if (!mayClose) {
    await ctx.reply(errorCard(t, t("action.not_yours", { ref: action.ref })));
    return;
  }
  if (!(await deps.store.actions.markDone(action.id, deps.clock.now()))) {
    await ctx.reply(errorCard(t, t("action.already_done", { ref: action.ref })));
    return;
  }
  await ctx.audit("action.done", action.id);
  const message = t("action.completed", { text: action.text, ref: action.ref });
  await ctx.reply(card(message, text(`:white_check_mark: ${message}`)));
}

export const actionDone: CommandHandler<"action.done"> = async (ctx, command) => {
  const action = await ctx.deps.store.actions.get(ctx.workspace.id, command.action);
  if (!action) {
    await ctx.reply(errorCard(ctx.t, ctx.t("action.unknown", { ref: command.action }), "action"));
    return;
  }
  await completeAction(ctx, action);
};
