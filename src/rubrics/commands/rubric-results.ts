/** The latest closed check-in's results (or, while one is open, how many answered). */
import { computeRubricResults } from "../results.ts";
import { checkinResultsCard } from "../../charts/results-charts.ts";
import { latestRubricRound } from "../find-round.ts";
import { partnershipArg } from "../../reviews/partner-lookup.ts";
import { defineCommand } from "../../core/commands.ts";
import { READERS } from "../../core/roles.ts";

export const rubricResultsCommand = defineCommand({
  name: "rubric.results",
  path: ["rubric", "results"],
  area: "rubric",
  roles: READERS,
  parse: partnershipArg("rubric"),
  async handle(ctx, command) {
    const found = await latestRubricRound(ctx, command.partnership, "closed");
    if (!found) return;
    const results = await computeRubricResults(ctx.deps, ctx.workspace, found.round, ctx.t.locale);
    await ctx.reply(await checkinResultsCard(ctx.t, results, ctx.member.timezone ?? ctx.workspace.timezone));
  },
});
