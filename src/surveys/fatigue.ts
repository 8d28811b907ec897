/**
 * The pulse fatigue guard, like the rubric's: the same audience gets the same template at most
 * once per cadence (`settings pulse-cadence`, default 30 days) unless the coordinator confirms.
 * Alert ran its partner survey once and did not want to add pressure on partners; a monthly
 * pulse to the same people is the opposite unless someone chooses it.
 */
import type { BotDeps } from "../core/context.ts";
import type { AudienceSpec, Round, Workspace } from "../store/types.ts";

/** The same audience, whatever order its channels and people were typed in. */
export const sameAudience = (a: AudienceSpec, b: AudienceSpec) =>
  JSON.stringify([[...a.channels].sort(), [...a.users].sort()]) === JSON.stringify([[...b.channels].sort(), [...b.users].sort()]);

export interface PulseFatigue {
  last: Round;
  days: number;
  cadence: number;
}

/** The round that makes a new one too soon, if any. */
export async function pulseFatigue(
  deps: BotDeps,
  workspace: Workspace,
  input: { templateId: string; audience: AudienceSpec; partnershipId: string | null },
  now: Date,
): Promise<PulseFatigue | null> {
  const cadence = workspace.pulseCadenceDays;
  if (cadence <= 0) return null;
  const since = now.getTime() - cadence * 86_400_000;
  const recent = await deps.store.rounds.list(workspace.id, { kind: "pulse", snapshotKey: input.templateId, limit: 50 });
  const last = recent.find(
    (r) =>
      r.status !== "scheduled" &&
      r.opensAt.getTime() > since &&
      (input.partnershipId ? r.partnershipId === input.partnershipId : r.partnershipId === null && sameAudience(r.audience, input.audience)),
  );
  if (!last) return null;
  return { last, days: Math.floor((now.getTime() - last.opensAt.getTime()) / 86_400_000), cadence };
}
