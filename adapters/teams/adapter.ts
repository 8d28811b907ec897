/**
 * The Microsoft Teams adapter: botbuilder's CloudAdapter at POST /api/messages on the shared
 * server, authenticated as SingleTenant, MultiTenant or UserAssignedMSI from MICROSOFT_APP_*.
 * Without credentials it does not start unless TEAMS_ALLOW_UNAUTHENTICATED=true (local testing
 * only; logged loudly). Every botbuilder import stays in adapters/teams, so the adapter can move
 * to the Teams SDK without touching the core.
 */
import type { ServerResponse } from "node:http";
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  MessageFactory,
  TeamsInfo,
  TurnContext,
  CardFactory,
  INVOKE_RESPONSE_KEY,
  type ConversationReference,
} from "botbuilder";
import type { Config } from "../../src/config.ts";
import type { ConversationMember, Destination, PacingRules, PlatformAdapter } from "../../src/core/adapter.ts";
import type { Bot } from "../../src/core/bot.ts";
import type { Card } from "../../src/core/card.ts";
import { createDispatcher } from "../../src/core/dispatcher.ts";
import { BotError } from "../../src/core/errors.ts";
import type { MessageRef } from "../../src/core/events.ts";
import type { Logger } from "../../src/core/logger.ts";
import type { Store } from "../../src/store/types.ts";
import type { HttpServer } from "../../src/http/server.ts";
import { activitySchema, activityToEvent, isPersonal, tenantOf, userIdOf, type TeamsActivity } from "./receive.ts";
import { cardToAdaptiveCard } from "./render.ts";

/** Teams: 7 messages per second per conversation, 50 per second per tenant. */
export const TEAMS_PACING: PacingRules = { perConversationIntervalMs: 150, perWorkspacePerSecond: 50, maxAttempts: 6 };
const RETRY_STATUS = new Set([412, 429, 502, 504]);

export interface TeamsAdapter extends PlatformAdapter {
  idle(): Promise<void>;
}

export interface TeamsAdapterOptions {
  config: Config["teams"];
  store: Store;
  http: HttpServer;
  bot: Bot;
  logger: Logger;
  /** Tests point token validation at a local OpenID document (PLATFORM-NOTES: Teams). */
  authOverrides?: Record<string, string | boolean>;
  credentialsFactory?: ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1];
  pacing?: PacingRules;
}

export function teamsAuthConfig(config: Config["teams"]): Record<string, string> {
  if (!config.appId) return {};
  if (config.appType === "SingleTenant" && !config.tenantId) {
    throw new BotError("CONFIG_INVALID", "MICROSOFT_APP_TYPE=SingleTenant needs MICROSOFT_APP_TENANT_ID (the Azure AD tenant of the bot registration).");
  }
  if (config.appType !== "UserAssignedMSI" && !config.appPassword) {
    throw new BotError("CONFIG_INVALID", "MICROSOFT_APP_PASSWORD is required with MICROSOFT_APP_ID (a client secret of the bot's app registration), unless MICROSOFT_APP_TYPE=UserAssignedMSI.");
  }
  return {
    MicrosoftAppId: config.appId,
    ...(config.appPassword ? { MicrosoftAppPassword: config.appPassword } : {}),
    ...(config.tenantId ? { MicrosoftAppTenantId: config.tenantId } : {}),
    MicrosoftAppType: config.appType ?? "MultiTenant",
  };
}

const refKey = (kind: "user" | "conversation", id: string) => ({ kind, key: id });

