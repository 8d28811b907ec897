/**
 * Turns "to #channel @person…" into the people to invite, through the platform adapter (channel
 * rosters are paged by the adapter). Bots and the person starting the round are left out; people
 * the platform does not let the bot reach are counted, so the coordinator can be told.
 *
 * The audience is fixed when the round opens: only these people count towards its threshold
 * (DESIGN.md §3 rule 11). A round addressed to people by name needs at least twice the threshold
 * of invitees, so a coordinator cannot surround one partner with a few colleagues whose answers
 * they know.
 */
import type { BotDeps } from "../core/context.ts";
import { effectiveThreshold } from "../core/gate.ts";
import type { Destination } from "../core/adapter.ts";
import { normaliseEmail } from "../core/grammar/options.ts";
import type { AudienceSpec, Invitee, Workspace } from "../store/types.ts";
import { platformLanguage } from "../core/i18n.ts";

export const MAX_AUDIENCE = 5000;

export interface ResolvedAudience {
  invitees: string[];
  /** Display names the platform gave for invitees, when it gave any. */
  names: Map<string, string>;
  /** The language each invitee's app reports, when the roster tells it (Slack). */
  locales: Map<string, string>;
  /** Invitees the bot cannot DM, with the channel where it can reach them privately. */
  inChannel: Map<string, string>;
  /** People invited by email (random person ids `mail:…`), with their address and link token. */
  emails: Map<string, { email: string; locale: string | null; organisation: string | null }>;
  unreachable: number;
  /** Email was asked for but cannot be sent (no SMTP_URL), or `contacts` without a partnership's contacts. */
  emailProblem?: "email_off" | "contacts_none";
}

export type AudienceProblem =
  | { problem: "empty_audience"; unreachable: number }
  | { problem: "audience_too_large"; size: number }
  | { problem: "named_too_few"; size: number; minimum: number }
  | { problem: "org_too_few"; organisations: string[] }
  | { problem: "email_off" }
  | { problem: "email_collective"; addresses: string[] }
  | { problem: "contacts_none" };

export async function resolveAudience(
  deps: BotDeps,
  workspace: Workspace,
  spec: AudienceSpec & { emails?: string[] },
  exclude: string,
  partnershipId: string | null = null,
): Promise<ResolvedAudience> {
  const reachable = new Set<string>();
  const unreachable = new Set<string>();
  const names = new Map<string, string>();
  const locales = new Map<string, string>();
  const inChannel = new Map<string, string>();
  const direct = new Set<string>();
  for (const channel of spec.channels) {
    for (const m of await deps.directory.listMembers(workspace.platform, workspace.id, channel)) {
      if (m.isBot || m.userId === exclude) continue;
      (m.reachable ? reachable : unreachable).add(m.userId);
      if (m.reachable && m.channelOnly) {
        if (!inChannel.has(m.userId)) inChannel.set(m.userId, channel);
      } else if (m.reachable) direct.add(m.userId);
      if (m.displayName) names.set(m.userId, m.displayName);
      const language = platformLanguage(deps.i18n, m.locale);
      if (language) locales.set(m.userId, language);
    }
  }
  for (const user of spec.users) if (user !== exclude) reachable.add(user);
  for (const u of reachable) unreachable.delete(u);
  // Someone reachable by DM through any channel (or named) is invited by DM.
  for (const u of [...direct, ...spec.users]) inChannel.delete(u);
  const { emails, problem } = await emailInvitees(deps, workspace, spec, partnershipId);
  return { invitees: [...reachable, ...emails.keys()], names, locales, inChannel, emails, unreachable: unreachable.size, ...(problem ? { emailProblem: problem } : {}) };
}

