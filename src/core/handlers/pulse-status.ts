import { computePulseResults } from "../../surveys/results.ts";
import { statusCard } from "../../surveys/results-card.ts";
import { findPulseRound } from "./pulse-round.ts";
import type { CommandHandler } from "./types.ts";

/** Counts only: how many of how many answered, never who (DESIGN.md §3 rule 4). */
export const pulseStatus: CommandHandler<"pulse.status"> = async (ctx, command) => {
  const round = await findPulseRound(ctx, command.round, "open");
  if (!round) return;
  const results = await computePulseResults(ctx.deps, ctx.workspace, round, ctx.t.locale);
  await ctx.reply(statusCard(ctx.t, results, ctx.member.timezone ?? ctx.workspace.timezone, round.unreachableCount));
};
