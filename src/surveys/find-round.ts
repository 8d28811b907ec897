/** Finding the round a pulse command is about: by ref, or the most recent one. */
import type { HandlerContext } from "../core/context.ts";
import { phrase, type Cursor } from "../core/grammar/options.ts";
import { errorCard } from "../core/replies.ts";
import type { Round } from "../store/types.ts";

export async function findPulseRound(ctx: HandlerContext, ref: string | undefined, prefer: "open" | "any"): Promise<Round | null> {
  const { deps, t, workspace } = ctx;
  if (ref) {
    const round = await deps.store.rounds.get(workspace.id, ref);
    if (round && round.kind === "pulse") return round;
    const recent = (await deps.store.rounds.list(workspace.id, { kind: "pulse", limit: 5 })).map((r) => `\`${r.ref}\``).join(", ");
    await ctx.reply(errorCard(ctx, t("pulse.unknown_round", { ref, recent: recent || t("common.nothing") })));
    return null;
  }
  const rounds = await deps.store.rounds.list(workspace.id, { kind: "pulse", limit: 20 });
  const round = (prefer === "open" ? rounds.find((r) => r.status === "open") : undefined) ?? rounds.find((r) => r.status !== "scheduled");
  if (!round) await ctx.reply(errorCard(ctx, t("pulse.no_rounds")));
  return round ?? null;
}

/** The options of commands about one pulse round: an optional round reference. */
export function roundArg(c: Cursor): { round?: string } {
  const round = phrase(c.rest());
  return round ? { round } : {};
}
