/** Where the latest check-in stands: the slow daily count while open (DESIGN.md §3 rule 12), the final count once closed. */
import { computeRubricResults } from "../results.ts";
import { latestRubricRound } from "../find-round.ts";
import { openRoundCount } from "../../surveys/open-count.ts";
import { roundStatusCard } from "../../surveys/results-card.ts";
import { partnershipArg } from "../../reviews/partner-lookup.ts";
import { defineCommand } from "../../core/commands.ts";
import { COORDINATORS } from "../../core/roles.ts";

export const rubricStatusCommand = defineCommand({
  name: "rubric.status",
  path: ["rubric", "status"],
  area: "rubric",
  roles: COORDINATORS,
  parse: partnershipArg("rubric"),
  async handle(ctx, command) {
    const found = await latestRubricRound(ctx, command.partnership, "any");
    if (!found) return;
    const { round, partnership } = found;
    const zone = ctx.member.timezone ?? ctx.workspace.timezone;
    const title = ctx.t("rubric.results_title", { partnership: partnership.name, ref: round.ref });
    if (round.status === "open") {
      const open = await openRoundCount(ctx.deps, ctx.workspace, round);
      await ctx.reply(roundStatusCard(ctx.t, title, round, zone, round.unreachableCount, open, null));
      return;
    }
    const results = await computeRubricResults(ctx.deps, ctx.workspace, round, ctx.t.locale);
    await ctx.reply(roundStatusCard(ctx.t, title, round, zone, round.unreachableCount, null, { respondents: results.respondents, threshold: results.threshold }));
  },
});
