/**
 * The playground's cast: personas for every role, two partner organisations and the host INGO's
 * staff (a fictional "Horizon International"), and three channels.
 * Seeding is idempotent and never overwrites a role changed in the playground.
 */
import type { WebStorePort } from "../../src/store/ports.ts";
import type { Role } from "../../src/store/types.ts";
import { PLAYGROUND_WORKSPACE } from "./adapter.ts";

interface Persona {
  id: string;
  name: string;
  role: Role;
  organisation?: string;
}

const defaultPersonas: Persona[] = [
  { id: "amina", name: "Amina (admin)", role: "admin" },
  { id: "carlos", name: "Carlos (coordinator)", role: "coordinator" },
  { id: "lena", name: "Lena (team lead)", role: "lead" },
  { id: "priya", name: "Priya", role: "partner", organisation: "Shanti Network" },
  { id: "tomas", name: "Tomás", role: "partner", organisation: "Shanti Network" },
  { id: "sita", name: "Sita", role: "partner", organisation: "Shanti Network" },
  { id: "wanjiru", name: "Wanjiru", role: "partner", organisation: "Tuungane Alliance" },
  { id: "kofi", name: "Kofi", role: "partner", organisation: "Tuungane Alliance" },
  { id: "amani", name: "Amani", role: "partner", organisation: "Tuungane Alliance" },
  { id: "joseph", name: "Joseph (Horizon)", role: "partner", organisation: "Horizon International" },
  { id: "maria", name: "Maria (Horizon)", role: "partner", organisation: "Horizon International" },
  { id: "ana", name: "Ana (Horizon)", role: "partner", organisation: "Horizon International" },
];

export const defaultChannels = [
  { id: "partners", name: "partners", members: ["carlos", "priya", "tomas", "sita", "wanjiru", "kofi", "amani"] },
  { id: "leads", name: "country-leads", members: ["amina", "carlos", "lena"] },
  // Host staff and partners together: where a joint pulse shows both perspectives.
  { id: "joint", name: "joint-reflection", members: ["carlos", "joseph", "maria", "ana", "priya", "tomas", "sita", "wanjiru", "kofi", "amani"] },
];

export async function seedPlayground(store: WebStorePort): Promise<string> {
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
