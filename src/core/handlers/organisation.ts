import { card, text } from "../card.ts";
import { errorCard } from "../replies.ts";
import type { CommandHandler } from "./types.ts";

/**
 * Records which organisation a person belongs to (used for collective rubric rounds). Anyone may
 * set their own; setting someone else's needs the coordinator or admin role.
 */
export const organisation: CommandHandler<"organisation"> = async (ctx, command) => {
  const { deps, t, workspace, member } = ctx;
  const target = command.user ?? member.userId;
  if (target !== member.userId && member.role !== "admin" && member.role !== "coordinator") {
    await ctx.reply(errorCard(t, t("organisation.others_need_role")));
    return;
  }
  const name = command.organisation.trim().slice(0, 120);
  await deps.store.members.update(workspace.id, target, { organisation: name });
  await ctx.audit("organisation.set", target, { organisation: name });
  const message = t("organisation.set", { user: `<@${target}>`, organisation: name });
  await ctx.reply(card(message, text(message)));
};
