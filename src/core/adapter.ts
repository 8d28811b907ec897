import type { Card } from "./card.ts";
import type { MessageRef, Platform } from "./events.ts";

/** Where an outbound card goes. */
export type Destination =
  /** A channel, group chat or existing DM conversation. */
  | { kind: "conversation"; conversationId: string }
  /**
   * A person, privately: the adapter opens (or reuses) the DM. With `via`, where the platform
   * refuses a DM with that person (a Slack Connect member), the adapter shows the card to them
   * alone in that channel instead.
   */
  | { kind: "dm"; userId: string; via?: string }
  /**
   * Visible only to one person inside a conversation (Slack ephemeral; the person's chat with the
   * bot where the platform has no ephemeral messages). Never posted for others to read: where the
   * person has no private chat, the adapter posts only `notice` (how to open one) instead.
   */
  | { kind: "private"; conversationId: string; userId: string; notice?: string; replyUrl?: string }
  /** The person's home view (Slack App Home); platforms without one show it in the DM. */
  | { kind: "home"; userId: string }
  /** An email to someone with no account on the platform (sent by the mail sender, not the platform). */
  | { kind: "email"; to: string; link?: EmailLink };

/** The invitation an email's answer link is for: the link is made when the email is sent. */
export interface EmailLink {
  roundId: string;
  userId: string;
}

/** A form the core asks an adapter to open in answer to an event (DESIGN: forms are explicit). */
export interface FormRequest {
  /** The event's trigger (a Slack trigger_id). */
  trigger: string;
  card: Card;
  /** Where the event came from: a submitted form answers there. */
  conversationId: string;
  /** The message the form was opened from, replaced by the confirmation when it is submitted. */
  source?: MessageRef;
}

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
  /** Reachable by the bot privately, by DM or in this channel (false for Teams users without the app, deactivated accounts). */
  reachable: boolean;
  /**
   * Reachable only inside this channel, in messages only they see (a Slack Connect member from
   * another organisation: no DM, but ephemeral messages in the shared channel reach them).
   */
  channelOnly?: boolean;
  /** The language of their client (BCP 47, e.g. "fr-FR"), where the roster tells it (Slack). */
  locale?: string;
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
  /**
   * The language a person's client reports, for platforms whose event payloads do not carry it
   * (Slack: `users.info` with `include_locale`). Null when unknown.
   */
  personLocale?(workspaceId: string, userId: string): Promise<string | null>;
  /**
   * Opens a form on its own surface (a Slack modal) when the platform can; resolves to whether it
   * did. When it cannot (no such surface, the trigger expired), the core shows the form in the
   * conversation instead.
   */
  openForm?(workspaceId: string, form: FormRequest): Promise<boolean>;
  /**
   * Answers the event that carried `trigger` directly, to the person who acted only (a Teams
   * Action.Execute invoke: the card in the invoke response is a view of that person alone).
   * Resolves false when that event can no longer be answered so (the core then uses the outbox).
   */
  respond?(workspaceId: string, trigger: string, card: Card): Promise<boolean>;
  /**
   * How a member marked `channelOnly` is reached in the channel: "ephemeral" (Slack: a message
   * only they see, one per person) or "shared-card" (Teams: one card in the channel naming nobody,
   * whose button shows each person their own form). Default "ephemeral".
   */
  readonly channelInvites?: "ephemeral" | "shared-card";
}

/**
 * Sends email for the outbox (people invited by email). Not a platform: it only posts, and the
 * outbox worker hands it every `email` destination whatever the workspace's platform.
 */
export interface MailSender {
  readonly pacing: PacingRules;
  send(to: string, card: Card, link?: EmailLink): Promise<void>;
}
