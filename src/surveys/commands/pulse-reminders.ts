/** A person's own choice: reminders about pulses on or off. */
import { card, text } from "../../core/card.ts";
import { defineCommand } from "../../core/commands.ts";
import { ANYONE } from "../../core/roles.ts";
import { fail, word, type Cursor } from "../../core/grammar/options.ts";

export const pulseRemindersCommand = defineCommand({
  name: "pulse.reminders",
  path: ["pulse", "reminders"],
  area: "pulse",
  roles: ANYONE,
  parse(c: Cursor): { enabled: boolean } {
    const v = word(c.next());
    if (v !== "on" && v !== "off") return fail("pulse", "error.on_off");
    return { enabled: v === "on" };
  },
  async handle(ctx, command) {
    await ctx.deps.store.members.update(ctx.workspace.id, ctx.member.userId, { remindersOptOut: !command.enabled });
    const message = ctx.t(command.enabled ? "pulse.reminders_on" : "pulse.reminders_off");
    await ctx.reply(card(message, text(message)));
  },
});
