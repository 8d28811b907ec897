/**
 * Starting a rubric check-in for a partnership: guards first (paused partnership; rubric fatigue
 * under the workspace cadence), then the audience, the round and private invitations.
 */
import type { BotDeps } from "../core/context.ts";
import type { RubricDefinition } from "../core/prompts/schemas.ts";
import type { AudienceSpec, Partnership, Round, Workspace } from "../store/types.ts";
import { MAX_AUDIENCE, resolveAudience } from "../surveys/audience.ts";
import { newRoundSecret } from "../surveys/participation.ts";
import { rubricInvitationCard } from "./cards.ts";
import { rubricSnapshotId } from "./definitions.ts";

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

export type RubricStart =
  | { round: Round; unreachable: number; withoutOrganisation: number }
  | { problem: "empty_audience"; unreachable: number }
  | { problem: "audience_too_large"; size: number };

export async function startRubric(
  deps: BotDeps,
  input: { workspace: Workspace; rubric: RubricDefinition; partnership: Partnership; audience: AudienceSpec; mode: "individual" | "collective"; createdBy: string; originChannelId: string | null; closesAt: Date },
): Promise<RubricStart> {
  const { workspace, rubric, partnership } = input;
  const resolved = await resolveAudience(deps, workspace, input.audience, input.createdBy);
  if (resolved.invitees.length === 0) return { problem: "empty_audience", unreachable: resolved.unreachable };
  if (resolved.invitees.length > MAX_AUDIENCE) return { problem: "audience_too_large", size: resolved.invitees.length };
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
  });
  await deps.store.rounds.setInvitees(round.id, resolved.invitees, resolved.unreachable);
  let withoutOrganisation = 0;
  for (const userId of resolved.invitees) {
    const member = await deps.store.members.get(workspace.id, userId);
    if (input.mode === "collective" && !member?.organisation) withoutOrganisation++;
    const t = deps.i18n.forLocale(member?.locale, workspace.locale);
    await deps.outbox.post({
      workspaceId: workspace.id,
      platform: workspace.platform,
      destination: { kind: "dm", userId },
      card: rubricInvitationCard(t, member?.timezone ?? workspace.timezone, round, rubric, partnership.name, workspace, member?.organisation ?? null),
      dedupeKey: `rubric:${round.id}:invite:${userId}`,
    });
  }
  return { round: { ...round, invitedCount: resolved.invitees.length, unreachableCount: resolved.unreachable }, unreachable: resolved.unreachable, withoutOrganisation };
}
