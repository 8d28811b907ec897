/**
 * Scheduled pulse work, as job definitions:
 * - pulse-rounds (every 5 minutes): opens scheduled (recurring) rounds and closes rounds past
 *   their deadline.
 * - pulse-reminders (hourly): reminds non-respondents, at most twice (half-way and 24 h before
 *   the close), only during their local daytime, never those who turned reminders off.
 */
import { DateTime } from "luxon";
import type { JobDefinition } from "../jobs/types.ts";
import type { BotDeps } from "../core/context.ts";
import type { Round } from "../store/types.ts";
import { closePulseRound } from "./close.ts";
import { invitationCard } from "./cards.ts";
import { personHash, newRoundSecret } from "./participation.ts";
import { templateOf } from "./results.ts";
import { invite, pulseDetails, sharedPulseInvitation } from "./start.ts";
import { postSharedInvitations, sharedChannels } from "./shared-invite.ts";
import { emailDomains, remindByEmail } from "../email/send.ts";
import { emailAlreadySent, INVITATIONS_GRACE_MS, inviteDestination, inviteesOf, rememberInvitees, resolveAudience } from "./audience.ts";
import { promiseOf } from "../core/gate.ts";
import { planSegments } from "./segments.ts";
import { inLanguage } from "../core/card.ts";
import { speakerLanguages } from "../core/i18n.ts";

export const pulseRoundsJob: JobDefinition = {
  id: "pulse-rounds",
  cron: "*/5 * * * *",
  timezone: "UTC",
  catchUpMs: 60 * 60_000,
  description: "Open scheduled pulse rounds and close rounds past their deadline",
  async handler({ slot, deps }) {
    let opened = 0;
    let closed = 0;
    for (const round of await deps.store.rounds.due("scheduled", slot)) {
      if (round.kind === "pulse" && (await openScheduled(deps, round))) opened++;
    }
    for (const round of await deps.store.rounds.due("open", slot)) {
      if (round.kind !== "pulse") continue;
      const workspace = await deps.store.workspaces.get(round.workspaceId);
      if (workspace && (await closePulseRound(deps, workspace, round))) closed++;
    }
    // A process that stopped while queueing a round's invitations left it unfinished: finish it.
    let resumed = 0;
    for (const round of await deps.store.rounds.awaitingInvitations(new Date(slot.getTime() - INVITATIONS_GRACE_MS))) {
      if (round.kind !== "pulse") continue;
      const workspace = await deps.store.workspaces.get(round.workspaceId);
      if (!workspace) continue;
      try {
        await invite(deps, workspace, round, await templateOf(deps, round), await deps.store.rounds.inviteeRoutes(round.id), emailAlreadySent);
        await deps.store.rounds.markInvitationsQueued(round.id);
        resumed++;
      } catch (error) {
        // One round that cannot be finished must not hold back the others, nor any close.
        deps.logger.error("finishing a round's invitations failed", { round: round.id, error });
      }
    }
    return { opened, closed, resumed };
  },
};

async function openScheduled(deps: BotDeps, round: Round): Promise<boolean> {
  const workspace = await deps.store.workspaces.get(round.workspaceId);
  if (!workspace) return false;
  const promise = promiseOf(workspace);
  if (!(await deps.store.rounds.open(round.id, newRoundSecret(), promise, deps.clock.now()))) return false;
  const opened = (await deps.store.rounds.byId(round.id))!;
  const resolved = await resolveAudience(deps, workspace, round.audience, round.createdBy, round.partnershipId);
  await rememberInvitees(deps, workspace, resolved);
  const segmentPlan = await planSegments(deps, workspace, opened.partnershipId, resolved.invitees, opened.threshold);
  await deps.store.rounds.setInvitees(round.id, inviteesOf(resolved), resolved.unreachable, segmentPlan);
  await invite(deps, workspace, (await deps.store.rounds.byId(round.id))!, await templateOf(deps, round), inviteesOf(resolved));
  await deps.store.rounds.markInvitationsQueued(round.id);
  return true;
}

