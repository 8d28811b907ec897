/**
 * Conversation references: how the bot reaches a person (their personal chat) or a conversation
 * proactively. Stored only with what does not change between messages, written only when they
 * change, never replaced by one on another service host, and forgotten one conversation at a time.
 */
import type { ConversationReference } from "botbuilder";
import type { Destination } from "../../src/core/adapter.ts";
import { BotError } from "../../src/core/errors.ts";
import type { Logger } from "../../src/core/logger.ts";
import type { TeamsStorePort } from "../../src/store/ports.ts";
import { serviceUrlAllowed } from "./auth.ts";
import { isPersonal, tenantOf, userIdOf, type TeamsActivity } from "./receive.ts";

/**
 * What the bot keeps of a conversation reference: only what does not change from one message to
 * the next. The activity id (and the locale) change with every message; storing them would rewrite
 * a person's row each time they click, at the moment they answer (DESIGN.md §3 rule 10).
 */
export function stableReference(ref: Partial<ConversationReference>): Partial<ConversationReference> {
  const { activityId: _activity, locale: _locale, ...stable } = ref as Partial<ConversationReference> & { locale?: string };
  return stable;
}

/** JSON with keys sorted at every level: PostgreSQL's jsonb does not keep key order. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );

const hostOf = (url: string | undefined) => {
  try {
    return url ? new URL(url).host.toLowerCase() : "";
  } catch {
    return "";
  }
};

/** A private answer for someone who has no personal chat with the bot. */
export class NoPersonalChat extends Error {}

export interface References {
  /** Remembers the references an incoming activity shows (after the ack). */
  saveFrom(reference: Partial<ConversationReference>, activity: TeamsActivity): Promise<void>;
  /** The AAD id behind a Teams id seen in a mention or a roster. */
  aadOf(workspaceId: string, teamsId: string): Promise<string>;
  remember(workspaceId: string, kind: "user" | "conversation", key: string, value: unknown): Promise<void>;
  forget(workspaceId: string, activity: TeamsActivity, userId: string): Promise<void>;
  /** The reference to send to, checked against the allowed service hosts. */
  forDestination(workspaceId: string, destination: Destination): Promise<ConversationReference>;
  personal(workspaceId: string, userId: string): Promise<ConversationReference | null>;
}

export function createReferences(store: TeamsStorePort, serviceHosts: string[], log: Logger): References {
  // References rarely change; remembering what was last written avoids a read per activity.
  const written = new Map<string, string>();
  const get = async <T>(workspaceId: string, kind: "user" | "conversation", key: string) => (await store.conversations.get(workspaceId, kind, key)) as T | null;

  const refs: References = {
    async remember(workspaceId, kind, key, value) {
      const id = `${workspaceId}|${kind}|${key}`;
      const json = canonical(value);
      if (written.get(id) === json) return;
      const stored = await get<{ serviceUrl?: string }>(workspaceId, kind, key);
      // Unchanged: no write (after a restart the cache is empty, the database is not).
      if (stored !== null && canonical(stored) === json) {
        written.set(id, json);
        return;
      }
      const serviceUrl = (value as { serviceUrl?: string }).serviceUrl;
      // A stored reference is never replaced by one on another service host.
      if (serviceUrl !== undefined && stored?.serviceUrl && hostOf(stored.serviceUrl) !== hostOf(serviceUrl)) {
        log.warn("teams reference not replaced: different service host", { kind, stored: hostOf(stored.serviceUrl), offered: hostOf(serviceUrl) });
        return;
      }
      await store.conversations.save(workspaceId, kind, key, value);
      if (written.size > 20_000) written.clear();
      written.set(id, json);
    },
    async saveFrom(reference, activity) {
      const workspaceId = `teams:${tenantOf(activity)}`;
      await refs.remember(workspaceId, "conversation", activity.conversation.id, reference);
      if (isPersonal(activity)) await refs.remember(workspaceId, "user", userIdOf(activity), reference);
      // Teams id → AAD id, so mentions and rosters map to the ids the bot stores.
      if (activity.from.aadObjectId) await refs.remember(workspaceId, "conversation", `teamsid:${activity.from.id}`, { aad: activity.from.aadObjectId });
    },
    async aadOf(workspaceId, teamsId) {
      return (await get<{ aad?: string }>(workspaceId, "conversation", `teamsid:${teamsId}`))?.aad ?? teamsId;
    },
    async forget(workspaceId, activity, userId) {
      // This conversation only: the person's chat, or the team or group chat.
      if (isPersonal(activity)) await store.conversations.remove(workspaceId, "user", userId);
      await store.conversations.remove(workspaceId, "conversation", activity.conversation.id);
      written.clear();
    },
    personal: (workspaceId, userId) => get<ConversationReference>(workspaceId, "user", userId),
    async forDestination(workspaceId, destination) {
      let ref: ConversationReference | null;
      switch (destination.kind) {
        case "conversation":
          ref = await get<ConversationReference>(workspaceId, "conversation", destination.conversationId);
          if (!ref) throw new BotError("ADAPTER_SEND_FAILED", `no Teams conversation reference for ${destination.conversationId}`, { retryable: false });
          break;
        case "dm":
        case "home":
          ref = await refs.personal(workspaceId, destination.userId);
          if (!ref)
            throw new BotError("ADAPTER_SEND_FAILED", `Teams user ${destination.userId} has not installed the app in personal scope, so the bot cannot message them`, {
              retryable: false,
            });
          break;
        case "private":
          // Teams has no ephemeral messages: a private answer goes to the person's chat with the
          // bot. Without one it is never posted where others can read it (the adapter decides).
          ref = await refs.personal(workspaceId, destination.userId);
          if (!ref) throw new NoPersonalChat();
          break;
        case "email":
          throw new BotError("ADAPTER_SEND_FAILED", "email is sent by the mail sender, not the Teams adapter", { retryable: false });
      }
      if (!serviceUrlAllowed(ref.serviceUrl, serviceHosts)) {
        throw new BotError("ADAPTER_SEND_FAILED", `Teams service URL host ${hostOf(ref.serviceUrl)} is not allowed (TEAMS_SERVICE_HOSTS)`, { retryable: false });
      }
      return ref;
    },
  };
  return refs;
}
