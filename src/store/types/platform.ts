/** State the platform adapters and the event prologue own: conversation references, Slack installations, the playground transcript, processed events. */
import type { Card } from "../../core/card.ts";
import type { Platform } from "../../core/events.ts";
import type { Member, Workspace } from "./workspaces.ts";

export interface ConversationRefStore {
  save(workspaceId: string, kind: "user" | "conversation", key: string, reference: unknown): Promise<void>;
  get(workspaceId: string, kind: "user" | "conversation", key: string): Promise<unknown | null>;
  remove(workspaceId: string, kind: "user" | "conversation", key: string): Promise<void>;
}

export interface PlaygroundMessage {
  id: string;
  conversationId: string;
  seq: number;
  /** When set, only this persona sees the message (private replies). */
  audience: string | null;
  /** The persona who typed it (echoed commands and messages); null for the bot. */
  author: string | null;
  card: Card;
  createdAt: Date;
}

export interface PlaygroundStore {
  addMessage(input: { conversationId: string; card: Card; audience?: string | null; author?: string | null }, now: Date): Promise<PlaygroundMessage>;
  replaceMessage(id: string, card: Card): Promise<boolean>;
  listMessages(conversationIds: string[], afterSeq: number): Promise<PlaygroundMessage[]>;
  getMessage(id: string): Promise<PlaygroundMessage | null>;
  setChannelMembers(channelId: string, userIds: string[]): Promise<void>;
  addChannelMember(channelId: string, userId: string): Promise<void>;
  channelMembers(channelId: string): Promise<string[]>;
}

/** Platform installations (Slack OAuth); `data` is already encrypted by the adapter. */
export interface InstallationStore {
  save(workspaceId: string, data: string): Promise<void>;
  get(workspaceId: string): Promise<string | null>;
  delete(workspaceId: string): Promise<void>;
}

export interface ProcessedEventStore {
  /** Records an event id; false when it was already recorded (a retry). */
  markProcessed(platform: Platform, eventId: string, now: Date): Promise<boolean>;
  /**
   * The hot path of every event in one round trip: records the event id and reads the workspace
   * and the member (either may be missing, then the caller creates it).
   */
  begin(input: {
    platform: Platform;
    eventId: string;
    workspaceId: string;
    userId: string;
    now: Date;
  }): Promise<{ fresh: boolean; workspace: Workspace | null; member: Member | null }>;
  prune(before: Date): Promise<number>;
}

/**
 * Events a stopping process acknowledged but did not handle, kept sealed until the next start
 * handles them (src/core/handoff.ts). Rows are opaque to the store.
 */
export interface EventHandoffStore {
  /** Saves sealed events in their order, in one transaction. */
  save(sealed: string[]): Promise<void>;
  /** The oldest handed-off events first. */
  list(limit: number): Promise<{ id: string; sealed: string }[]>;
  remove(id: string): Promise<void>;
}
