import type { Card } from "./card.ts";
import type { MessageRef, Platform } from "./events.ts";

/** Where an outbound card goes. */
export type Destination =
  /** A channel, group chat or existing DM conversation. */
  | { kind: "conversation"; conversationId: string }
  /** A person, privately: the adapter opens (or reuses) the DM. */
  | { kind: "dm"; userId: string }
  /** Visible only to one person inside a conversation (Slack ephemeral; a DM where not supported). */
  | { kind: "private"; conversationId: string; userId: string }
  /** The person's home view (Slack App Home); platforms without one show it in the DM. */
  | { kind: "home"; userId: string };

/** Pacing an adapter asks the outbox to respect, per platform limits. */
export interface PacingRules {
  /** Minimum gap between two sends to the same conversation (ms). */
  perConversationIntervalMs: number;
  /** Maximum sends per second across the workspace (tenant); 0 means no extra limit. */
  perWorkspacePerSecond: number;
  /** Attempts before a message is marked dead. */
  maxAttempts: number;
}

export interface ConversationMember {
  userId: string;
  displayName?: string;
  isBot?: boolean;
  /** Reachable by the bot in a DM (false for Slack Connect users the app cannot message, Teams users without the app). */
  reachable: boolean;
}

/**
 * The seam between the core and a platform. Every adapter implements this and passes the
 * contract suite in test/contract. Receivers do transport only: verify, acknowledge, turn the
 * payload into a BotEvent and hand it to the core.
 */
export interface PlatformAdapter {
  readonly platform: Platform;
  readonly pacing: PacingRules;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Posts a card; resolves to a reference that `update` accepts. Throws BotError(ADAPTER_SEND_FAILED) with retryable/retryAfterMs. */
  post(workspaceId: string, destination: Destination, card: Card): Promise<MessageRef>;
  /** Replaces a posted card (a submitted form becomes its confirmation). */
  update(workspaceId: string, ref: MessageRef, card: Card): Promise<void>;
  /** Opens (or finds) the DM conversation with a person. */
  openDm(workspaceId: string, userId: string): Promise<string>;
  /** Members of a channel, paged through by the adapter. */
  listMembers(workspaceId: string, conversationId: string): Promise<ConversationMember[]>;
}
