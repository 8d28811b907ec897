/**
 * The playground's cast: personas for every role, two partner organisations and the host INGO's
 * staff (a fictional "Horizon International"), and three channels. Two partners read the bot in
 * their own language: Sunita in Nepali, Layla in Arabic (right to left).
 * Seeding is idempotent and never overwrites a role or language changed in the playground; a
 * persona added to the cast later joins an existing playground with its channels.
 */
import type { WebStorePort } from "../../src/store/ports.ts";
import type { Role } from "../../src/store/types.ts";
import { PLAYGROUND_WORKSPACE } from "./adapter.ts";

interface Persona {
  id: string;
  name: string;
  role: Role;
  organisation?: string;
  /** The language the persona reads the bot in (as `/reflect language` sets it). */
  locale?: string;
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
  { id: "sunita", name: "Sunita (नेपाली)", role: "partner", organisation: "Shanti Network", locale: "ne" },
  { id: "layla", name: "Layla (العربية)", role: "partner", organisation: "Tuungane Alliance", locale: "ar" },
  { id: "joseph", name: "Joseph (Horizon)", role: "partner", organisation: "Horizon International" },
  { id: "maria", name: "Maria (Horizon)", role: "partner", organisation: "Horizon International" },
  { id: "ana", name: "Ana (Horizon)", role: "partner", organisation: "Horizon International" },
];

export const defaultChannels = [
  { id: "partners", name: "partners", members: ["carlos", "priya", "tomas", "sita", "wanjiru", "kofi", "amani", "sunita", "layla"] },
  { id: "leads", name: "country-leads", members: ["amina", "carlos", "lena"] },
  // Host staff and partners together: where a joint pulse shows both perspectives.
  { id: "joint", name: "joint-reflection", members: ["carlos", "joseph", "maria", "ana", "priya", "tomas", "sita", "wanjiru", "kofi", "amani"] },
];

export async function seedPlayground(store: WebStorePort): Promise<string> {
  const workspace = await store.workspaces.ensure({ platform: "web", externalId: PLAYGROUND_WORKSPACE, name: "Playground" });
  for (const c of defaultChannels) {
    if ((await store.playground.channelMembers(c.id)).length === 0) await store.playground.setChannelMembers(c.id, c.members);
  }
  for (const p of defaultPersonas) {
    const existing = await store.members.get(workspace.id, p.id);
    if (existing) continue;
    await store.members.ensure(workspace.id, p.id, p.name);
    await store.members.setRole(workspace.id, p.id, p.role);
    if (p.organisation || p.locale)
      await store.members.update(workspace.id, p.id, { ...(p.organisation ? { organisation: p.organisation } : {}), ...(p.locale ? { locale: p.locale } : {}) });
    // A playground seeded before this persona existed: add them to their channels too.
    for (const c of defaultChannels) if (c.members.includes(p.id)) await store.playground.addChannelMember(c.id, p.id);
  }
  return workspace.id;
}
