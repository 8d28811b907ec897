/**
 * The Microsoft Teams adapter: botbuilder's CloudAdapter at POST /api/messages on the shared
 * server, authenticated as SingleTenant, MultiTenant or UserAssignedMSI from MICROSOFT_APP_*.
 * Without credentials it does not start unless TEAMS_ALLOW_UNAUTHENTICATED=true (local testing
 * only, on a loopback address). Every botbuilder import stays in adapters/teams, so the adapter can
 * move to the Teams SDK without touching the core. Receiving is here (transport only) and in
 * receive.ts; references in references.ts; sending and rosters in send.ts; rendering in render.ts.
 */
import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, INVOKE_RESPONSE_KEY, TurnContext } from "botbuilder";
import type { Config } from "../../src/config.ts";
import type { PacingRules, PlatformAdapter } from "../../src/core/adapter.ts";
import type { Bot } from "../../src/core/bot.ts";
import { createDispatcher, type StopOptions } from "../../src/core/dispatcher.ts";
import { BotError } from "../../src/core/errors.ts";
import type { Logger } from "../../src/core/logger.ts";
import type { HttpServer } from "../../src/http/server.ts";
import type { TeamsStorePort } from "../../src/store/ports.ts";
import { serviceUrlAllowed, teamsAuthConfig } from "./auth.ts";
import { activitySchema, activityToEvent, isPersonal } from "./receive.ts";
import { createReferences, stableReference } from "./references.ts";
import { createTeamsSender } from "./send.ts";
import { cardToAdaptiveCard, type Json } from "./render.ts";
import type { Card } from "../../src/core/card.ts";

/** How long an Action.Execute waits for the core's answer (Teams waits for an invoke response). */
const INVOKE_WAIT_MS = 4000;
const INVOKE_MAX_MS = 12_000;

/** Teams: 7 messages per second per conversation, 50 per second per tenant. */
const TEAMS_PACING: PacingRules = { perConversationIntervalMs: 150, perWorkspacePerSecond: 50, maxAttempts: 6 };

export interface TeamsAdapter extends PlatformAdapter {
  idle(): Promise<void>;
}

export interface TeamsAdapterOptions {
  config: Config["teams"];
  store: TeamsStorePort;
  http: HttpServer;
  bot: Bot;
  logger: Logger;
  /** Tests point token validation at a local OpenID document (see docs/TEAMS.md, testing). */
  authOverrides?: Record<string, string | boolean>;
  credentialsFactory?: ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1];
  pacing?: PacingRules;
  /** Where a stop saves acknowledged events it had no time to handle (see src/core/handoff.ts). */
  stopping?: StopOptions;
}

export function createTeamsAdapter(options: TeamsAdapterOptions): TeamsAdapter {
  const { config, store, http, bot } = options;
  const log = options.logger.child({ component: "teams" });
  if (!config.appId && !config.allowUnauthenticated) {
    throw new BotError(
      "ADAPTER_NOT_CONFIGURED",
      "Teams needs MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD (and MICROSOFT_APP_TENANT_ID for SingleTenant), or TEAMS_ALLOW_UNAUTHENTICATED=true for local testing.",
    );
  }
  if (!config.appId) {
    log.warn("TEAMS_ALLOW_UNAUTHENTICATED=true: Teams activities are accepted WITHOUT authentication. Use this only on a local machine, never in production.");
  }
  const auth = new ConfigurationBotFrameworkAuthentication({ ...teamsAuthConfig(config), ...options.authOverrides } as never, options.credentialsFactory);
  const adapter = new CloudAdapter(auth);
  const appId = config.appId ?? "";
  const dispatcher = createDispatcher(bot, log, options.stopping ? { handoff: options.stopping.handoff } : {});
  const refs = createReferences(store, config.serviceHosts, log);
  const sender = createTeamsSender(adapter, appId, refs, store);
  /** Invokes waiting for the core's answer, by the trigger given to their event. */
  const pending = new Map<string, (card: Json | null) => void>();

  /**
   * The turn only acknowledges: references are stored and mentions resolved after the ack, in the
   * dispatcher's slot, before the core handles the event (Teams waits at most 15 s; we answer at once).
   */
  async function logic(context: TurnContext) {
    const parsed = activitySchema.safeParse(context.activity);
    if (!parsed.success) return;
    const activity = parsed.data;
    const reference = stableReference(TurnContext.getConversationReference(context.activity));
    const event = activityToEvent(activity);
    // An Action.Execute press waits (briefly) for the core's answer: the card in the invoke
    // response is that person's own view (their form, their thank-you), never the channel's.
    const invoke = activity.type === "invoke" && event?.kind === "action";
    let answered: Promise<Json | null> | undefined;
    let handled: () => void = () => {};
    let started: () => void = () => {};
    if (invoke) {
      const trigger = `invoke:${randomUUID()}`;
      event.trigger = trigger;
      // Pressed in a team channel or group chat: only a direct answer may be shown.
      if (!isPersonal(activity)) event.directOnly = true;
      answered = new Promise<Json | null>((resolve) => {
        pending.set(trigger, resolve);
        handled = () => resolve(null);
        // The core's time starts when it picks the event up; Teams itself waits about 15 s in all.
        started = () => setTimeout(() => resolve(null), INVOKE_WAIT_MS).unref();
        setTimeout(() => resolve(null), INVOKE_MAX_MS).unref();
      }).finally(() => pending.delete(trigger));
    }
    dispatcher.dispatch(
      event,
      async () => {
        started();
        await refs.saveFrom(reference, activity);
        if (event?.kind === "message") {
          // Mentions of people arrive as Teams ids; the grammar gets the AAD ids the bot stores.
          for (const id of [...event.text.matchAll(/<@([^>]+)>/g)].map((m) => m[1]!)) {
            event.text = event.text.split(`<@${id}>`).join(`<@${await refs.aadOf(event.workspaceId, id)}>`);
          }
        }
        if (event?.kind === "conversation_removed") await refs.forget(event.workspaceId, activity, event.userId);
      },
      () => handled(),
    );
    if (activity.type === "invoke") {
      const card = answered ? await answered : null;
      context.turnState.set(INVOKE_RESPONSE_KEY, {
        type: "invokeResponse",
        value: {
          status: 200,
          body: card
            ? { statusCode: 200, type: "application/vnd.microsoft.card.adaptive", value: card }
            : { statusCode: 200, type: "application/vnd.microsoft.activity.message", value: "Received" },
        },
      });
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
    const checked = activitySchema.safeParse(body);
    if (!checked.success) return { status: 400, headers: { "content-type": "text/plain" }, body: "not a Teams activity" };
    if (!serviceUrlAllowed(checked.data.serviceUrl, config.serviceHosts)) {
      return { status: 403, headers: { "content-type": "text/plain" }, body: "service URL not allowed (TEAMS_SERVICE_HOSTS)" };
    }
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

  const respond = async (_workspaceId: string, trigger: string, card: Card): Promise<boolean> => {
    const resolve = pending.get(trigger);
    if (!resolve) return false;
    resolve(cardToAdaptiveCard(card, { execute: true }));
    return true;
  };

  return {
    platform: "teams",
    pacing: options.pacing ?? TEAMS_PACING,
    channelInvites: "shared-card",
    respond,
    // A form asked for in answer to an invoke is that invoke's response.
    openForm: (workspaceId, form) => respond(workspaceId, form.trigger, form.card),
    idle: () => dispatcher.idle(),
    async start() {},
    async stop() {
      await dispatcher.stop(options.stopping?.withinMs ?? 0);
    },
    ...sender,
  };
}
