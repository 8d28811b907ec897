/**
 * The playground adapter: the same PlatformAdapter contract as Slack and Teams, delivering into
 * the database (playground_messages) where the browser reads them. DMs are conversations named
 * "dm:<persona>"; private replies carry an audience and are shown to that persona only.
 */
import type { ConversationMember, Destination, PlatformAdapter } from "../../src/core/adapter.ts";
import type { Card } from "../../src/core/card.ts";
import type { Clock } from "../../src/core/clock.ts";
import type { MessageRef } from "../../src/core/events.ts";
import { BotError } from "../../src/core/errors.ts";
import type { WebStorePort } from "../../src/store/ports.ts";

export const PLAYGROUND_WORKSPACE = "playground";
export const dmConversation = (userId: string) => `dm:${userId}`;

export function createWebAdapter(deps: { store: WebStorePort; clock: Clock }): PlatformAdapter {
  const { store, clock } = deps;
  return {
    platform: "web",
    pacing: { perConversationIntervalMs: 0, perWorkspacePerSecond: 0, maxAttempts: 5 },
    async start() {},
    async stop() {},
    async post(_workspaceId: string, destination: Destination, card: Card): Promise<MessageRef> {
      if (destination.kind === "email") throw new BotError("ADAPTER_SEND_FAILED", "email is sent by the mail sender, not the playground", { retryable: false });
      // The playground has no home view: the overview goes to the DM.
      const conversationId = destination.kind === "dm" || destination.kind === "home" ? dmConversation(destination.userId) : destination.conversationId;
      const audience = destination.kind === "private" ? destination.userId : null;
      const message = await store.playground.addMessage({ conversationId, card, audience }, clock.now());
      return { platform: "web", conversationId, messageId: message.id };
    },
    async update(_workspaceId, ref, card) {
      if (!(await store.playground.replaceMessage(ref.messageId, card))) {
        throw new BotError("ADAPTER_SEND_FAILED", `playground message ${ref.messageId} does not exist`);
      }
    },
    async openDm(_workspaceId, userId) {
      return dmConversation(userId);
    },
    async listMembers(workspaceId, conversationId): Promise<ConversationMember[]> {
      const ids = await store.playground.channelMembers(conversationId);
      const members = await store.members.list(workspaceId);
      const names = new Map(members.map((m) => [m.userId, m.displayName]));
      return ids.map((userId) => ({ userId, displayName: names.get(userId) ?? userId, reachable: true }));
    },
  };
}
