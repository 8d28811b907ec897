/**
 * The gated results card of any closed round (pulse or check-in), in a person's language and
 * zone: what the "you said, we did" message and the partners' `results` command show. Both go
 * through the same gate as every other results card.
 */
import type { Card } from "../core/card.ts";
import type { BotDeps } from "../core/context.ts";
import type { Translate } from "../core/i18n.ts";
import type { Round, Workspace } from "../store/types.ts";
import { computeRubricResults } from "../rubrics/results.ts";
import { rubricResultsCard } from "../rubrics/results-card.ts";
import { computePulseResults } from "../surveys/results.ts";
import { resultsCard } from "../surveys/results-card.ts";

export async function roundResultsCard(deps: BotDeps, workspace: Workspace, round: Round, t: Translate & { locale: string }, zone: string): Promise<Card> {
  return round.kind === "pulse"
    ? resultsCard(t, await computePulseResults(deps, workspace, round, t.locale), zone)
    : rubricResultsCard(t, await computeRubricResults(deps, workspace, round, t.locale), zone);
}

/** The people a round was addressed to, worked out again from its audience (the invitee list is erased at close). */
export async function addressees(deps: BotDeps, workspace: Workspace, round: Round): Promise<string[]> {
  const people = new Set(round.audience.users);
  for (const channel of round.audience.channels) {
    const members = await deps.directory.listMembers(workspace.platform, workspace.id, channel).catch(() => []);
    for (const m of members) if (!m.isBot) people.add(m.userId);
  }
  people.delete(round.createdBy);
  return [...people];
}
