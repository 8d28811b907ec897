/** `/reflect pulse results [round]`: the gated results of a closed round; nothing but the deadline while open. */
import { computePulseResults } from "../results.ts";
import { pulseResultsCard } from "../../charts/results-charts.ts";
import { findPulseRound, roundArg } from "../find-round.ts";
import { defineCommand } from "../../core/commands.ts";
import { READERS } from "../../core/roles.ts";

export const pulseResultsCommand = defineCommand({
  name: "pulse.results",
  path: ["pulse", "results"],
  area: "pulse",
  roles: READERS,
  parse: roundArg,
  async handle(ctx, command) {
    const round = await findPulseRound(ctx, command.round, "any");
    if (!round) return;
    const results = await computePulseResults(ctx.deps, ctx.workspace, round, ctx.t.locale);
    await ctx.reply(await pulseResultsCard(ctx.deps, ctx.t, results, ctx.member.timezone ?? ctx.workspace.timezone));
  },
});
