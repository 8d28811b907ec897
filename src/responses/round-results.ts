/**
 * The gated results card of any closed round (pulse or check-in), in a person's language and
 * zone: what the "you said, we did" message and the partners' `results` command show. Both go
 * through the same gate as every other results card.
 */
import type { Card } from "../core/card.ts";
import type { BotDeps } from "../core/context.ts";
import type { Translator } from "../core/i18n.ts";
import type { Round, Workspace } from "../store/types.ts";
import { computeRubricResults } from "../rubrics/results.ts";
import { checkinResultsCard, pulseResultsCard } from "../charts/results-charts.ts";
import { computePulseResults } from "../surveys/results.ts";

export async function roundResultsCard(deps: BotDeps, workspace: Workspace, round: Round, t: Translator, zone: string): Promise<Card> {
  return round.kind === "pulse"
    ? pulseResultsCard(deps, t, await computePulseResults(deps, workspace, round, t.locale), zone)
    : checkinResultsCard(t, await computeRubricResults(deps, workspace, round, t.locale), zone);
}

/** Someone a round was addressed to, and the way to reach them again (the way they were invited). */
export interface Addressee {
  userId: string;
  /** Reached only in this channel (a Slack Connect member: a message only they see). */
  channelId?: string;
  /** Invited by email from the partnership's contacts. */
  email?: string;
  locale?: string | null;
}

/**
 * The people a round was addressed to, worked out again from its audience (the invitee list is
 * erased at close): channel members, named people, and the partnership's email contacts when the
 * round invited them. Addresses typed for one round were erased with it and cannot be reached again.
 */
export async function addressees(deps: BotDeps, workspace: Workspace, round: Round): Promise<Addressee[]> {
  const people = new Map<string, Addressee>();
  for (const user of round.audience.users) people.set(user, { userId: user });
  for (const channel of round.audience.channels) {
    const members = await deps.directory.listMembers(workspace.platform, workspace.id, channel).catch(() => []);
    for (const m of members) {
      if (m.isBot || !m.reachable || people.has(m.userId)) continue;
      people.set(m.userId, m.channelOnly ? { userId: m.userId, channelId: channel } : { userId: m.userId });
    }
  }
  people.delete(round.createdBy);
  if (round.audience.contacts && round.partnershipId && deps.links.email) {
    for (const c of await deps.store.partnerships.contacts(round.partnershipId)) people.set(`mail:${c.email}`, { userId: `mail:${c.email}`, email: c.email, locale: c.locale });
  }
  return [...people.values()];
}
