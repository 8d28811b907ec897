import { formatDate } from "../dates.ts";
import { compiledConsensus } from "../../rubrics/results.ts";
import { rubricHistoryCard, type HistoryColumn } from "../../rubrics/results-card.ts";
import { rubricOf } from "../../rubrics/definitions.ts";
import { lookupPartnership } from "./partner-lookup.ts";
import type { CommandHandler } from "./types.ts";

/** Consensus per element for past rounds side by side (only what passes the gate). */
export const rubricHistory: CommandHandler<"rubric.history"> = async (ctx, command) => {
  const { deps, t, workspace } = ctx;
  const partnership = await lookupPartnership(ctx, command.partnership, "rubric");
  if (!partnership) return;
  const rounds = (await deps.store.rounds.list(workspace.id, { kind: "rubric", status: "closed", partnershipId: partnership.id, limit: 6 })).reverse();
  const columns: HistoryColumn[] = [];
  for (const round of rounds) {
    const consensus = await compiledConsensus(deps, round, workspace.threshold);
    columns.push({ ref: round.ref, label: formatDate(round.opensAt, workspace.timezone, t.locale).slice(4), consensus: new Map([...consensus].map(([k, c]) => [k, c.consensus!])) });
  }
  const rubric = rounds.length ? await rubricOf(deps, rounds[rounds.length - 1]!) : deps.prompts.rubrics.get("clarissa")!;
  await ctx.reply(rubricHistoryCard(t, partnership.name, rubric, columns));
};
