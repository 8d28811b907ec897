/**
 * Roles and who may do what. Each command and action spec names its roles; the bot checks them
 * before any handler runs, and one refusal (bot.ts) names the roles that may and who can grant them.
 */
import type { Role } from "../store/types.ts";

export type { Role };

const ALL_ROLES: readonly Role[] = ["admin", "coordinator", "lead", "partner"];
/** Everyone in the workspace. */
export const ANYONE = ALL_ROLES;
/** Those who run rounds and keep the register. */
export const COORDINATORS: readonly Role[] = ["admin", "coordinator"];
/** Those who read results and the register. */
export const READERS: readonly Role[] = ["admin", "coordinator", "lead"];
export const ADMINS: readonly Role[] = ["admin"];

export const isRole = (value: unknown): value is Role => typeof value === "string" && (ALL_ROLES as readonly string[]).includes(value);
