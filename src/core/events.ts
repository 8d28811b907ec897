/**
 * The typed event union every adapter produces. Adapters normalise platform mention markup to
 * `<@userId>` and `<#channelId>` inside command and message text, so the grammar is platform-free.
 */

export type Platform = "slack" | "teams" | "web" | "fake";

/** Who acted and where. */
interface EventOrigin {
  platform: Platform;
  /** Workspace id as stored: `<platform>:<team, enterprise or tenant id>`. */
  workspaceId: string;
  /** The platform's workspace id (Slack team, Teams tenant). */
  workspaceExternalId: string;
  userId: string;
  userName?: string;
  /**
   * The language the person's client reports, when the payload carries it (Teams activities:
   * "ne-NP"); Slack payloads do not, so the Slack adapter answers `personLocale` instead.
   */
  locale?: string;
  /** The conversation the event happened in (channel, group chat or DM). */
  conversationId: string;
  /** True when the conversation is a direct message with the bot. */
  isDirect: boolean;
  /** Platform id of the event, for deduplication of retries. */
  eventId: string;
  /**
   * A short-lived token that lets the bot open a form (a Slack modal) in answer to this event, when
   * the platform gives one. Used at once by `ctx.openForm`; never stored.
   */
  trigger?: string;
  /**
   * Where a private answer to this event can be posted and later replaced in place (Slack's
   * response_url of a slash command: a progress reply updates through it). Never stored beyond the
   * reply's own outbox row.
   */
  replyUrl?: string;
  /**
   * The platform waits for a direct answer to this event and nothing else may be shown (a Teams
   * Action.Execute on a card shared in a channel): an answer that cannot be given directly is
   * dropped, never posted or edited where others would see it.
   */
  directOnly?: boolean;
}

export interface CommandEvent extends EventOrigin {
  kind: "command";
  /** The text after the command word, e.g. "pulse start partner-pulse to <#C1>". */
  text: string;
  /** The command word used: reflect, pulse or rubric (shortcuts prefix the text). */
  command: "reflect" | "pulse" | "rubric";
}

export interface MessageEvent extends EventOrigin {
  kind: "message";
  text: string;
  /** True when the bot was mentioned (channel messages are ignored otherwise). */
  mentioned: boolean;
}

/** A button click or a form submit on one of the bot's cards. */
export interface ActionEvent extends EventOrigin {
  kind: "action";
  actionId: string;
  value?: string;
  /** Values of the card's inputs at submit time (input id → value; multi-select joined by ","). */
  values: Record<string, string>;
  /** The message that carried the card, so the adapter can replace it with a confirmation. */
  messageRef?: MessageRef;
}

interface MemberJoinedEvent extends EventOrigin {
  kind: "member_joined";
}

/** The app was installed; `userId` is the installer, who becomes admin. */
export interface InstalledEvent extends EventOrigin {
  kind: "installed";
  workspaceName?: string;
}

/**
 * The app was removed from the whole workspace (Slack `app_uninstalled`). Nothing is deleted at
 * once: the workspace is marked for deletion after its grace period, and a reinstall undoes that.
 */
export interface UninstalledEvent extends EventOrigin {
  kind: "uninstalled";
}

/** The app was removed from one conversation (a Teams personal chat, team or group chat): that conversation is forgotten, nothing else. */
export interface ConversationRemovedEvent extends EventOrigin {
  kind: "conversation_removed";
}

/** The platform revoked the bot's tokens (Slack `tokens_revoked`): the token is dropped, no data. */
export interface TokensRevokedEvent extends EventOrigin {
  kind: "tokens_revoked";
}

/** The person opened the app's home (Slack App Home); the core answers with their overview. */
export interface HomeOpenedEvent extends EventOrigin {
  kind: "home_opened";
}

export type BotEvent =
  | CommandEvent
  | MessageEvent
  | ActionEvent
  | MemberJoinedEvent
  | InstalledEvent
  | UninstalledEvent
  | ConversationRemovedEvent
  | TokensRevokedEvent
  | HomeOpenedEvent;

/** A reference to a posted message, opaque outside the adapter that made it. */
export interface MessageRef {
  platform: Platform;
  conversationId: string;
  messageId: string;
  /** Adapter-specific extras (Slack response_url, Teams service URL…). */
  extra?: Record<string, string>;
}

/**
 * Control characters (tab, line feed and carriage return excepted) removed from everything a
 * person sent: they mean nothing in chat, PostgreSQL refuses NUL in text, and an escape sequence
 * echoed into a log or a terminal could rewrite what an operator sees.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const clean = (s: string) => s.replace(CONTROL, "");

/** The event with its typed text, button value, form values and display name cleaned. */
export function cleanEvent(event: BotEvent): BotEvent {
  const base = event.userName === undefined ? event : { ...event, userName: clean(event.userName) };
  switch (base.kind) {
    case "command":
    case "message":
      return { ...base, text: clean(base.text) };
    case "action":
      return {
        ...base,
        ...(base.value === undefined ? {} : { value: clean(base.value) }),
        values: Object.fromEntries(Object.entries(base.values).map(([k, v]) => [k, clean(v)])),
      };
    default:
      return base;
  }
}
