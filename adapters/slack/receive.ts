/**
 * Slack payloads → the core's BotEvent, validated with zod (the inbound boundary). Pure: no I/O.
 * Anything that does not match a known shape returns null and is acknowledged and ignored.
 */
import { z } from "zod";
import type { ActionEvent, CommandEvent, HomeOpenedEvent, MessageEvent, TokensRevokedEvent, UninstalledEvent } from "../../src/core/events.ts";
import { valuesFromState } from "./render.ts";

const id = z.string().min(1).max(64);

const commandSchema = z.object({
  team_id: id,
  enterprise_id: z.string().max(64).optional(),
  channel_id: id,
  channel_name: z.string().max(200).optional(),
  user_id: id,
  user_name: z.string().max(200).optional(),
  command: z.string().max(40),
  text: z.string().max(4000).default(""),
  trigger_id: z.string().max(200).optional(),
  response_url: z.string().max(500).optional(),
});

const actionSchema = z.object({
  type: z.literal("block_actions"),
  user: z.object({ id, name: z.string().max(200).optional(), username: z.string().max(200).optional(), team_id: z.string().max(64).optional() }),
  team: z.object({ id }).nullable().optional(),
  trigger_id: z.string().max(200).optional(),
  response_url: z.string().max(500).optional(),
  container: z
    .object({ channel_id: z.string().max(64).optional(), message_ts: z.string().max(64).optional(), is_ephemeral: z.boolean().optional() })
    .passthrough()
    .optional(),
  channel: z.object({ id }).passthrough().optional(),
  message: z
    .object({ ts: z.string().max(64) })
    .passthrough()
    .optional(),
  state: z.unknown().optional(),
  actions: z.array(z.object({ action_id: z.string().min(1).max(255), value: z.string().max(2000).optional(), action_ts: z.string().max(64).optional() }).passthrough()).min(1),
});

const viewSchema = z.object({
  type: z.literal("view_submission"),
  user: z.object({ id, team_id: z.string().max(64).optional() }),
  team: z.object({ id }).nullable().optional(),
  trigger_id: z.string().max(200).optional(),
  view: z.object({
    id,
    callback_id: z.string().max(255).optional(),
    private_metadata: z.string().max(3000).optional(),
    app_installed_team_id: z.string().max(64).optional(),
    state: z.unknown().optional(),
    hash: z.string().max(200).optional(),
  }),
});

const eventEnvelope = z.object({
  type: z.literal("event_callback"),
  team_id: id,
  event_id: id,
  event: z.object({ type: z.string().max(64) }).passthrough(),
});

const messageEvent = z.object({
  type: z.enum(["message", "app_mention"]),
  user: id,
  text: z.string().max(40000).default(""),
  channel: id,
  channel_type: z.string().max(20).optional(),
  bot_id: z.string().optional(),
  subtype: z.string().optional(),
});

/** Slack escapes &, < and > in text; the grammar wants them back, mentions left as <@U…>. */
const unescapeSlack = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

const isDirectChannel = (channelId: string, channelName?: string) => channelId.startsWith("D") || channelName === "directmessage";

const origin = (teamId: string, userId: string, conversationId: string, eventId: string, userName?: string) => ({
  platform: "slack" as const,
  workspaceId: `slack:${teamId}`,
  workspaceExternalId: teamId,
  userId,
  ...(userName ? { userName } : {}),
  conversationId,
  isDirect: isDirectChannel(conversationId),
  eventId,
});

