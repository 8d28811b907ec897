/**
 * The Slack adapter: Bolt 5 on the shared HTTP server (or Socket Mode with SLACK_APP_TOKEN),
 * single-workspace (SLACK_BOT_TOKEN) or multi-workspace OAuth (installations.ts: encrypted in the
 * database). Receiving is in receiver.ts/listeners.ts/receive.ts (transport only); sending and
 * rosters in send.ts; rendering in render.ts. This file puts them together.
 */
import { App, LogLevel, SocketModeReceiver, type Receiver } from "@slack/bolt";
import type { Config } from "../../src/config.ts";
import type { PacingRules, PlatformAdapter } from "../../src/core/adapter.ts";
import type { Bot } from "../../src/core/bot.ts";
import { createDispatcher, type StopOptions } from "../../src/core/dispatcher.ts";
import { BotError } from "../../src/core/errors.ts";
import type { BotEvent } from "../../src/core/events.ts";
import type { Logger } from "../../src/core/logger.ts";
import type { SlackStorePort } from "../../src/store/ports.ts";
import type { HttpServer } from "../../src/http/server.ts";
import { createSlackApi, type SlackApi } from "./api.ts";
import { createSealer } from "./crypto.ts";
import { createInstallations, tokenFor as tokenOf } from "./installations.ts";
import { mountOAuth } from "./oauth.ts";
import { createSlackSender } from "./send.ts";
import { SharedServerReceiver } from "./receiver.ts";
import { registerListeners } from "./listeners.ts";
import { recognise } from "./receive.ts";
import { boltLogger } from "./bolt-logger.ts";

/** Slack: about one message per second per channel; a workspace-wide ceiling below the API tiers. */
const SLACK_PACING: PacingRules = { perConversationIntervalMs: 1000, perWorkspacePerSecond: 20, maxAttempts: 6 };

export interface SlackAdapter extends PlatformAdapter {
  app: App;
  /** Resolves when events being handled after their ack are done (tests, shutdown). */
  idle(): Promise<void>;
}

export interface SlackAdapterOptions {
  config: Config["slack"];
  store: SlackStorePort;
  http: HttpServer;
  bot: Bot;
  logger: Logger;
  /** For tests that sign requests with a fixed time. */
  now?: () => number;
  /** Tests that are not about pacing run without the 1-second spacing. */
  pacing?: PacingRules;
  /** Space roster and DM calls to Slack's rate tiers (tiers.ts); tests not about them turn it off. */
  rateTiers?: boolean;
  /** Where a stop saves acknowledged events it had no time to handle (see src/core/handoff.ts). */
  stopping?: StopOptions;
}

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
  const installations = multiWorkspace ? createInstallations(store, createSealer(config.installationKey)) : null;
  const tokenFor = (workspaceId: string) => tokenOf(installations, config.botToken, workspaceId);

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
      // A team of an Enterprise Grid org-wide install finds the org's installation.
      const inst = await installations?.find(teamId, enterpriseId);
      if (!inst) throw new Error(`no installation for ${teamId ?? enterpriseId}`);
      return { botToken: inst.botToken, botUserId: inst.botUserId, botId: inst.botId, teamId: teamId ?? "" };
    },
    tokenVerificationEnabled: false,
    ignoreSelf: false,
    logger: boltLogger(log),
    ...(config.apiUrl
      ? { clientOptions: { slackApiUrl: config.apiUrl.endsWith("/") ? config.apiUrl : `${config.apiUrl}/`, retryConfig: { retries: 0 }, timeout: 10_000 } }
      : { clientOptions: { retryConfig: { retries: 0 }, timeout: 10_000 } }),
  });

  const dispatcher = createDispatcher(bot, log, options.stopping ? { handoff: options.stopping.handoff } : {});
  const dispatch = (event: BotEvent | null) => {
    if (!event) return;
    dispatcher.dispatch(event, event.kind === "uninstalled" || event.kind === "tokens_revoked" ? () => store.installations.delete(event.workspaceId) : undefined);
  };
  registerListeners(app, dispatch);
  if (installations) mountOAuth(http, { config, installations, logger: log, onInstalled: (event) => dispatch(event) });
  const sender = createSlackSender(api, tokenFor, log, config.apiUrl, options.rateTiers ?? true);

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
      // Socket Mode acknowledges on its own socket: close it first, so nothing arrives after the handoff.
      if (config.appToken) await app.stop();
      await dispatcher.stop(options.stopping?.withinMs ?? 0);
    },
    ...sender,
  };
}
