import { card, context, text } from "../card.ts";
import type { CommandName } from "../grammar/commands.ts";
import type { CommandHandler } from "./types.ts";

/**
 * For commands the grammar understands but whose feature has not been built yet: an honest answer
 * rather than silence. Each issue that builds a feature replaces its entries in registry.ts.
 */
export function comingSoon(name: CommandName): CommandHandler {
  return async (ctx) => {
    const message = ctx.t("common.coming_soon", { command: `/reflect ${name.replace(".", " ")}` });
    await ctx.reply(card(message, text(message), context(ctx.t("common.nothing_changed"))));
  };
}
