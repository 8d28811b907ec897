/**
 * What a handler gets: the event, the caller (with role and language), the workspace, and ways to
 * answer. Handlers never talk to a platform; they write cards to the outbox.
 */
import type { Card } from "./card.ts";
import type { ConversationMember, Destination } from "./adapter.ts";
import type { BotEvent, Platform } from "./events.ts";
import type { Clock } from "./clock.ts";
import type { Ids } from "./ids.ts";
import type { Logger } from "./logger.ts";
import type { I18n, Translate } from "./i18n.ts";
import type { Outbox } from "./outbox.ts";
import type { Prompts } from "./prompts/load.ts";
import type { Member, Store, Workspace } from "../store/types.ts";
import type { AdminUser } from "../config.ts";

/** Resolves channel members through the platform adapter (pulse and rubric audiences). */
export interface Directory {
  listMembers(platform: Platform, workspaceId: string, conversationId: string): Promise<ConversationMember[]>;
}

/** Everything the core depends on; injected by main.ts (or by tests with fakes). */
export interface BotDeps {
  store: Store;
  clock: Clock;
  ids: Ids;
  logger: Logger;
  i18n: I18n;
  prompts: Prompts;
  outbox: Outbox;
  directory: Directory;
  adminUsers: AdminUser[];
}

export interface HandlerContext {
  deps: BotDeps;
  event: BotEvent;
  workspace: Workspace;
  member: Member;
  /** Translator in the caller's language. */
  t: Translate & { locale: string };
  /** Answers the caller privately where they acted (ephemeral in a channel, or in the DM). */
  reply(card: Card): Promise<void>;
  /** Posts a card anywhere in this workspace, deduplicated by key. */
  send(destination: Destination, card: Card, dedupeKey: string): Promise<boolean>;
  /** Replaces the card the action came from (a submitted form becomes its confirmation). */
  replaceSource(card: Card): Promise<void>;
  audit(action: string, target?: string | null, detail?: Record<string, unknown>): Promise<void>;
}
