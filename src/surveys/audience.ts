/**
 * Turns "to #channel @person…" into the people to invite, through the platform adapter (channel
 * rosters are paged by the adapter). Bots and the person starting the round are left out; people
 * the platform does not let the bot reach are counted, so the coordinator can be told.
 */
import type { BotDeps } from "../core/context.ts";
import type { AudienceSpec, Workspace } from "../store/types.ts";

export const MAX_AUDIENCE = 5000;

export interface ResolvedAudience {
  invitees: string[];
  unreachable: number;
}

export async function resolveAudience(deps: BotDeps, workspace: Workspace, spec: AudienceSpec, exclude: string): Promise<ResolvedAudience> {
  const reachable = new Set<string>();
  const unreachable = new Set<string>();
  for (const channel of spec.channels) {
    for (const m of await deps.directory.listMembers(workspace.platform, workspace.id, channel)) {
      if (m.isBot || m.userId === exclude) continue;
      (m.reachable ? reachable : unreachable).add(m.userId);
    }
  }
  for (const user of spec.users) if (user !== exclude) reachable.add(user);
  for (const u of reachable) unreachable.delete(u);
  return { invitees: [...reachable], unreachable: unreachable.size };
}
