/**
 * Starting a rubric check-in for a partnership: guards first (paused partnership; rubric fatigue
 * under the workspace cadence), then the audience, the round and private invitations.
 */
import type { BotDeps } from "../core/context.ts";
import type { RubricDefinition } from "../core/prompts/schemas.ts";
import type { AudienceSpec, Invitee, Partnership, Round, Workspace } from "../store/types.ts";
import { audienceRule, inviteDestination, inviteesOf, rememberInvitees, resolveAudience, type AudienceProblem, type ResolvedAudience } from "../surveys/audience.ts";
import { emailDomains, queueRoundEmail } from "../email/send.ts";
import { postSharedInvitations, sharedChannels, sharedInvitation } from "../surveys/shared-invite.ts";
import { promiseOf } from "../core/gate.ts";
import { newRoundSecret } from "../surveys/participation.ts";
import { rubricInvitationCard } from "./cards.ts";
import { rubricSnapshotId } from "./definitions.ts";
import { planSegments } from "../surveys/segments.ts";
import { inLanguage } from "../core/card.ts";
import { speakerLanguages } from "../core/i18n.ts";

export const DEFAULT_RUBRIC_DAYS = 14;

export type RubricGuard = { guard: "paused"; reason: string } | { guard: "fatigue"; lastRef: string; lastOpened: Date; days: number; cadence: number } | null;

/** Why a check-in should not start now, if anything. */
export async function rubricGuard(deps: BotDeps, workspace: Workspace, partnership: Partnership, now: Date): Promise<RubricGuard> {
  if (partnership.pausedReason) return { guard: "paused", reason: partnership.pausedReason };
  const [last] = (await deps.store.rounds.list(workspace.id, { kind: "rubric", partnershipId: partnership.id, limit: 5 })).filter((r) => r.status !== "scheduled");
  if (!last) return null;
  const days = Math.floor((now.getTime() - last.opensAt.getTime()) / 86_400_000);
  if (days < workspace.rubricCadenceDays) return { guard: "fatigue", lastRef: last.ref, lastOpened: last.opensAt, days, cadence: workspace.rubricCadenceDays };
  return null;
}

/** A started round; for collective rounds, how many were invited from each organisation. */
export type RubricStart = { round: Round; unreachable: number; withoutOrganisation: number; byOrganisation: Record<string, number> } | AudienceProblem;

export async function startRubric(
  deps: BotDeps,
  input: {
    workspace: Workspace;
    rubric: RubricDefinition;
    partnership: Partnership;
    audience: AudienceSpec;
    mode: "individual" | "collective";
    createdBy: string;
    originChannelId: string | null;
    closesAt: Date;
  },
): Promise<RubricStart> {
  const { workspace, rubric, partnership } = input;
  const resolved = await resolveAudience(deps, workspace, input.audience, input.createdBy, partnership.id);
  const problem = audienceRule(resolved, input.audience, workspace.threshold, input.mode);
  if (problem) return problem;
  if (input.mode === "collective") {
    // An email contact rates for the register's organisation, if it is still one of the partnership's.
    const unplaced: string[] = [];
    for (const mail of resolved.emails.values()) {
      mail.organisation = await organisationIn(deps, partnership, mail.organisation);
      if (!mail.organisation) unplaced.push(mail.email);
    }
    if (unplaced.length > 0) return { problem: "email_collective", addresses: unplaced };
    const tooFew = await organisationsWithOneInvitee(deps, workspace, partnership, resolved);
    if (tooFew.length > 0) return { problem: "org_too_few", organisations: tooFew };
  }
  const now = deps.clock.now();
  const round = await deps.store.rounds.create({
    workspaceId: workspace.id,
    kind: "rubric",
    snapshotId: await rubricSnapshotId(deps, rubric),
    partnershipId: partnership.id,
    mode: input.mode,
    questionKeys: rubric.elements.map((e) => e.key),
    originChannelId: input.originChannelId,
    audience: input.audience,
    createdBy: input.createdBy,
    sequence: (await deps.store.rounds.list(workspace.id, { kind: "rubric", partnershipId: partnership.id })).length + 1,
    status: "open",
    opensAt: now,
    closesAt: input.closesAt,
    secret: newRoundSecret(),
    promise: promiseOf(workspace),
  });
  await rememberInvitees(deps, workspace, resolved);
  // Collective rounds are attributed to organisations by design; individual ones record groups.
  const segmentPlan = input.mode === "collective" ? null : await planSegments(deps, workspace, partnership.id, resolved.invitees, round.threshold);
  await deps.store.rounds.setInvitees(round.id, inviteesOf(resolved), resolved.unreachable, segmentPlan);
  const started = (await deps.store.rounds.byId(round.id))!;
  const { withoutOrganisation, byOrganisation } = await inviteRubric(deps, { workspace, rubric, partnership, round: started, invitees: inviteesOf(resolved) });
  await deps.store.rounds.markInvitationsQueued(started.id);
  return {
    round: started,
    unreachable: resolved.unreachable,
    withoutOrganisation,
    byOrganisation,
  };
}

