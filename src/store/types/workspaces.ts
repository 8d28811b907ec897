/** Workspaces, their people and roles, and the audit log. */
import type { Platform } from "../../core/events.ts";

export type Role = "admin" | "coordinator" | "lead" | "partner";

export interface WorkspaceSettings {
  threshold: number;
  commentThreshold: number;
  timezone: string;
  locale: string;
  retentionMonths: number;
  rubricCadenceDays: number;
  reminderOffsets: number[];
  quietWeek: "line" | "skip";
  /** Comments of an item appear only when at least this many people wrote one (never below 2). */
  minCommenters: number;
  /** Hours a round stays open before it can be closed by hand (never below 24). */
  minOpenHours: number;
  /** Days between an uninstall or a delete request and the deletion of the workspace's data. */
  deletionGraceDays: number;
  /** The same audience gets the same pulse template at most once in this many days unless confirmed. */
  pulseCadenceDays: number;
  /** New partnerships get an annual joint reflection and a six-monthly check-in scheduled. */
  autoSchedule: boolean;
  /** Days before an agreement renewal when its reminders go out (other reviews: reminderOffsets). */
  renewalOffsets: number[];
}

export interface Workspace extends WorkspaceSettings {
  id: string;
  platform: Platform;
  externalId: string;
  name: string;
  /** Someone was admin at some point: a reinstall then makes nobody admin by itself. */
  hadAdmin: boolean;
  /** Pending deletion: when, and why ("uninstalled" is undone by a reinstall; "requested" by an admin). */
  deletion: { after: Date; reason: "uninstalled" | "requested" } | null;
}

export interface Member {
  workspaceId: string;
  userId: string;
  displayName: string;
  role: Role;
  organisation: string | null;
  /** Their own choice (`/reflect language`); wins over everything else. */
  locale: string | null;
  /** What their Slack or Teams client reports (e.g. "fr-FR"), when known; see core/i18n.ts `speakerLanguages`. */
  platformLocale: string | null;
  timezone: string | null;
  remindersOptOut: boolean;
}

export interface WorkspaceStore {
  /** Finds or creates the workspace row for a platform workspace. */
  ensure(input: { platform: Platform; externalId: string; name?: string }): Promise<Workspace>;
  get(id: string): Promise<Workspace | null>;
  list(): Promise<Workspace[]>;
  updateSettings(id: string, patch: Partial<WorkspaceSettings>): Promise<Workspace>;
  /** Deletes every row that belongs to the workspace (only ever after its grace period). */
  purge(id: string): Promise<void>;
  /** Schedules the deletion of a workspace's data; keeps an earlier date already set. */
  markForDeletion(id: string, reason: "uninstalled" | "requested", after: Date): Promise<Workspace>;
  /** Cancels a pending deletion (of the given reason only, when given); true when one was pending. */
  cancelDeletion(id: string, reason?: "uninstalled" | "requested"): Promise<boolean>;
  /** Workspaces whose deletion is due. */
  dueForDeletion(now: Date): Promise<Workspace[]>;
}

export interface MemberStore {
  get(workspaceId: string, userId: string): Promise<Member | null>;
  /** Creates the member with the default role, or refreshes the display name. */
  ensure(workspaceId: string, userId: string, displayName?: string): Promise<Member>;
  /** Creates the members that do not exist yet (people invited to a round), changing none. */
  ensureMany(workspaceId: string, people: { userId: string; displayName: string; platformLocale?: string | null }[]): Promise<void>;
  setRole(workspaceId: string, userId: string, role: Role): Promise<Member>;
  update(
    workspaceId: string,
    userId: string,
    patch: Partial<Pick<Member, "locale" | "platformLocale" | "timezone" | "organisation" | "remindersOptOut" | "displayName">>,
  ): Promise<Member>;
  list(workspaceId: string, filter?: { role?: Role }): Promise<Member[]>;
  countByRole(workspaceId: string, role: Role): Promise<number>;
}

/** Per-channel settings: the language the bot posts in there. */
export interface ChannelStore {
  /** The channel's language, or null (posts there use the workspace's). */
  language(workspaceId: string, channelId: string): Promise<string | null>;
  /** Sets a channel's language, or (null) clears it. */
  setLanguage(workspaceId: string, channelId: string, locale: string | null): Promise<void>;
  /** Every channel of the workspace with a language of its own. */
  languages(workspaceId: string): Promise<{ channelId: string; locale: string }[]>;
}

interface AuditEntry {
  workspaceId: string;
  actor: string;
  action: string;
  target?: string | null;
  detail?: Record<string, unknown> | null;
  createdAt: Date;
}

export interface AuditStore {
  record(entry: Omit<AuditEntry, "createdAt">, now: Date): Promise<void>;
  list(workspaceId: string, limit?: number): Promise<AuditEntry[]>;
}
