/** Finding the round a pulse command is about: by ref, or the most recent one. */
import type { HandlerContext } from "../context.ts";
import { errorCard } from "../replies.ts";
import type { Round } from "../../store/types.ts";

export async function findPulseRound(ctx: HandlerContext, ref: string | undefined, prefer: "open" | "any"): Promise<Round | null> {
  const { deps, t, workspace } = ctx;
  if (ref) {
    const round = await deps.store.rounds.get(workspace.id, ref);
    if (round && round.kind === "pulse") return round;
    const recent = (await deps.store.rounds.list(workspace.id, { kind: "pulse", limit: 5 })).map((r) => `\`${r.ref}\``).join(", ");
    await ctx.reply(errorCard(t, t("pulse.unknown_round", { ref, recent: recent || t("common.none") })));
    return null;
  }
  const rounds = await deps.store.rounds.list(workspace.id, { kind: "pulse", limit: 20 });
  const round = (prefer === "open" ? rounds.find((r) => r.status === "open") : undefined) ?? rounds.find((r) => r.status !== "scheduled");
  if (!round) await ctx.reply(errorCard(t, t("pulse.no_rounds")));
  return round ?? null;
}
