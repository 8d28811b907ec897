/**
 * The Slack adapter: Bolt 5 on the shared HTTP server (or Socket Mode with SLACK_APP_TOKEN),
 * single-workspace (SLACK_BOT_TOKEN) or multi-workspace OAuth (installations encrypted in the
 * database). Receiving is in receiver.ts/listeners.ts/receive.ts; rendering in render.ts; this file
 * sends through the Web API for the outbox worker.
 */
import { App, LogLevel, SocketModeReceiver, type Receiver } from "@slack/bolt";
import type { Config } from "../../src/config.ts";
import type { ConversationMember, Destination, PacingRules, PlatformAdapter } from "../../src/core/adapter.ts";
import type { Bot } from "../../src/core/bot.ts";
import { createDispatcher } from "../../src/core/dispatcher.ts";
import { hasInputs, type Card } from "../../src/core/card.ts";
import { BotError } from "../../src/core/errors.ts";
import type { BotEvent, MessageRef } from "../../src/core/events.ts";
import type { Logger } from "../../src/core/logger.ts";
import type { Store } from "../../src/store/types.ts";
import type { HttpServer } from "../../src/http/server.ts";
import { createSlackApi, slackErrorCode, type SlackApi } from "./api.ts";
import { createSealer } from "./crypto.ts";
import { mountOAuth, type StoredInstallation } from "./oauth.ts";
import { ACK_DEADLINE_MS, SharedServerReceiver } from "./receiver.ts";
import { registerListeners } from "./listeners.ts";
import { cardToBlockKit, cardToModal } from "./render.ts";
import { recognise } from "./receive.ts";
import { boltLogger } from "./bolt-logger.ts";

/** Slack: about one message per second per channel; a workspace-wide ceiling below the API tiers. */
export const SLACK_PACING: PacingRules = { perConversationIntervalMs: 1000, perWorkspacePerSecond: 20, maxAttempts: 6 };

export interface SlackAdapter extends PlatformAdapter {
  app: App;
  /** Resolves when events being handled after their ack are done (tests, shutdown). */
  idle(): Promise<void>;
}

export interface SlackAdapterOptions {
  config: Config["slack"];
  store: Store;
  http: HttpServer;
  bot: Bot;
  logger: Logger;
  /** For tests that sign requests with a fixed time. */
  now?: () => number;
  /** Tests that are not about pacing run without the 1-second spacing. */
  pacing?: PacingRules;
}

const teamOf = (workspaceId: string) => workspaceId.replace(/^slack:/, "");