/**
 * Queues a check-in's invitations (idempotent: dedupe keys keep each single, so the rounds job
 * can finish what a stopped process started); for collective rounds, counts per organisation.
 */
export async function inviteRubric(
  deps: BotDeps,
  input: { workspace: Workspace; rubric: RubricDefinition; partnership: Partnership; round: Round; invitees: Invitee[]; skip?: (i: Invitee) => boolean },
): Promise<{ withoutOrganisation: number; byOrganisation: Record<string, number> }> {
  const { workspace, rubric, partnership, round: started } = input;
  const mode = started.mode;
  let withoutOrganisation = 0;
  const byOrganisation: Record<string, number> = {};
  const shared = sharedChannels(deps, workspace, input.invitees);
  const domains = emailDomains(input.invitees);
  await postSharedInvitations(deps, workspace, started, shared, (t) =>
    sharedInvitation(t, rubricInvitationCard(t, workspace.timezone, started, rubric, partnership.name, null), "rubric.open:"),
  );
  for (const invitee of input.invitees) {
    const { userId } = invitee;
    if ((invitee.channelId && shared.has(invitee.channelId)) || input.skip?.(invitee)) continue;
    if (invitee.email) {
      if (invitee.organisation) byOrganisation[invitee.organisation] = (byOrganisation[invitee.organisation] ?? 0) + 1;
      await queueRoundEmail(
        deps,
        workspace,
        started,
        { userId, email: invitee.email, locale: invitee.locale ?? null },
        (t) => ({
          title: t("rubric.email_title", { partnership: partnership.name }),
          minutes: rubric.elements.length,
          disclosure:
            mode === "collective" && invitee.organisation
              ? t("rubric.collective_disclosure", { organisation: invitee.organisation })
              : t("pulse.disclosure", { threshold: started.threshold, commenters: started.minCommenters }),
        }),
        domains,
      );
      continue;
    }
    const member = await deps.store.members.get(workspace.id, userId);
    const org = mode === "collective" ? await organisationIn(deps, partnership, member?.organisation ?? null) : null;
    if (mode === "collective" && !org) withoutOrganisation++;
    if (org) byOrganisation[org] = (byOrganisation[org] ?? 0) + 1;
    const t = deps.i18n.forLocale(...speakerLanguages(member), workspace.locale);
    await deps.outbox.post({
      workspaceId: workspace.id,
      platform: workspace.platform,
      destination: inviteDestination(invitee, started),
      card: inLanguage(rubricInvitationCard(t, member?.timezone ?? workspace.timezone, started, rubric, partnership.name, member?.organisation ?? null), t.locale),
      dedupeKey: `rubric:${started.id}:invite:${userId}`,
    });
  }
  return { withoutOrganisation, byOrganisation };
}

/** The person's organisation when it is one kept for this partnership, else null. */
export async function organisationIn(deps: BotDeps, partnership: Partnership, organisation: string | null): Promise<string | null> {
  if (!organisation) return null;
  const listed = await deps.store.partnerships.organisations(partnership.id);
  return listed.find((o) => o.name.toLowerCase() === organisation.toLowerCase())?.name ?? null;
}

/**
 * Organisations of the partnership with exactly one invitee: a collective rating from one person
 * would be that person's view reported as the organisation's, so such a round does not start.
 */
async function organisationsWithOneInvitee(deps: BotDeps, workspace: Workspace, partnership: Partnership, resolved: ResolvedAudience): Promise<string[]> {
  const count = new Map<string, number>();
  for (const userId of resolved.invitees) {
    const mail = resolved.emails.get(userId);
    const org = mail ? mail.organisation : await organisationIn(deps, partnership, (await deps.store.members.get(workspace.id, userId))?.organisation ?? null);
    if (org) count.set(org, (count.get(org) ?? 0) + 1);
  }
  return [...count].filter(([, n]) => n < 2).map(([org]) => org);
}
