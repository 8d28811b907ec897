/** Counts only, slow and coarse: how many had answered by today, never who (DESIGN.md §3 rules 4 and 12). */
import { computePulseResults } from "../results.ts";
import { statusCard } from "../results-card.ts";
import { openRoundCount } from "../open-count.ts";
import { findPulseRound, roundArg } from "../find-round.ts";
import { defineCommand } from "../../core/commands.ts";
import { COORDINATORS } from "../../core/roles.ts";

export const pulseStatusCommand = defineCommand({
  name: "pulse.status",
  path: ["pulse", "status"],
  area: "pulse",
  roles: COORDINATORS,
  parse: roundArg,
  async handle(ctx, command) {
    const round = await findPulseRound(ctx, command.round, "open");
    if (!round) return;
    const results = await computePulseResults(ctx.deps, ctx.workspace, round, ctx.t.locale);
    const open = round.status === "open" ? await openRoundCount(ctx.deps, ctx.workspace, round) : undefined;
    await ctx.reply(statusCard(ctx.t, results, ctx.member.timezone ?? ctx.workspace.timezone, round.unreachableCount, open));
  },
});
