/**
 * Sending for the outbox worker: proactive posts and card replacements through the Bot Connector,
 * channel rosters, and display names for mentions. Private answers never fall back to a channel:
 * without a personal chat, only the notice of how to open one is posted there.
 */
import { CardFactory, type CloudAdapter, type ConversationReference, MessageFactory, TeamsInfo } from "botbuilder";
import type { ConversationMember, Destination } from "../../src/core/adapter.ts";
import type { Card } from "../../src/core/card.ts";
import { BotError } from "../../src/core/errors.ts";
import type { MessageRef } from "../../src/core/events.ts";
import type { TeamsStorePort } from "../../src/store/ports.ts";
import { NoPersonalChat, type References } from "./references.ts";
import { cardToAdaptiveCard, teamsPlain } from "./render.ts";

const RETRY_STATUS = new Set([412, 429, 502, 504]);

/** A connector failure as the outbox understands it: retryable or not, and Retry-After. */
function toBotError(error: unknown): BotError {
  const e = error as { statusCode?: number; response?: { headers?: { get?: (h: string) => string | null } }; message?: string };
  const status = e.statusCode ?? 0;
  const retryAfter = Number(e.response?.headers?.get?.("retry-after") ?? Number.NaN);
  return new BotError("ADAPTER_SEND_FAILED", `Teams connector: ${status || ""} ${e.message ?? String(error)}`.trim(), {
    retryable: status === 0 || RETRY_STATUS.has(status) || status >= 500,
    ...(Number.isFinite(retryAfter) ? { retryAfterMs: retryAfter * 1000 } : {}),
    cause: error,
  });
}

export interface TeamsSender {
  post(workspaceId: string, destination: Destination, card: Card): Promise<MessageRef>;
  update(workspaceId: string, ref: MessageRef, card: Card): Promise<void>;
  openDm(workspaceId: string, userId: string): Promise<string>;
  listMembers(workspaceId: string, conversationId: string): Promise<ConversationMember[]>;
}

export function createTeamsSender(adapter: CloudAdapter, appId: string, refs: References, store: TeamsStorePort): TeamsSender {
  // Display names for mentions in cards, refreshed every minute (only used to render names).
  const nameCache = new Map<string, { at: number; map: Map<string, string> }>();
  async function names(workspaceId: string) {
    let entry = nameCache.get(workspaceId);
    if (!entry || Date.now() - entry.at > 60_000) {
      const members = await store.members.list(workspaceId);
      entry = { at: Date.now(), map: new Map(members.map((m) => [m.userId, m.displayName || m.userId])) };
      nameCache.set(workspaceId, entry);
    }
    const map = entry.map;
    return (kind: "user" | "channel", id: string) => (kind === "user" ? (map.get(id) ?? "someone") : "channel");
  }

  const attachment = async (workspaceId: string, card: Card) => CardFactory.adaptiveCard(cardToAdaptiveCard(card, { nameOf: await names(workspaceId) }));

  return {
    async post(workspaceId, destination, original) {
      let card = original;
      let ref: ConversationReference;
      try {
        ref = await refs.forDestination(workspaceId, destination);
      } catch (error) {
        if (!(error instanceof NoPersonalChat) || destination.kind !== "private") throw error;
        // The answer stays private: the channel gets only the notice of how to open a chat.
        if (!destination.notice) throw new BotError("ADAPTER_SEND_FAILED", `Teams user ${destination.userId} has no personal chat with the bot`, { retryable: false });
        ref = await refs.forDestination(workspaceId, { kind: "conversation", conversationId: destination.conversationId });
        card = { summary: destination.notice, elements: [{ type: "text", text: destination.notice }] };
      }
      const content = await attachment(workspaceId, card);
      let id = "";
      try {
        await adapter.continueConversationAsync(appId, ref, async (context) => {
          const sent = await context.sendActivity(MessageFactory.attachment(content, teamsPlain(card.summary)));
          id = sent?.id ?? "";
        });
      } catch (error) {
        throw toBotError(error);
      }
      return { platform: "teams", conversationId: ref.conversation.id, messageId: id };
    },
    async update(workspaceId, ref, card) {
      const conversation = await refs.forDestination(workspaceId, { kind: "conversation", conversationId: ref.conversationId });
      const content = await attachment(workspaceId, card);
      try {
        await adapter.continueConversationAsync(appId, conversation, async (context) => {
          const activity = MessageFactory.attachment(content, teamsPlain(card.summary));
          activity.id = ref.messageId;
          await context.updateActivity(activity);
        });
      } catch (error) {
        throw toBotError(error);
      }
    },
    async openDm(workspaceId, userId) {
      return (await refs.forDestination(workspaceId, { kind: "dm", userId })).conversation.id;
    },
    async listMembers(workspaceId, conversationId) {
      const ref = await refs.forDestination(workspaceId, { kind: "conversation", conversationId }).catch((error: unknown) => {
        throw error instanceof BotError && /no Teams conversation/.test(error.message)
          ? new BotError("ADAPTER_SEND_FAILED", `The bot has not seen the Teams conversation ${conversationId}; add it to the team or chat first.`, { retryable: false })
          : error;
      });
      const members: ConversationMember[] = [];
      const inThread = conversationId.includes("@thread");
      try {
        await adapter.continueConversationAsync(appId, ref, async (context) => {
          let token: string | undefined;
          do {
            // 500 is the most Teams returns per page: a 5,000-member team is ten calls.
            const page = await TeamsInfo.getPagedMembers(context, 500, token);
            for (const m of page.members) {
              const id = m.aadObjectId ?? m.id;
              if (m.aadObjectId) await refs.remember(workspaceId, "conversation", `teamsid:${m.id}`, { aad: m.aadObjectId });
              // By DM: the person has a chat with the bot (the app installed in personal scope).
              // Otherwise, in a team channel or group chat, the shared card's button reaches them.
              const personal = (await refs.personal(workspaceId, id)) !== null;
              members.push({ userId: id, displayName: m.name ?? id, reachable: personal || inThread, ...(!personal && inThread ? { channelOnly: true } : {}) });
            }
            token = page.continuationToken;
          } while (token);
        });
      } catch (error) {
        throw toBotError(error);
      }
      return members;
    },
  };
}
