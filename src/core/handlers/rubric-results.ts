import { computeRubricResults } from "../../rubrics/results.ts";
import { rubricResultsCard } from "../../rubrics/results-card.ts";
import { latestRubricRound } from "./rubric-round.ts";
import type { CommandHandler } from "./types.ts";

/** The latest closed check-in's results (or, while one is open, how many answered). */
export const rubricResults: CommandHandler<"rubric.results"> = async (ctx, command) => {
  const found = await latestRubricRound(ctx, command.partnership, "closed");
  if (!found) return;
  const results = await computeRubricResults(ctx.deps, ctx.workspace, found.round, ctx.t.locale);
  await ctx.reply(rubricResultsCard(ctx.t, results, ctx.member.timezone ?? ctx.workspace.timezone));
};

export const rubricStatus: CommandHandler<"rubric.status"> = async (ctx, command) => {
  const found = await latestRubricRound(ctx, command.partnership, "any");
  if (!found) return;
  const results = await computeRubricResults(ctx.deps, ctx.workspace, { ...found.round, status: found.round.status === "closed" ? "closed" : "open" }, ctx.t.locale);
  await ctx.reply(rubricResultsCard(ctx.t, results, ctx.member.timezone ?? ctx.workspace.timezone));
};
