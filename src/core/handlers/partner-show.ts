import { partnershipCard } from "../../reviews/cards.ts";
import { todayIn } from "../../reviews/dates.ts";
import { lookupPartnership } from "./partner-lookup.ts";
import type { CommandHandler } from "./types.ts";

export const partnerShow: CommandHandler<"partner.show"> = async (ctx, command) => {
  const p = await lookupPartnership(ctx, command.partnership, "partner");
  if (!p) return;
  const { deps, t, workspace } = ctx;
  const reviews = await deps.store.reviews.listOpen(workspace.id, { partnershipId: p.id });
  const actions = await deps.store.actions.list(workspace.id, { status: "open", partnershipId: p.id });
  await ctx.reply(partnershipCard(t, p, reviews, actions, todayIn(deps.clock.now(), workspace.timezone)));
};
