import { computePulseResults } from "../../surveys/results.ts";
import { resultsCard } from "../../surveys/results-card.ts";
import { findPulseRound } from "./pulse-round.ts";
import type { CommandHandler } from "./types.ts";

export const pulseResults: CommandHandler<"pulse.results"> = async (ctx, command) => {
  const round = await findPulseRound(ctx, command.round, "any");
  if (!round) return;
  const results = await computePulseResults(ctx.deps, ctx.workspace, round, ctx.t.locale);
  await ctx.reply(resultsCard(ctx.t, results, ctx.member.timezone ?? ctx.workspace.timezone));
};
