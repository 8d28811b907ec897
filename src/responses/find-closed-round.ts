/** The closed round (pulse or check-in) a response is about: by ref, or the most recent one. */
import type { HandlerContext } from "../core/context.ts";
import { errorCard } from "../core/replies.ts";
import type { Round } from "../store/types.ts";

export async function findClosedRound(ctx: HandlerContext, ref: string | undefined): Promise<Round | null> {
  const { deps, t, workspace } = ctx;
  if (ref) {
    const round = await deps.store.rounds.get(workspace.id, ref);
    if (round?.status === "closed") return round;
    await ctx.reply(errorCard(ctx, round ? t("respond.not_closed", { ref: round.ref }) : t("respond.unknown_round", { ref }), "respond"));
    return null;
  }
  const closed = [
    ...(await deps.store.rounds.list(workspace.id, { kind: "pulse", status: "closed", limit: 5 })),
    ...(await deps.store.rounds.list(workspace.id, { kind: "rubric", status: "closed", limit: 5 })),
  ].sort((a, b) => (b.closedAt?.getTime() ?? 0) - (a.closedAt?.getTime() ?? 0));
  if (!closed[0]) await ctx.reply(errorCard(ctx, t("respond.no_closed"), "respond"));
  return closed[0] ?? null;
}