/** Typed addresses and the partnership's contacts, each under a random person id with a fresh link token. */
async function emailInvitees(deps: BotDeps, workspace: Workspace, spec: AudienceSpec & { emails?: string[] }, partnershipId: string | null) {
  const emails: ResolvedAudience["emails"] = new Map();
  const wanted = new Map<string, { locale: string | null; organisation: string | null }>((spec.emails ?? []).map((e) => [normaliseEmail(e), { locale: null, organisation: null }]));
  if (spec.contacts) {
    const contacts = partnershipId ? await deps.store.partnerships.contacts(partnershipId) : [];
    if (contacts.length === 0) return { emails, problem: "contacts_none" as const };
    for (const c of contacts) {
      const typed = wanted.get(normaliseEmail(c.email));
      wanted.set(normaliseEmail(c.email), { locale: c.locale ?? typed?.locale ?? null, organisation: c.organisation ?? null });
    }
  }
  if (wanted.size === 0) return { emails };
  if (!deps.links.email) return { emails, problem: "email_off" as const };
  for (const [email, { locale, organisation }] of wanted) emails.set(`mail:${deps.ids.uuid()}`, { email, locale: locale ?? workspace.locale ?? null, organisation });
  return { emails };
}

/** The invitees with their routes, as the round stores them. */
export const inviteesOf = (resolved: ResolvedAudience): Invitee[] =>
  resolved.invitees.map((userId) => {
    const mail = resolved.emails.get(userId);
    // No link yet: its token is made when the email is sent (send.ts), so none waits in the outbox.
    if (mail) return { userId, email: mail.email, tokenHash: null, locale: mail.locale, organisation: mail.organisation };
    return { userId, channelId: resolved.inChannel.get(userId) ?? null };
  });

/**
 * When finishing a round's invitations after a stop: an email whose link was made has left (the
 * token is made as it is sent, and its row is deleted then), so it is not queued again. Chat
 * invitations stay in the outbox as sent; their dedupe keys keep them single.
 */
export const emailAlreadySent = (invitee: Invitee): boolean => Boolean(invitee.email && invitee.tokenHash);

/** Rounds whose start began this long ago and never finished queueing are finished by the rounds jobs. */
export const INVITATIONS_GRACE_MS = 5 * 60_000;

/**
 * Where a person's invitation or reminder goes: their DM, or (a shared channel's member the bot
 * cannot DM) a message only they see in that channel. A DM the platform refuses at send time
 * falls back to the round's channel.
 */
export function inviteDestination(invitee: Invitee, round: { originChannelId: string | null }): Destination {
  if (invitee.channelId) return { kind: "private", conversationId: invitee.channelId, userId: invitee.userId };
  return round.originChannelId ? { kind: "dm", userId: invitee.userId, via: round.originChannelId } : { kind: "dm", userId: invitee.userId };
}

/** Why this audience cannot take a round, if anything. */
export function audienceRule(resolved: ResolvedAudience, spec: AudienceSpec, threshold: number, mode: "individual" | "collective" = "individual"): AudienceProblem | null {
  if (resolved.emailProblem) return { problem: resolved.emailProblem };
  const size = resolved.invitees.length;
  if (size === 0) return { problem: "empty_audience", unreachable: resolved.unreachable };
  if (size > MAX_AUDIENCE) return { problem: "audience_too_large", size };
  // Collective ratings are attributed to organisations, not anonymous: the rule is about anonymity.
  const minimum = 2 * effectiveThreshold(threshold);
  // A collective rating by email is given for the organisation the register keeps for that
  // contact; an address without one (typed, or a contact not yet placed) cannot rate for anyone.
  if (mode === "collective") {
    const addresses = [...resolved.emails.values()].filter((m) => !m.organisation).map((m) => m.email);
    if (addresses.length > 0) return { problem: "email_collective", addresses };
  }
  if (mode === "individual" && (spec.users.length > 0 || resolved.emails.size > 0) && size < minimum) return { problem: "named_too_few", size, minimum };
  return null;
}

/**
 * Member rows for every invitee, written when the round opens: a person's first click must not be
 * the moment their row is born (DESIGN.md §3 rule 10).
 */
export async function rememberInvitees(deps: BotDeps, workspace: Workspace, resolved: ResolvedAudience): Promise<void> {
  await deps.store.members.ensureMany(
    workspace.id,
    // People invited by email have no member row: their address lives only with the round's invitations.
    resolved.invitees
      .filter((userId) => !resolved.emails.has(userId))
      .map((userId) => ({ userId, displayName: resolved.names.get(userId) ?? "", platformLocale: resolved.locales.get(userId) ?? null })),
  );
}
