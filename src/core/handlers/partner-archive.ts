import { card, text } from "../card.ts";
import { lookupPartnership } from "./partner-lookup.ts";
import type { CommandHandler } from "./types.ts";

/** Archiving keeps history (past rounds, reviews) but stops reminders and hides it from lists. */
export const partnerArchive: CommandHandler<"partner.archive"> = async (ctx, command) => {
  const p = await lookupPartnership(ctx, command.partnership, "partner");
  if (!p) return;
  await ctx.deps.store.partnerships.archive(p.id, ctx.deps.clock.now());
  await ctx.audit("partner.archive", p.id);
  const message = ctx.t("partner.archived_now", { name: p.name });
  await ctx.reply(card(message, text(message)));
};
