/**
 * Sides of a partnership round (DESIGN: two perspectives). Every invitee placed in one of the
 * partnership's organisations is on a side: the host (the INGO) or a partner organisation. When
 * the round opens, the groups with at least the threshold of invitees are fixed in its plan; an
 * answer then carries its side, and its organisation when that is large enough too. Smaller
 * groups are never written on an answer: a database reader would learn too much about who wrote
 * it. What results may show of each group is the gate's job (side-results.ts).
 */
import type { BotDeps } from "../core/context.ts";
import { effectiveThreshold } from "../core/gate.ts";
import type { SegmentPlan, Workspace } from "../store/types.ts";

export type Side = "host" | "partner";

/** The groups a round of this partnership will record, from its invitees' organisations. */
export async function planSegments(deps: BotDeps, workspace: Workspace, partnershipId: string | null, invitees: string[], threshold: number): Promise<SegmentPlan | null> {
  if (!partnershipId) return null;
  const listed = await deps.store.partnerships.organisations(partnershipId);
  if (listed.length === 0) return null;
  const organisations = Object.fromEntries(listed.map((o) => [o.name, o.side]));
  const byKey = new Map(listed.map((o) => [o.name.toLowerCase(), o]));
  const invited = new Set(invitees);
  const perOrganisation = new Map<string, number>();
  const perSide = new Map<Side, number>();
  for (const m of await deps.store.members.list(workspace.id)) {
    if (!invited.has(m.userId) || !m.organisation) continue;
    const org = byKey.get(m.organisation.toLowerCase());
    if (!org) continue;
    perOrganisation.set(org.name, (perOrganisation.get(org.name) ?? 0) + 1);
    perSide.set(org.side, (perSide.get(org.side) ?? 0) + 1);
  }
  // People invited by email are the partnership's partner contacts: they count on the partners'
  // side (never as a small group of their own, which a database reader could pick out).
  const byEmail = invitees.filter(isEmailInvitee).length;
  if (byEmail > 0) perSide.set("partner", (perSide.get("partner") ?? 0) + byEmail);
  const t = effectiveThreshold(threshold);
  return {
    sides: (["host", "partner"] as const).filter((s) => (perSide.get(s) ?? 0) >= t),
    organisations,
    named: [...perOrganisation].filter(([, n]) => n >= t).map(([name]) => name),
  };
}

/** Person ids of people invited by email (random, with no member row). */
export const isEmailInvitee = (userId: string): boolean => userId.startsWith("mail:");

/** What one person's answer records under a round's plan (`byEmail`: invited by email, a partner). */
export function segmentOf(plan: SegmentPlan | null, organisation: string | null, byEmail = false): { side: Side | null; organisation: string | null } {
  if (plan && byEmail) return { side: plan.sides.includes("partner") ? "partner" : null, organisation: null };
  if (!plan || !organisation) return { side: null, organisation: null };
  const name = Object.keys(plan.organisations).find((o) => o.toLowerCase() === organisation.toLowerCase());
  if (!name) return { side: null, organisation: null };
  const side = plan.organisations[name]!;
  return { side: plan.sides.includes(side) ? side : null, organisation: plan.named.includes(name) ? name : null };
}
