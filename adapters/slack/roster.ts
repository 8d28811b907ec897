/**
 * Who is in a channel, for a round's audience: `conversations.members` (pages of 1,000), then each
 * person's profile (bot? deactivated? another organisation's member of a shared channel?). People
 * already known are not looked up again within a day. For a large roster the workspace's
 * directory is read with `users.list` (pages of 1,000 at Tier 2) instead of one `users.info` per
 * person (Tier 4): a 5,000-member channel costs about a dozen calls, not 5,000. Those not in the
 * directory (members from other organisations) are looked up one by one. Every call is spaced to
 * its tier (tiers.ts).
 */
import type { ConversationMember } from "../../src/core/adapter.ts";
import type { SlackApi } from "./api.ts";
import type { TierPacer } from "./tiers.ts";

const DAY = 24 * 3_600_000;
/** How long a command waits for a person's language from users.info before answering without it. */
const LOCALE_WAIT_MS = 1000;
/** Above this many people to look up, one directory read is cheaper than a call per person. */
const DIRECTORY_FROM = 30;

interface SlackUser {
  id: string;
  name?: string;
  real_name?: string;
  is_bot?: boolean;
  deleted?: boolean;
  team_id?: string;
  is_stranger?: boolean;
  /** Only with `include_locale`: the language of the person's Slack client, e.g. "fr-FR". */
  locale?: string;
}

export interface SlackRoster {
  listMembers(workspaceId: string, conversationId: string): Promise<ConversationMember[]>;
  /** The language of a person's Slack client ("fr-FR"), from the day's cache or `users.info`. */
  personLocale(workspaceId: string, userId: string): Promise<string | null>;
}

export function createSlackRoster(options: { api: SlackApi; tokenFor: (workspaceId: string) => Promise<string>; tiers: TierPacer; now?: () => number }): SlackRoster {
  const { api, tokenFor, tiers } = options;
  const now = options.now ?? Date.now;
  const known = new Map<string, { at: number; member: ConversationMember }>();
  const teamOf = (workspaceId: string) => workspaceId.replace(/^slack:/, "");

  const remember = (team: string, user: SlackUser) => {
    // Slack Connect members from other organisations cannot be sent a DM by this app, but
    // ephemeral messages in the shared channel reach them (and only them).
    const external = Boolean(user.is_stranger) || (user.team_id !== undefined && user.team_id !== team);
    const member: ConversationMember = {
      userId: user.id,
      displayName: user.real_name ?? user.name ?? user.id,
      isBot: Boolean(user.is_bot) || user.id === "USLACKBOT",
      reachable: !user.deleted && !user.is_bot,
      ...(external ? { channelOnly: true } : {}),
      ...(user.locale ? { locale: user.locale } : {}),
    };
    known.set(`${team}:${user.id}`, { at: now(), member });
    return member;
  };
  const fresh = (team: string, id: string) => {
    const k = known.get(`${team}:${id}`);
    return k && now() - k.at < DAY ? k.member : undefined;
  };

  async function channelMembers(token: string, channel: string): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await tiers.run(token, "conversations.members", () =>
        api.call<{ members: string[]; response_metadata?: { next_cursor?: string } }>(token, "conversations.members", { channel, limit: 1000, ...(cursor ? { cursor } : {}) }),
      );
      ids.push(...res.members);
      cursor = res.response_metadata?.next_cursor || undefined;
    } while (cursor);
    return ids;
  }

  async function readDirectory(token: string, team: string): Promise<void> {
    let cursor: string | undefined;
    do {
      const res = await tiers.run(token, "users.list", () =>
        api.call<{ members: SlackUser[]; response_metadata?: { next_cursor?: string } }>(token, "users.list", { limit: 1000, include_locale: true, ...(cursor ? { cursor } : {}) }),
      );
      for (const user of res.members) remember(team, user);
      cursor = res.response_metadata?.next_cursor || undefined;
    } while (cursor);
  }

  async function lookUp(token: string, team: string, id: string): Promise<ConversationMember> {
    const { user } = await tiers.run(token, "users.info", () => api.call<{ user: SlackUser }>(token, "users.info", { user: id, include_locale: true }));
    return remember(team, user);
  }

  return {
    async listMembers(workspaceId, conversationId) {
      const token = await tokenFor(workspaceId);
      const team = teamOf(workspaceId);
      const ids = await channelMembers(token, conversationId);
      if (ids.filter((id) => !fresh(team, id)).length > DIRECTORY_FROM) await readDirectory(token, team);
      const out: ConversationMember[] = [];
      for (const id of ids) {
        const member = fresh(team, id);
        if (member) {
          out.push(member);
          continue;
        }
        out.push(await lookUp(token, team, id));
      }
      return out;
    },
    async personLocale(workspaceId, userId) {
      const team = teamOf(workspaceId);
      const known = fresh(team, userId);
      if (known) return known.locale ?? null;
      // Never queued behind the tier: a burst of commands from new people is answered at once in
      // the workspace's language, and each person's own is learned when the tier has room (or
      // when a round reads the channel's roster).
      const token = await tokenFor(workspaceId);
      const looked = tiers.tryRun(token, "users.info", () => api.call<{ user: SlackUser }>(token, "users.info", { user: userId, include_locale: true }));
      if (!looked) return null;
      // A person waits for this answer: a slow Web API gets a second at most (the lookup still
      // completes, and fills the day's cache for their next command).
      const found = looked.then((r) => remember(team, r.user).locale ?? null).catch(() => null);
      return Promise.race([found, new Promise<null>((resolve) => setTimeout(resolve, LOCALE_WAIT_MS, null).unref())]);
    },
  };
}
