import { card, text } from "../card.ts";
import type { CommandHandler } from "./types.ts";

/** A person's own choice: reminders about pulses on or off. */
export const pulseReminders: CommandHandler<"pulse.reminders"> = async (ctx, command) => {
  await ctx.deps.store.members.update(ctx.workspace.id, ctx.member.userId, { remindersOptOut: !command.enabled });
  const message = ctx.t(command.enabled ? "pulse.reminders_on" : "pulse.reminders_off");
  await ctx.reply(card(message, text(message)));
};
