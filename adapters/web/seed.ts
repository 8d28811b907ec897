/**
 * The playground's cast: personas for every role and two partner organisations, and two channels.
 * Seeding is idempotent and never overwrites a role changed in the playground.
 */
import type { Store, Role } from "../../src/store/types.ts";
import { PLAYGROUND_WORKSPACE } from "./adapter.ts";

export interface Persona {
  id: string;
  name: string;
  role: Role;
  organisation?: string;
}

export const defaultPersonas: Persona[] = [
  { id: "amina", name: "Amina (admin)", role: "admin" },
  { id: "carlos", name: "Carlos (coordinator)", role: "coordinator" },
  { id: "lena", name: "Lena (team lead)", role: "lead" },
  { id: "priya", name: "Priya", role: "partner", organisation: "Shanti Network" },
  { id: "tomas", name: "Tomás", role: "partner", organisation: "Shanti Network" },
  { id: "sita", name: "Sita", role: "partner", organisation: "Shanti Network" },
  { id: "wanjiru", name: "Wanjiru", role: "partner", organisation: "Tuungane Alliance" },
  { id: "kofi", name: "Kofi", role: "partner", organisation: "Tuungane Alliance" },
  { id: "amani", name: "Amani", role: "partner", organisation: "Tuungane Alliance" },
];

export const defaultChannels = [
  { id: "partners", name: "partners", members: ["carlos", "priya", "tomas", "sita", "wanjiru", "kofi", "amani"] },
  { id: "leads", name: "country-leads", members: ["amina", "carlos", "lena"] },
];

export async function seedPlayground(store: Store): Promise<string> {
  const workspace = await store.workspaces.ensure({ platform: "web", externalId: PLAYGROUND_WORKSPACE, name: "Playground" });
  for (const p of defaultPersonas) {
    const existing = await store.members.get(workspace.id, p.id);
    if (existing) continue;
    await store.members.ensure(workspace.id, p.id, p.name);
    await store.members.setRole(workspace.id, p.id, p.role);
    if (p.organisation) await store.members.update(workspace.id, p.id, { organisation: p.organisation });
  }
  for (const c of defaultChannels) {
    if ((await store.playground.channelMembers(c.id)).length === 0) await store.playground.setChannelMembers(c.id, c.members);
  }
  return workspace.id;
}
