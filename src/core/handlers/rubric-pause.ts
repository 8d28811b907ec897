import { card, context, text } from "../card.ts";
import { lookupPartnership } from "./partner-lookup.ts";
import type { CommandHandler } from "./types.ts";

/** Pausing check-ins when trust is weak (CLARISSA): starting is refused, due-reminders held back. */
export const rubricPause: CommandHandler<"rubric.pause"> = async (ctx, command) => {
  const p = await lookupPartnership(ctx, command.partnership, "rubric");
  if (!p) return;
  await ctx.deps.store.partnerships.setPause(p.id, command.reason.slice(0, 300), ctx.deps.clock.now());
  await ctx.audit("rubric.pause", p.id, { reason: command.reason.slice(0, 300) });
  const message = ctx.t("rubric.paused", { partnership: p.name, reason: command.reason });
  await ctx.reply(card(message, text(message), text(ctx.t("rubric.other_formats")), context(ctx.t("rubric.resume_hint", { partnership: p.name }))));
};

export const rubricResume: CommandHandler<"rubric.resume"> = async (ctx, command) => {
  const p = await lookupPartnership(ctx, command.partnership, "rubric");
  if (!p) return;
  await ctx.deps.store.partnerships.setPause(p.id, null, ctx.deps.clock.now());
  await ctx.audit("rubric.resume", p.id);
  const message = ctx.t("rubric.resumed", { partnership: p.name });
  await ctx.reply(card(message, text(message)));
};