export function createTeamsAdapter(options: TeamsAdapterOptions): TeamsAdapter {
  const { config, store, http, bot } = options;
  const log = options.logger.child({ component: "teams" });
  if (!config.appId && !config.allowUnauthenticated) {
    throw new BotError("ADAPTER_NOT_CONFIGURED", "Teams needs MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD (and MICROSOFT_APP_TENANT_ID for SingleTenant), or TEAMS_ALLOW_UNAUTHENTICATED=true for local testing.");
  }
  if (!config.appId) {
    log.warn("TEAMS_ALLOW_UNAUTHENTICATED=true: Teams activities are accepted WITHOUT authentication. Use this only on a local machine, never in production.");
  }
  const auth = new ConfigurationBotFrameworkAuthentication({ ...teamsAuthConfig(config), ...options.authOverrides } as never, options.credentialsFactory);
  const adapter = new CloudAdapter(auth);
  const appId = config.appId ?? "";
  const dispatcher = createDispatcher(bot, log);

  // References rarely change; remembering what was last written avoids a write per activity.
  const written = new Map<string, string>();
  async function remember(workspaceId: string, kind: "user" | "conversation", key: string, value: unknown) {
    const id = `${workspaceId}|${kind}|${key}`;
    const json = JSON.stringify(value);
    if (written.get(id) === json) return;
    await store.conversations.save(workspaceId, kind, key, value);
    if (written.size > 20_000) written.clear();
    written.set(id, json);
  }

  async function saveReferences(reference: Partial<ConversationReference>, activity: TeamsActivity) {
    const workspaceId = `teams:${tenantOf(activity)}`;
    await remember(workspaceId, "conversation", activity.conversation.id, reference);
    if (isPersonal(activity)) await remember(workspaceId, "user", userIdOf(activity), reference);
    // Remember Teams id → AAD id, so mentions and rosters map to the ids the bot stores.
    if (activity.from.aadObjectId) await remember(workspaceId, "conversation", `teamsid:${activity.from.id}`, { aad: activity.from.aadObjectId });
  }

  async function aadOf(workspaceId: string, teamsId: string): Promise<string> {
    const known = (await store.conversations.get(workspaceId, "conversation", `teamsid:${teamsId}`)) as { aad?: string } | null;
    return known?.aad ?? teamsId;
  }

  /**
   * The turn only acknowledges: references are stored and mentions resolved after the ack, in the
   * dispatcher's slot, before the core handles the event (Teams waits at most 15 s; we answer at once).
   */
  async function logic(context: TurnContext) {
    const parsed = activitySchema.safeParse(context.activity);
    if (!parsed.success) return;
    const activity = parsed.data;
    const reference = TurnContext.getConversationReference(context.activity);
    const event = activityToEvent(activity);
    dispatcher.dispatch(event, async () => {
      await saveReferences(reference, activity);
      if (event?.kind === "message") {
        // Mentions of people arrive as Teams ids; the grammar gets the AAD ids the bot stores.
        for (const id of [...event.text.matchAll(/<@([^>]+)>/g)].map((m) => m[1]!)) {
          event.text = event.text.split(`<@${id}>`).join(`<@${await aadOf(event.workspaceId, id)}>`);
        }
      }
      if (event?.kind === "uninstalled") await store.conversations.remove(event.workspaceId, "user", event.userId);
    });
    if (activity.type === "invoke") {
      // Action.Execute wants an invoke response; the card itself is replaced through the outbox.
      context.turnState.set(INVOKE_RESPONSE_KEY, { type: "invokeResponse", value: { status: 200, body: { statusCode: 200, type: "application/vnd.microsoft.activity.message", value: "Received" } } });
    }
  }

  http.route("POST", "/api/messages", async (req, res: ServerResponse) => {
    let body: unknown;
    try {
      body = JSON.parse(req.body.toString("utf8"));
    } catch {
      body = null;
    }
    const authorization = String(req.headers.authorization ?? "");
    if (appId && !/^Bearer \S+/.test(authorization)) return { status: 401, headers: { "content-type": "text/plain" }, body: "missing token" };
    if (!activitySchema.safeParse(body).success) return { status: 400, headers: { "content-type": "text/plain" }, body: "not a Teams activity" };
    let status = 200;
    let payload: unknown;
    const response = {
      socket: res.socket,
      status: (code: number) => {
        status = code;
      },
      header: (name: string, value: unknown) => res.setHeader(name, String(value)),
      send: (b: unknown) => {
        payload = b;
      },
      end: () => undefined,
    };
    try {
      await adapter.process({ body: body as Record<string, unknown>, headers: req.headers as Record<string, string>, method: "POST" }, response as never, logic);
    } catch (error) {
      log.debug("teams activity rejected", { error });
      status = 400;
    }
    // Our logic never throws, so a 500 from botbuilder here means the token could not be validated.
    if (status >= 500) status = 401;
    if (payload === undefined) return { status };
    return { status, headers: { "content-type": "application/json" }, body: typeof payload === "string" ? JSON.stringify({ message: payload }) : JSON.stringify(payload) };
  });

  async function reference(workspaceId: string, destination: Destination): Promise<ConversationReference> {
    const userRef = async (userId: string) => {
      const ref = (await store.conversations.get(workspaceId, "user", userId)) as ConversationReference | null;
      if (!ref) throw new BotError("ADAPTER_SEND_FAILED", `Teams user ${userId} has not installed the app in personal scope, so the bot cannot message them`, { retryable: false });
      return ref;
    };
    switch (destination.kind) {
      case "conversation": {
        const ref = (await store.conversations.get(workspaceId, "conversation", destination.conversationId)) as ConversationReference | null;
        if (!ref) throw new BotError("ADAPTER_SEND_FAILED", `no Teams conversation reference for ${destination.conversationId}`, { retryable: false });
        return ref;
      }
      case "dm":
      case "home":
        return userRef(destination.userId);
      case "private": {
        // Teams has no ephemeral messages: a private answer goes to the person's chat with the bot,
        // or, when there is none, into the conversation where they asked.
        const personal = (await store.conversations.get(workspaceId, "user", destination.userId)) as ConversationReference | null;
        if (personal) return personal;
        const ref = (await store.conversations.get(workspaceId, "conversation", destination.conversationId)) as ConversationReference | null;
        if (!ref) throw new BotError("ADAPTER_SEND_FAILED", `no Teams conversation reference for ${destination.conversationId}`, { retryable: false });
        return ref;
      }
    }
  }

  // Display names for mentions in cards, refreshed every minute (only used to render names).
  const nameCache = new Map<string, { at: number; map: Map<string, string> }>();
  async function names(workspaceId: string) {
    let entry = nameCache.get(workspaceId);
    if (!entry || Date.now() - entry.at > 60_000) {
      const members = await store.members.list(workspaceId);
      entry = { at: Date.now(), map: new Map(members.map((m) => [m.userId, m.displayName || m.userId])) };
      nameCache.set(workspaceId, entry);
    }
    const map = entry.map;
    return (kind: "user" | "channel", id: string) => (kind === "user" ? map.get(id) ?? "someone" : "channel");
  }

  const toBotError = (error: unknown): BotError => {
    const e = error as { statusCode?: number; response?: { headers?: { get?: (h: string) => string | null } }; message?: string };
    const status = e.statusCode ?? 0;
    const retryAfter = Number(e.response?.headers?.get?.("retry-after") ?? NaN);
    return new BotError("ADAPTER_SEND_FAILED", `Teams connector: ${status || ""} ${e.message ?? String(error)}`.trim(), {
      retryable: status === 0 || RETRY_STATUS.has(status) || status >= 500,
      ...(Number.isFinite(retryAfter) ? { retryAfterMs: retryAfter * 1000 } : {}),
      cause: error,
    });
  };

  return {
    platform: "teams",
    pacing: options.pacing ?? TEAMS_PACING,
    idle: () => dispatcher.idle(),
    async start() {},
    async stop() {
      await dispatcher.idle();
    },
    async post(workspaceId, destination, card): Promise<MessageRef> {
      const ref = await reference(workspaceId, destination);
      const attachment = CardFactory.adaptiveCard(cardToAdaptiveCard(card, { nameOf: await names(workspaceId) }));
      let id = "";
      try {
        await adapter.continueConversationAsync(appId, ref, async (context) => {
          const sent = await context.sendActivity(MessageFactory.attachment(attachment, card.summary));
          id = sent?.id ?? "";
        });
      } catch (error) {
        throw toBotError(error);
      }
      return { platform: "teams", conversationId: ref.conversation.id, messageId: id };
    },
    async update(workspaceId, ref, card) {
      const conversation = (await store.conversations.get(workspaceId, "conversation", ref.conversationId)) as ConversationReference | null;
      if (!conversation) throw new BotError("ADAPTER_SEND_FAILED", `no Teams conversation reference for ${ref.conversationId}`, { retryable: false });
      const attachment = CardFactory.adaptiveCard(cardToAdaptiveCard(card, { nameOf: await names(workspaceId) }));
      try {
        await adapter.continueConversationAsync(appId, conversation, async (context) => {
          const activity = MessageFactory.attachment(attachment, card.summary);
          activity.id = ref.messageId;
          await context.updateActivity(activity);
        });
      } catch (error) {
        throw toBotError(error);
      }
    },
    async openDm(workspaceId, userId) {
      const ref = await reference(workspaceId, { kind: "dm", userId });
      return ref.conversation.id;
    },
    async listMembers(workspaceId, conversationId): Promise<ConversationMember[]> {
      const ref = (await store.conversations.get(workspaceId, "conversation", conversationId)) as ConversationReference | null;
      if (!ref) throw new BotError("ADAPTER_SEND_FAILED", `The bot has not seen the Teams conversation ${conversationId}; add it to the team or chat first.`, { retryable: false });
      const members: ConversationMember[] = [];
      try {
        await adapter.continueConversationAsync(appId, ref, async (context) => {
          let token: string | undefined;
          do {
            const page = await TeamsInfo.getPagedMembers(context, 100, token);
            for (const m of page.members) {
              const id = m.aadObjectId ?? m.id;
              if (m.aadObjectId) await store.conversations.save(workspaceId, "conversation", `teamsid:${m.id}`, { aad: m.aadObjectId });
              // Reachable: the person has a chat with the bot (the app installed in personal scope).
              const personal = await store.conversations.get(workspaceId, "user", id);
              members.push({ userId: id, displayName: m.name ?? id, reachable: personal !== null });
            }
            token = page.continuationToken;
          } while (token);
        });
      } catch (error) {
        throw toBotError(error);
      }
      return members;
    },
  };
}
