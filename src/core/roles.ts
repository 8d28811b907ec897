/**
 * Who may run what. Every command is listed; the dispatcher checks this before any handler runs,
 * and a refusal names the roles that may and who can grant them.
 */
import type { CommandName } from "./grammar/commands.ts";
import type { Role } from "../store/types.ts";

export const ALL_ROLES: Role[] = ["admin", "coordinator", "lead", "partner"];
const anyone = ALL_ROLES;
const coordinators: Role[] = ["admin", "coordinator"];
const readers: Role[] = ["admin", "coordinator", "lead"];
const admins: Role[] = ["admin"];

export const commandRoles: Record<CommandName, Role[]> = {
  help: anyone,
  privacy: anyone,
  language: anyone,
  "pulse.reminders": anyone,
  "pulse.start": coordinators,
  "pulse.form": coordinators,
  "pulse.close": coordinators,
  "pulse.status": coordinators,
  "pulse.export": readers,
  "pulse.results": readers,
  "rubric.start": coordinators,
  "rubric.pause": coordinators,
  "rubric.resume": coordinators,
  "rubric.close": coordinators,
  "rubric.status": coordinators,
  "rubric.results": readers,
  "rubric.history": readers,
  "partner.add": coordinators,
  "partner.edit": coordinators,
  "partner.archive": coordinators,
  "partner.list": readers,
  "partner.show": readers,
  "review.add": coordinators,
  "review.list": readers,
  "review.done": coordinators,
  "review.snooze": coordinators,
  "action.add": coordinators,
  // Owners may list and close their own actions; the handlers check ownership.
  "action.list": anyone,
  "action.done": anyone,
  "summary.preview": readers,
  "summary.subscribe": readers,
  "summary.unsubscribe": readers,
  "role.set": admins,
  "role.list": coordinators,
  "settings.show": coordinators,
  "settings.set": admins,
  organisation: anyone,
};

export function mayRun(role: Role, command: CommandName): boolean {
  return commandRoles[command].includes(role);
}