export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const { config, store, http, bot } = options;
  const log = options.logger.child({ component: "slack" });
  const api: SlackApi = createSlackApi({ apiUrl: config.apiUrl });
  const multiWorkspace = Boolean(config.clientId && config.clientSecret);
  if (!config.botToken && !multiWorkspace) {
    throw new BotError("ADAPTER_NOT_CONFIGURED", "Slack needs SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET (OAuth install).");
  }
  if (!config.appToken && !config.signingSecret) {
    throw new BotError("ADAPTER_NOT_CONFIGURED", "Slack over HTTP needs SLACK_SIGNING_SECRET (Basic Information → App Credentials), or SLACK_APP_TOKEN for Socket Mode.");
  }
  const sealer = multiWorkspace ? createSealer(config.installationKey) : undefined;

  async function installation(teamId: string): Promise<StoredInstallation | null> {
    const sealed = await store.installations.get(`slack:${teamId}`);
    return sealed && sealer ? (JSON.parse(sealer.open(sealed)) as StoredInstallation) : null;
  }

  async function tokenFor(workspaceId: string): Promise<string> {
    if (config.botToken) return config.botToken;
    const inst = await installation(teamOf(workspaceId));
    if (!inst) throw new BotError("ADAPTER_SEND_FAILED", `No Slack installation for ${workspaceId}; reinstall the app in that workspace.`, { retryable: false });
    return inst.botToken;
  }

  const receiver: Receiver = config.appToken
    ? new SocketModeReceiver({ appToken: config.appToken, logLevel: LogLevel.ERROR })
    : new SharedServerReceiver(http, { signingSecret: config.signingSecret!, logger: log, recognise, ...(options.now ? { now: options.now } : {}) });

  // Our own authorize, so Bolt never calls auth.test on the path of an incoming request (that
  // would put a Web API round trip before the 3-second ack).
  let single: { botUserId?: string; botId?: string } = {};
  const app = new App({
    receiver,
    authorize: async ({ teamId, enterpriseId }) => {
      if (config.botToken) return { botToken: config.botToken, ...single, ...(teamId ? { teamId } : {}) };
      const inst = await installation(teamId ?? enterpriseId ?? "");
      if (!inst) throw new Error(`no installation for ${teamId ?? enterpriseId}`);
      return { botToken: inst.botToken, botUserId: inst.botUserId, botId: inst.botId, teamId: teamId ?? "" };
    },
    tokenVerificationEnabled: false,
    ignoreSelf: false,
    logger: boltLogger(log),
    ...(config.apiUrl ? { clientOptions: { slackApiUrl: config.apiUrl.endsWith("/") ? config.apiUrl : `${config.apiUrl}/`, retryConfig: { retries: 0 }, timeout: 10_000 } } : { clientOptions: { retryConfig: { retries: 0 }, timeout: 10_000 } }),
  });

  const dispatcher = createDispatcher(bot, log);
  // A slash command's trigger lets a form the bot answers with open as a modal (for 2.5 s).
  const triggers = new Map<string, { id: string; at: number }>();
  const dispatch = (event: BotEvent | null, body?: unknown) => {
    if (!event) return;
    const trigger = (body as { trigger_id?: unknown } | undefined)?.trigger_id;
    if (event.kind === "command" && typeof trigger === "string") {
      if (triggers.size > 5000) triggers.clear();
      triggers.set(`${event.workspaceId}|${event.conversationId}|${event.userId}`, { id: trigger, at: Date.now() });
    }
    dispatcher.dispatch(event, event.kind === "uninstalled" ? () => store.installations.delete(event.workspaceId) : undefined);
  };
  registerListeners(app, dispatch);
  if (multiWorkspace && sealer) mountOAuth(http, { config, store, sealer, logger: log, onInstalled: (event) => dispatch(event) });

  const userCache = new Map<string, { at: number; member: ConversationMember }>();

  async function postMessage(workspaceId: string, channel: string, card: Card): Promise<MessageRef> {
    const token = await tokenFor(workspaceId);
    const { text, blocks, uploads } = cardToBlockKit(card);
    const res = await api.call<{ ts: string; channel: string }>(token, "chat.postMessage", { channel, text, blocks });
    await upload(token, res.channel ?? channel, uploads);
    return { platform: "slack", conversationId: res.channel ?? channel, messageId: res.ts };
  }

  async function upload(token: string, channel: string, uploads: ReturnType<typeof cardToBlockKit>["uploads"]) {
    for (const u of uploads) {
      try {
        await api.client(token).filesUploadV2({ channel_id: channel, file: u.data, filename: u.filename, title: u.title });
      } catch (error) {
        // The text stands on its own; a failed chart or CSV upload is logged, not retried forever.
        log.warn("slack file upload failed", { filename: u.filename, error });
      }
    }
  }

  async function openDm(workspaceId: string, userId: string): Promise<string> {
    const res = await api.call<{ channel: { id: string } }>(await tokenFor(workspaceId), "conversations.open", { users: userId });
    return res.channel.id;
  }

  return {
    platform: "slack",
    pacing: options.pacing ?? SLACK_PACING,
    app,
    idle: () => dispatcher.idle(),
    async start() {
      if (config.botToken) {
        try {
          const who = await api.call<{ user_id?: string; bot_id?: string }>(config.botToken, "auth.test", {});
          single = { ...(who.user_id ? { botUserId: who.user_id } : {}), ...(who.bot_id ? { botId: who.bot_id } : {}) };
        } catch (error) {
          log.warn("Slack auth.test failed at start; check SLACK_BOT_TOKEN", { error });
        }
      }
      if (config.appToken) await app.start();
    },
    async stop() {
      await dispatcher.idle();
      if (config.appToken) await app.stop();
    },
    async post(workspaceId: string, destination: Destination, card: Card): Promise<MessageRef> {
      switch (destination.kind) {
        case "conversation":
          return postMessage(workspaceId, destination.conversationId, card);
        case "dm":
          return postMessage(workspaceId, await openDm(workspaceId, destination.userId), card);
        case "home": {
          const { blocks } = cardToBlockKit(card, { maxBlocks: 100 });
          await api.call(await tokenFor(workspaceId), "views.publish", { user_id: destination.userId, view: { type: "home", blocks } });
          return { platform: "slack", conversationId: `home:${destination.userId}`, messageId: "home" };
        }
        case "private": {
          const token = await tokenFor(workspaceId);
          const trigger = triggers.get(`${workspaceId}|${destination.conversationId}|${destination.userId}`);
          const submit = card.elements.flatMap((e) => (e.type === "buttons" ? e.buttons : [])).find((b) => b.submit);
          if (hasInputs(card) && submit && trigger && Date.now() - trigger.at < ACK_DEADLINE_MS) {
            triggers.delete(`${workspaceId}|${destination.conversationId}|${destination.userId}`);
            try {
              await api.call(token, "views.open", { trigger_id: trigger.id, view: cardToModal(card, { channel: destination.conversationId, ts: "", submitActionId: submit.actionId }) });
              return { platform: "slack", conversationId: destination.conversationId, messageId: "" };
            } catch (error) {
              log.info("modal not opened; showing the form in the message", { reason: slackErrorCode(error) ?? "error" });
            }
          }
          const { text, blocks, uploads } = cardToBlockKit(card);
          try {
            const res = await api.call<{ message_ts: string }>(token, "chat.postEphemeral", { channel: destination.conversationId, user: destination.userId, text, blocks });
            if (uploads.length) await upload(token, await openDm(workspaceId, destination.userId), uploads);
            return { platform: "slack", conversationId: destination.conversationId, messageId: res.message_ts, extra: { ephemeral: "true" } };
          } catch (error) {
            // The bot is not in that channel (or it is a DM the bot cannot see): answer in the bot's DM.
            if (["channel_not_found", "not_in_channel", "user_not_in_channel"].includes(slackErrorCode(error) ?? "")) {
              return postMessage(workspaceId, await openDm(workspaceId, destination.userId), card);
            }
            throw error;
          }
        }
      }
    },
    async update(workspaceId, ref, card) {
      const token = await tokenFor(workspaceId);
      const extra = ref.extra ?? {};
      const submit = card.elements.flatMap((e) => (e.type === "buttons" ? e.buttons : [])).find((b) => b.submit);
      const fresh = extra.trigger_id && Date.now() - Number(extra.trigger_at ?? 0) < ACK_DEADLINE_MS;
      if (hasInputs(card) && submit && fresh) {
        try {
          await api.call(token, "views.open", { trigger_id: extra.trigger_id, view: cardToModal(card, { channel: ref.conversationId, ts: ref.messageId, submitActionId: submit.actionId }) });
          return;
        } catch (error) {
          log.info("modal not opened; showing the form in the message", { reason: slackErrorCode(error) ?? "error" });
        }
      }
      const { text, blocks } = cardToBlockKit(card);
      if (extra.ephemeral === "true" && extra.response_url) {
        const res = await fetch(extra.response_url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ replace_original: true, text, blocks }), signal: AbortSignal.timeout(10_000) });
        if (!res.ok) throw new BotError("ADAPTER_SEND_FAILED", `Slack response_url: HTTP ${res.status}`, { retryable: res.status >= 500 });
        return;
      }
      await api.call(token, "chat.update", { channel: ref.conversationId, ts: ref.messageId, text, blocks });
    },
    openDm,
    async listMembers(workspaceId, conversationId) {
      const token = await tokenFor(workspaceId);
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const res = await api.call<{ members: string[]; response_metadata?: { next_cursor?: string } }>(token, "conversations.members", { channel: conversationId, limit: 200, ...(cursor ? { cursor } : {}) });
        ids.push(...res.members);
        cursor = res.response_metadata?.next_cursor || undefined;
      } while (cursor);
      const team = teamOf(workspaceId);
      const out: ConversationMember[] = [];
      for (const id of ids) {
        const cached = userCache.get(`${team}:${id}`);
        if (cached && Date.now() - cached.at < 10 * 60_000) {
          out.push(cached.member);
          continue;
        }
        const { user } = await api.call<{ user: { id: string; name?: string; real_name?: string; is_bot?: boolean; deleted?: boolean; team_id?: string; is_stranger?: boolean } }>(token, "users.info", { user: id });
        // Slack Connect members from other organisations cannot be messaged by this app.
        const external = Boolean(user.is_stranger) || (user.team_id !== undefined && user.team_id !== team);
        const member: ConversationMember = {
          userId: user.id,
          displayName: user.real_name ?? user.name ?? user.id,
          isBot: Boolean(user.is_bot) || user.id === "USLACKBOT",
          reachable: !user.deleted && !user.is_bot && !external,
        };
        userCache.set(`${team}:${id}`, { at: Date.now(), member });
        out.push(member);
      }
      return out;
    },
  };
}
