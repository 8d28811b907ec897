/**
 * Starting a pulse round: pick the template and its questions, resolve the audience, create the
 * round with a fresh participation secret, and queue a private invitation for each person.
 */
import { DateTime } from "luxon";
import type { BotDeps } from "../core/context.ts";
import type { SurveyTemplate } from "../core/prompts/schemas.ts";
import type { AudienceSpec, Invitee, Round, Workspace } from "../store/types.ts";
import { audienceRule, inviteDestination, inviteesOf, rememberInvitees, resolveAudience, type AudienceProblem } from "./audience.ts";
import { emailDomains, queueRoundEmail, type RoundDetails } from "../email/send.ts";
import { speakerLanguages, type Translator } from "../core/i18n.ts";
import { inLanguage } from "../core/card.ts";
import { postSharedInvitations, sharedChannels, sharedInvitation } from "./shared-invite.ts";
import { promiseOf } from "../core/gate.ts";
import { invitationCard } from "./cards.ts";
import { newRoundSecret } from "./participation.ts";
import { pick, questionKeysForRound } from "./templates.ts";
import { planSegments } from "./segments.ts";

export const DEFAULT_PULSE_DAYS = 7;
/** The template `pulse start` uses when none is named. */
export const DEFAULT_TEMPLATE = "partner-pulse";

export type StartProblem = AudienceProblem;

export interface StartInput {
  workspace: Workspace;
  template: SurveyTemplate;
  audience: AudienceSpec;
  /** The partnership the pulse is about (trends compare its earlier rounds). */
  partnershipId?: string | null;
  createdBy: string;
  originChannelId: string | null;
  opensAt: Date;
  closesAt: Date;
  recurrence: "monthly" | "quarterly" | null;
  /**
   * Called once the round exists and its audience is fixed, before any invitation is queued, so the
   * coordinator's confirmation is in the outbox ahead of the fan-out it announces.
   */
  beforeInvite?: (started: { round: Round; unreachable: number }) => Promise<void>;
}

async function snapshotFor(deps: BotDeps, template: SurveyTemplate): Promise<string> {
  const snapshot = await deps.store.snapshots.ensure("survey", template.id, template.version, template);
  if ("conflict" in snapshot) throw new Error(`survey ${template.id} version ${template.version} conflicts with its stored snapshot`);
  return snapshot.id;
}

/** Creates an open round and invites its audience; returns the round and who could not be reached. */
export async function startPulse(deps: BotDeps, input: StartInput): Promise<{ round: Round; unreachable: number } | StartProblem> {
  const resolved = await resolveAudience(deps, input.workspace, input.audience, input.createdBy, input.partnershipId ?? null);
  const problem = audienceRule(resolved, input.audience, input.workspace.threshold);
  if (problem) return problem;
  const sequence = (await deps.store.rounds.countWithKey(input.workspace.id, "pulse", input.template.id)) + 1;
  const round = await deps.store.rounds.create({
    workspaceId: input.workspace.id,
    kind: "pulse",
    snapshotId: await snapshotFor(deps, input.template),
    partnershipId: input.partnershipId ?? null,
    questionKeys: questionKeysForRound(input.template, sequence),
    originChannelId: input.originChannelId,
    audience: input.audience,
    createdBy: input.createdBy,
    recurrence: input.recurrence,
    sequence,
    status: "open",
    opensAt: input.opensAt,
    closesAt: input.closesAt,
    secret: newRoundSecret(),
    promise: promiseOf(input.workspace),
  });
  await rememberInvitees(deps, input.workspace, resolved);
  const segmentPlan = await planSegments(deps, input.workspace, round.partnershipId, resolved.invitees, round.threshold);
  await deps.store.rounds.setInvitees(round.id, inviteesOf(resolved), resolved.unreachable, segmentPlan);
  const started = (await deps.store.rounds.byId(round.id))!;
  await input.beforeInvite?.({ round: started, unreachable: resolved.unreachable });
  await invite(deps, input.workspace, started, input.template, inviteesOf(resolved));
  await deps.store.rounds.markInvitationsQueued(started.id);
  return { round: started, unreachable: resolved.unreachable };
}

/** What an email about this pulse says of it, in the reader's language. */
export const pulseDetails =
  (round: Round, template: SurveyTemplate): RoundDetails =>
  (t) => ({
    title: pick(template.title, t.locale),
    minutes: template.minutes,
    disclosure: t("pulse.disclosure", { threshold: promiseOf(round).threshold, commenters: promiseOf(round).minCommenters }),
  });

/** The channel's invitation for people the bot reaches only there (see shared-invite.ts). */
export const sharedPulseInvitation = (t: Translator, workspace: Workspace, round: Round, template: SurveyTemplate, reminder?: number) =>
  sharedInvitation(t, invitationCard({ t, zone: workspace.timezone, organisation: null }, round, template, reminder), "pulse.open:");

/** Queues one private invitation per person, in their own language and time zone, by their route. */
export async function invite(
  deps: BotDeps,
  workspace: Workspace,
  round: Round,
  template: SurveyTemplate,
  invitees: Invitee[],
  skip: (i: Invitee) => boolean = () => false,
): Promise<void> {
  const shared = sharedChannels(deps, workspace, invitees);
  const domains = emailDomains(invitees);
  await postSharedInvitations(deps, workspace, round, shared, (t) => sharedPulseInvitation(t, workspace, round, template));
  for (const invitee of invitees) {
    const { userId } = invitee;
    if ((invitee.channelId && shared.has(invitee.channelId)) || skip(invitee)) continue;
    if (invitee.email) {
      await queueRoundEmail(deps, workspace, round, { userId, email: invitee.email, locale: invitee.locale ?? null }, pulseDetails(round, template), domains);
      continue;
    }
    const member = await deps.store.members.get(workspace.id, userId);
    const t = deps.i18n.forLocale(...speakerLanguages(member), workspace.locale);
    await deps.outbox.post({
      workspaceId: workspace.id,
      platform: workspace.platform,
      destination: inviteDestination(invitee, round),
      card: inLanguage(invitationCard({ t, zone: member?.timezone ?? workspace.timezone, organisation: member?.organisation ?? null }, round, template), t.locale),
      dedupeKey: `pulse:${round.id}:invite:${userId}`,
    });
  }
}

/** The next occurrence of a recurring round, scheduled to open one month or quarter after this one. */
export async function scheduleNext(deps: BotDeps, round: Round, template: SurveyTemplate, now: Date): Promise<Round | null> {
  if (!round.recurrence) return null;
  const months = round.recurrence === "monthly" ? 1 : 3;
  let opensAt = DateTime.fromJSDate(round.opensAt).plus({ months }).toJSDate();
  if (opensAt < now) opensAt = now;
  const duration = round.closesAt.getTime() - round.opensAt.getTime();
  const sequence = (await deps.store.rounds.countWithKey(round.workspaceId, "pulse", template.id)) + 1;
  return deps.store.rounds.create({
    workspaceId: round.workspaceId,
    kind: "pulse",
    snapshotId: await snapshotFor(deps, template),
    partnershipId: round.partnershipId,
    questionKeys: questionKeysForRound(template, sequence),
    originChannelId: round.originChannelId,
    audience: round.audience,
    createdBy: round.createdBy,
    recurrence: round.recurrence,
    sequence,
    status: "scheduled",
    opensAt,
    closesAt: new Date(opensAt.getTime() + duration),
    secret: null,
    // Fixed again from the settings of the day it opens; its invitations are written then.
    promise: { threshold: round.threshold, commentThreshold: round.commentThreshold, minCommenters: round.minCommenters, minOpenHours: round.minOpenHours },
  });
}
