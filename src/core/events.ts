/**
 * The typed event union every adapter produces. Adapters normalise platform mention markup to
 * `<@userId>` and `<#channelId>` inside command and message text, so the grammar is platform-free.
 */

export type Platform = "slack" | "teams" | "web" | "fake";

/** Who acted and where. */
export interface EventOrigin {
  platform: Platform;
  /** Workspace id as stored: `<platform>:<team, enterprise or tenant id>`. */
  workspaceId: string;
  /** The platform's workspace id (Slack team, Teams tenant). */
  workspaceExternalId: string;
  userId: string;
  userName?: string;
  /** The conversation the event happened in (channel, group chat or DM). */
  conversationId: string;
  /** True when the conversation is a direct message with the bot. */
  isDirect: boolean;
  /** Platform id of the event, for deduplication of retries. */
  eventId: string;
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

export interface MemberJoinedEvent extends EventOrigin {
  kind: "member_joined";
}

/** The app was installed; `userId` is the installer, who becomes admin. */
export interface InstalledEvent extends EventOrigin {
  kind: "installed";
  workspaceName?: string;
}

export interface UninstalledEvent extends EventOrigin {
  kind: "uninstalled";
}

/** The person opened the app's home (Slack App Home); the core answers with their overview. */
export interface HomeOpenedEvent extends EventOrigin {
  kind: "home_opened";
}

export type BotEvent = CommandEvent | MessageEvent | ActionEvent | MemberJoinedEvent | InstalledEvent | UninstalledEvent | HomeOpenedEvent;

/** A reference to a posted message, opaque outside the adapter that made it. */
export interface MessageRef {
  platform: Platform;
  conversationId: string;
  messageId: string;
  /** Adapter-specific extras (Slack response_url, Teams service URL…). */
  extra?: Record<string, string>;
}
