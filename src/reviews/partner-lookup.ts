/** Shared by handlers that take a partnership name: resolve it or answer with close names. */
import type { HandlerContext } from "../core/context.ts";
import { partnershipName, type Cursor } from "../core/grammar/options.ts";
import { errorCard } from "../core/replies.ts";
import { resolvePartnership } from "./partnerships.ts";
import type { Partnership } from "../store/types.ts";

export async function lookupPartnership(ctx: HandlerContext, typed: string, area: string): Promise<Partnership | null> {
  const found = await resolvePartnership(ctx.deps, ctx.workspace.id, typed);
  if (found.ok) return found.partnership;
  const message = found.suggestions.length
    ? ctx.t("partner.unknown_suggest", { name: typed, suggestions: found.suggestions.map((s) => `"${s}"`).join(", ") })
    : ctx.t("partner.unknown", { name: typed });
  await ctx.reply(errorCard(ctx, message, area));
  return null;
}

/** The options of commands about one partnership: its name (the rest of the words, or quoted). */
export const partnershipArg =
  (area: string) =>
  (c: Cursor): { partnership: string } => ({ partnership: partnershipName(c.rest(), area) });
