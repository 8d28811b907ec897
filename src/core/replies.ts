/** Cards shared by many handlers: errors with usage and example, notices. */
import { card, context, text, type Card } from "./card.ts";
import type { HandlerContext } from "./context.ts";
import { markup, userText } from "./text.ts";

/** The usage lines of an area's commands (messages `usage.<name>`) and the first example. */
function usageOf(ctx: Pick<HandlerContext, "t" | "deps" | "commands">, area: string, names?: readonly string[]): { lines: string[]; example?: string } {
  const specs = ctx.commands.inArea(area).filter((s) => !names || names.includes(s.name));
  const lines = specs.map((s) => ctx.deps.i18n.dynamic(ctx.t.locale, `usage.${s.name}`));
  const first = specs[0];
  return first ? { lines, example: ctx.deps.i18n.dynamic(ctx.t.locale, `example.${first.name}`) } : { lines };
}

/** A clear, specific error: what was wrong, the usage and an example of the right form. */
export function errorCard(ctx: Pick<HandlerContext, "t" | "deps" | "commands">, message: string, area?: string): Card {
  const usage = area ? usageOf(ctx, area) : { lines: [] };
  return card(
    message,
    text(`:warning: ${message}`),
    // Usage lines hold <placeholders>: shown as typed, not as markup.
    usage.lines.length > 0 && text(usage.lines.map((u) => `\`/reflect ${userText(u)}\``).join("\n")),
    usage.example ? context(ctx.t("common.example", { example: markup(usage.example) })) : undefined,
  );
}

/** A one-line card. */
export function noticeFor(message: string): Card {
  return card(message, text(message));
}
