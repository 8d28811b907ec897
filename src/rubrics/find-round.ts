/** The rubric round a command is about: the latest one of the partnership. */
import type { HandlerContext } from "../core/context.ts";
import { errorCard } from "../core/replies.ts";
import type { Partnership, Round } from "../store/types.ts";
import { lookupPartnership } from "../reviews/partner-lookup.ts";

export async function latestRubricRound(ctx: HandlerContext, typed: string, prefer: "open" | "closed" | "any"): Promise<{ partnership: Partnership; round: Round } | null> {
  const partnership = await lookupPartnership(ctx, typed, "rubric");
  if (!partnership) return null;
  const rounds = (await ctx.deps.store.rounds.list(ctx.workspace.id, { kind: "rubric", partnershipId: partnership.id })).filter((r) => r.status !== "scheduled");
  const round = (prefer === "any" ? rounds[0] : rounds.find((r) => r.status === prefer)) ?? (prefer === "closed" ? rounds[0] : undefined);
  if (!round) {
    await ctx.reply(errorCard(ctx, ctx.t(prefer === "open" ? "rubric.no_open_round" : "rubric.no_rounds", { partnership: partnership.name })));
    return null;
  }
  return { partnership, round };
}
