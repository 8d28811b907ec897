/** Consensus per element for past rounds side by side (only what passes the gate). */
import { formatDate } from "../../core/dates.ts";
import { rulesFor } from "../../core/gate.ts";
import { compiledConsensus } from "../results.ts";
import { rubricHistoryCard, type HistoryColumn } from "../results-card.ts";
import { rubricOf } from "../definitions.ts";
import { lookupPartnership, partnershipArg } from "../../reviews/partner-lookup.ts";
import { defineCommand } from "../../core/commands.ts";
import { READERS } from "../../core/roles.ts";

export const rubricHistoryCommand = defineCommand({
  name: "rubric.history",
  path: ["rubric", "history"],
  area: "rubric",
  roles: READERS,
  parse: partnershipArg("rubric"),
  async handle(ctx, command) {
    const { deps, t, workspace } = ctx;
    const partnership = await lookupPartnership(ctx, command.partnership, "rubric");
    if (!partnership) return;
    const rounds = (await deps.store.rounds.list(workspace.id, { kind: "rubric", status: "closed", partnershipId: partnership.id, limit: 6 })).reverse();
    const columns: HistoryColumn[] = [];
    for (const round of rounds) {
      const consensus = await compiledConsensus(deps, round, rulesFor(round, workspace).threshold);
      columns.push({
        ref: round.ref,
        label: formatDate(round.opensAt, workspace.timezone, t.locale).slice(4),
        consensus: new Map([...consensus].map(([k, c]) => [k, c.consensus!])),
      });
    }
    const rubric = rounds.length ? await rubricOf(deps, rounds[rounds.length - 1]!) : deps.prompts.rubrics.get("clarissa")!;
    await ctx.reply(rubricHistoryCard(t, partnership.name, rubric, columns));
  },
});
