/** Shared by handlers that take a partnership name: resolve it or answer with close names. */
import type { HandlerContext } from "../context.ts";
import { errorCard } from "../replies.ts";
import { resolvePartnership } from "../../reviews/partnerships.ts";
import type { Partnership } from "../../store/types.ts";

export async function lookupPartnership(ctx: HandlerContext, typed: string, area: string): Promise<Partnership | null> {
  const found = await resolvePartnership(ctx.deps, ctx.workspace.id, typed);
  if (found.ok) return found.partnership;
  const message = found.suggestions.length
    ? ctx.t("partner.unknown_suggest", { name: typed, suggestions: found.suggestions.map((s) => `"${s}"`).join(", ") })
    : ctx.t("partner.unknown", { name: typed });
  await ctx.reply(errorCard(ctx.t, message, area));
  return null;
}