export function commandToEvent(body: unknown): CommandEvent | null {
  const parsed = commandSchema.safeParse(body);
  if (!parsed.success) return null;
  const c = parsed.data;
  const word = c.command.replace(/^\//, "").toLowerCase();
  const command = word === "pulse" || word === "rubric" ? word : "reflect";
  return {
    ...origin(c.team_id, c.user_id, c.channel_id, `cmd:${c.trigger_id ?? `${c.channel_id}:${c.user_id}:${c.text}`}`, c.user_name),
    ...(c.trigger_id ? { trigger: c.trigger_id } : {}),
    ...(c.response_url ? { replyUrl: c.response_url } : {}),
    isDirect: isDirectChannel(c.channel_id, c.channel_name),
    kind: "command",
    command,
    text: unescapeSlack(c.text),
  };
}

export function blockActionToEvent(body: unknown): ActionEvent | null {
  const parsed = actionSchema.safeParse(body);
  if (!parsed.success) return null;
  const p = parsed.data;
  const teamId = p.team?.id ?? p.user.team_id;
  const channel = p.container?.channel_id ?? p.channel?.id;
  const action = p.actions[0]!;
  if (!teamId || !channel) return null;
  const ts = p.container?.message_ts ?? p.message?.ts;
  const extra: Record<string, string> = {};
  if (p.response_url) extra.response_url = p.response_url;
  if (p.container?.is_ephemeral) extra.ephemeral = "true";
  return {
    ...origin(teamId, p.user.id, channel, `act:${p.trigger_id ?? `${channel}:${ts}:${action.action_id}:${action.action_ts ?? ""}`}`, p.user.name ?? p.user.username),
    ...(p.trigger_id ? { trigger: p.trigger_id } : {}),
    kind: "action",
    actionId: action.action_id,
    ...(action.value !== undefined ? { value: action.value } : {}),
    values: valuesFromState(p.state),
    ...(ts ? { messageRef: { platform: "slack" as const, conversationId: channel, messageId: ts, extra } } : {}),
  };
}

const metaSchema = z.object({
  channel: id,
  ts: z.string().max(64),
  submitActionId: z.string().min(1).max(255),
  submitValue: z.string().max(2000).optional(),
  responseUrl: z.string().url().max(500).optional(),
});
/** A form opened from a command has no message behind it (ts ""): there is nothing to replace. */

export function viewSubmissionToEvent(body: unknown): ActionEvent | null {
  const parsed = viewSchema.safeParse(body);
  if (!parsed.success) return null;
  const p = parsed.data;
  // In a shared channel, `team` can be the other organisation's workspace; the view says which
  // workspace installed the app.
  const teamId = p.view.app_installed_team_id ?? p.team?.id ?? p.user.team_id;
  let meta: z.infer<typeof metaSchema>;
  try {
    meta = metaSchema.parse(JSON.parse(p.view.private_metadata ?? ""));
  } catch {
    return null;
  }
  if (!teamId) return null;
  return {
    ...origin(teamId, p.user.id, meta.channel, `view:${p.view.id}:${p.view.hash ?? p.trigger_id ?? ""}`),
    kind: "action",
    actionId: meta.submitActionId,
    ...(meta.submitValue !== undefined ? { value: meta.submitValue } : {}),
    values: valuesFromState(p.view.state),
    ...(meta.ts
      ? {
          messageRef: {
            platform: "slack" as const,
            conversationId: meta.channel,
            messageId: meta.ts,
            ...(meta.responseUrl ? { extra: { ephemeral: "true", response_url: meta.responseUrl } } : {}),
          },
        }
      : {}),
  };
}

export function eventToBotEvent(body: unknown, botUserId?: string): MessageEvent | HomeOpenedEvent | UninstalledEvent | TokensRevokedEvent | null {
  const env = eventEnvelope.safeParse(body);
  if (!env.success) return null;
  const { team_id: teamId, event_id: eventId, event } = env.data;
  if (event.type === "app_uninstalled") return { ...origin(teamId, "slack", "", `ev:${eventId}`), kind: "uninstalled" };
  // Revoked tokens are dropped; the workspace's data stays (a new install brings a new token).
  if (event.type === "tokens_revoked") return { ...origin(teamId, "slack", "", `ev:${eventId}`), kind: "tokens_revoked" };
  if (event.type === "app_home_opened") {
    const user = z.object({ user: id, tab: z.string().optional() }).safeParse(event);
    if (!user.success || user.data.tab === "messages") return null;
    return { ...origin(teamId, user.data.user, `home:${user.data.user}`, `ev:${eventId}`), isDirect: true, kind: "home_opened" };
  }
  const m = messageEvent.safeParse(event);
  if (!m.success || m.data.bot_id || m.data.subtype) return null;
  const direct = m.data.channel_type === "im" || m.data.channel.startsWith("D");
  if (m.data.type === "message" && !direct) return null; // channel chatter; mentions arrive as app_mention
  let text = unescapeSlack(m.data.text);
  if (botUserId) text = text.replace(new RegExp(`<@${botUserId}(\\|[^>]*)?>`, "g"), " ");
  text = text.replace(/^\s*<@[A-Z0-9]+(\|[^>]*)?>\s*/, ""); // a leading mention is the bot
  return {
    ...origin(teamId, m.data.user, m.data.channel, `ev:${eventId}`),
    isDirect: direct,
    kind: "message",
    text: text.trim(),
    mentioned: m.data.type === "app_mention",
  };
}

/** Whether a payload is one the bot handles, checked with the same schemas as the converters. */
export function recognise(body: Record<string, unknown>): boolean {
  if (typeof body.command === "string") return commandToEvent(body) !== null;
  if (body.type === "block_actions") return blockActionToEvent(body) !== null;
  if (body.type === "view_submission") return viewSubmissionToEvent(body) !== null;
  if (body.type === "event_callback") return eventEnvelope.safeParse(body).success;
  return false;
}
