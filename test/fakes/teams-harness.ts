/** The whole bot with the Teams adapter against the fake Bot Connector (and, when authenticated, a local identity provider). */
import { createApp, type App } from "../../src/app.ts";
import { createOffsetClock, type FixedClock } from "../../src/core/clock.ts";
import { loadConfig } from "../../src/config.ts";
import { createMemoryLogger } from "../../src/core/logger.ts";
import type { TeamsAdapter } from "../../adapters/teams/adapter.ts";
import { localTeamsAuth, startFakeConnector, startFakeIdentity, type ConnectorActivity, type FakeConnector, type FakeIdentity } from "./fake-teams.ts";

export const TENANT = "tenant-1";
export const APP_ID = "00000000-0000-0000-0000-00000000b0b0";

export interface TeamsHarness {
  app: App;
  /** The bot's clock: real time, moved forward by tests when days must pass. */
  clock: FixedClock;
  connector: FakeConnector;
  identity: FakeIdentity | null;
  base: string;
  adapter: TeamsAdapter;
  send(activity: Record<string, unknown>, options?: { token?: string | null }): Promise<Response>;
  /** A personal chat (the app installed for the person), so the bot can message them. */
  install(user: string, options?: { locale?: string }): Promise<void>;
  /** Sends text; `@name` of a listed user becomes a Teams mention entity. */
  message(
    user: string,
    text: string,
    options?: { conversation?: string; conversationType?: string; mentionBot?: boolean; mentions?: string[]; locale?: string },
  ): Promise<Response>;
  submit(user: string, sent: ConnectorActivity, data: Record<string, unknown>): Promise<Response>;
  settle(): Promise<void>;
  textOf(a: ConnectorActivity): string;
  stop(): Promise<void>;
}

let n = 0;

function cardTextOf(activity: Record<string, unknown>): string {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (!v || typeof v !== "object") return;
    if (Array.isArray(v)) return v.forEach(walk);
    const o = v as Record<string, unknown>;
    for (const k of ["text", "title", "label", "value"]) if (typeof o[k] === "string") out.push(o[k] as string);
    for (const x of Object.values(o)) if (typeof x === "object") walk(x);
  };
  walk(activity.attachments);
  return [String(activity.text ?? ""), ...out].join("\n");
}

export async function startTeamsBot(options: { authenticated?: boolean; env?: Record<string, string>; realPacing?: boolean } = {}): Promise<TeamsHarness> {
  const connector = await startFakeConnector();
  const identity = options.authenticated ? await startFakeIdentity() : null;
  const logger = createMemoryLogger();
  const env = options.authenticated
    ? { MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: "secret", MICROSOFT_APP_TENANT_ID: TENANT, MICROSOFT_APP_TYPE: "SingleTenant" }
    : { TEAMS_ALLOW_UNAUTHENTICATED: "true" };
  // The fake Bot Connector listens on loopback; only hosts named here get the bot's Teams calls.
  const config = loadConfig({
    PORT: "0",
    DATA_DIR: "memory://",
    PLAYGROUND: "false",
    ADMIN_USERS: `teams:${TENANT}:admin-aad`,
    TEAMS_SERVICE_HOSTS: "127.0.0.1",
    ...env,
    ...options.env,
  });
  config.dataDir = "memory://";
  const clock = createOffsetClock();
  const app = await createApp(config, {
    clock,
    logger,
    scheduler: false,
    outboxPollMs: 20,
    ...(options.realPacing ? {} : { pacing: { teams: { perConversationIntervalMs: 0, perWorkspacePerSecond: 0, maxAttempts: 4 } } }),
    ...(identity ? { teams: localTeamsAuth(identity, TENANT, APP_ID) } : {}),
  });
  const base = `http://127.0.0.1:${await app.start()}`;
  const adapter = app.adapters.get("teams") as TeamsAdapter;
  const activity = (user: string, extra: Record<string, unknown>) => ({
    id: `a${++n}`,
    channelId: "msteams",
    serviceUrl: connector.url,
    timestamp: new Date().toISOString(),
    from: { id: `29:${user}`, aadObjectId: user, name: user },
    recipient: { id: `28:${APP_ID}`, name: "Reflect" },
    channelData: { tenant: { id: TENANT } },
    ...extra,
  });
  const h: TeamsHarness = {
    app,
    clock,
    connector,
    identity,
    base,
    adapter,
    async send(a, opts = {}) {
      const token = opts.token === undefined ? (identity ? identity.token({ aud: APP_ID, serviceurl: connector.url }) : null) : opts.token;
      return fetch(`${base}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(a),
      });
    },
    async install(user, opts = {}) {
      await h.send(
        activity(user, {
          type: "installationUpdate",
          action: "add",
          conversation: { id: `personal-${user}`, conversationType: "personal", tenantId: TENANT },
          ...(opts.locale ? { locale: opts.locale } : {}),
        }),
      );
    },
    async message(user, text, opts = {}) {
      const conversationType = opts.conversationType ?? (opts.conversation ? "channel" : "personal");
      const conversation = opts.conversation ?? `personal-${user}`;
      const mention = opts.mentionBot ?? conversationType !== "personal";
      const people = (opts.mentions ?? []).map((u) => ({ type: "mention", text: `<at>${u}</at>`, mentioned: { id: `29:${u}`, name: u } }));
      let body = text;
      for (const u of opts.mentions ?? []) body = body.split(`@${u}`).join(`<at>${u}</at>`);
      const entities = [...(mention ? [{ type: "mention", text: "<at>Reflect</at>", mentioned: { id: `28:${APP_ID}`, name: "Reflect" } }] : []), ...people];
      return h.send(
        activity(user, {
          type: "message",
          text: mention ? `<at>Reflect</at> ${body}` : body,
          conversation: { id: conversation, conversationType, tenantId: TENANT },
          ...(entities.length ? { entities } : {}),
          ...(opts.locale ? { locale: opts.locale } : {}),
        }),
      );
    },
    async submit(user, sent, data) {
      return h.send(
        activity(user, {
          type: "message",
          replyToId: sent.id,
          value: data,
          conversation: { id: sent.conversationId, conversationType: sent.conversationId.startsWith("personal-") ? "personal" : "channel", tenantId: TENANT },
        }),
      );
    },
    async settle() {
      for (let i = 0; i < 3; i++) {
        await adapter.idle();
        await app.outboxWorker.drain();
      }
    },
    textOf: (a) => cardTextOf(a.activity),
    async stop() {
      await app.stop();
      await connector.close();
      await identity?.close();
    },
  };
  return h;
}