/** When reminder 1 (half-way) and 2 (24 h before close) fall due; the second only if it comes after the first. */
function reminderTimes(round: Round): Date[] {
  const open = round.opensAt.getTime();
  const close = round.closesAt.getTime();
  const halfway = open + (close - open) / 2;
  const dayBefore = close - 24 * 3_600_000;
  return dayBefore > halfway + 3_600_000 ? [new Date(halfway), new Date(dayBefore)] : [new Date(halfway)];
}

const DAYTIME_START = 9;
const DAYTIME_END = 18;
const daytime = (slot: Date, zone: string) => {
  const hour = DateTime.fromJSDate(slot, { zone }).hour;
  return hour >= DAYTIME_START && hour < DAYTIME_END;
};

export const pulseRemindersJob: JobDefinition = {
  id: "pulse-reminders",
  cron: "0 * * * *",
  timezone: "UTC",
  catchUpMs: 6 * 60 * 60_000,
  description: "Remind people who have not answered an open pulse (at most twice, in their daytime)",
  async handler({ slot, deps }) {
    let sent = 0;
    for (const round of await deps.store.rounds.openRounds("pulse")) {
      if (round.closesAt <= slot) continue;
      const due = reminderTimes(round).filter((d) => d <= slot);
      if (due.length === 0) continue;
      const index = due.length; // only the latest due reminder, so nobody gets more than two
      const workspace = await deps.store.workspaces.get(round.workspaceId);
      const secret = await deps.store.rounds.secret(round.id);
      if (!workspace || !secret) continue;
      const template = await templateOf(deps, round);
      const answered = await deps.store.responses.participationHashes(round.id);
      const optedOut = await deps.store.responses.reminderOptOuts(round.id);
      const invitees = await deps.store.rounds.inviteeRoutes(round.id);
      const shared = sharedChannels(deps, workspace, invitees);
      const domains = emailDomains(invitees);
      // One reminder in each such channel, while anyone reached only there has not answered.
      const waiting = new Set(invitees.filter((i) => i.channelId && shared.has(i.channelId) && !answered.has(personHash(secret, workspace.id, i.userId))).map((i) => i.channelId!));
      if (daytime(slot, workspace.timezone))
        sent += await postSharedInvitations(deps, workspace, round, waiting, (t) => sharedPulseInvitation(t, workspace, round, template, index), index);
      for (const invitee of invitees) {
        const { userId } = invitee;
        if (invitee.channelId && shared.has(invitee.channelId)) continue;
        const hash = personHash(secret, workspace.id, userId);
        // Email reminders go to everyone invited by email who has not opted out, answered or not:
        // a reminder sent only to those who had not answered would tell whoever reads the mail
        // trail (the relay's logs, the sender's Sent folder) who had.
        if ((answered.has(hash) && !invitee.email) || optedOut.has(hash)) continue;
        const member = invitee.email ? null : await deps.store.members.get(workspace.id, userId);
        if (member?.remindersOptOut) continue;
        const zone = member?.timezone ?? workspace.timezone;
        const hour = DateTime.fromJSDate(slot, { zone }).hour;
        if (hour < DAYTIME_START || hour >= DAYTIME_END) continue;
        if (invitee.email) {
          if (await remindByEmail(deps, workspace, round, { userId, email: invitee.email, locale: invitee.locale ?? null }, pulseDetails(round, template), domains, index)) sent++;
          continue;
        }
        const t = deps.i18n.forLocale(...speakerLanguages(member), workspace.locale);
        const fresh = await deps.outbox.post({
          workspaceId: workspace.id,
          platform: workspace.platform,
          destination: inviteDestination(invitee, round),
          card: inLanguage(invitationCard({ t, zone, organisation: member?.organisation ?? null }, round, template, index), t.locale),
          // One key per person and reminder number: re-running a slot never sends twice.
          dedupeKey: `pulse:${round.id}:remind${index}:${userId}`,
        });
        if (fresh) sent++;
      }
    }
    return { sent };
  },
};
