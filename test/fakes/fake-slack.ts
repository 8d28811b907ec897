/**
 * A local stand-in for the Slack Web API (SLACK_API_URL points here): records every call, keeps
 * channels, users, messages, DMs, modals and uploads, pages conversations.members, and can answer
 * 429 with Retry-After, a platform error, or slowly. Also serves response_url and file uploads.
 */
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";

interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  token: string;
}

export interface SlackMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: unknown[];
  /** Set for ephemeral messages: only this user sees them. */
  ephemeralUser?: string;
  versions: number;
}

interface FakeSlackUser {
  id: string;
  name?: string;
  team_id?: string;
  is_bot?: boolean;
  deleted?: boolean;
  is_stranger?: boolean;
  /** The client language Slack reports with include_locale, e.g. "fr-FR". */
  locale?: string;
}

/** Slack leaves `locale` out unless the call asked for it. */
function localeAsked<U extends { locale?: string }>(user: U, asked: boolean): U {
  if (asked) return user;
  const { locale: _omitted, ...rest } = user;
  return rest as U;
}

export interface FakeSlack {
  url: string;
  apiUrl: string;
  calls: SlackCall[];
  messages: SlackMessage[];
  views: { method: string; view: Record<string, unknown>; user?: string; trigger?: string }[];
  uploads: { channel: string; filename: string; bytes: number }[];
  channels: Map<string, string[]>;
  users: Map<string, FakeSlackUser>;
  /** Channels the bot is not a member of (postEphemeral answers channel_not_found). */
  botNotIn: Set<string>;
  failNext(method: string, count: number, failure: { status?: number; retryAfter?: number; error?: string }): void;
  delayMs: number;
  /**
   * Calls per minute allowed per method (Slack's tiers); a call beyond that within the last
   * minute gets a 429 with Retry-After. Unset: no limits.
   */
  tiers?: Record<string, number>;
  /** Every 429 the fake answered because a tier was exceeded. */
  rateLimited: { method: string; at: number }[];
  responseUrl(id: string): string;
  close(): Promise<void>;
}

export async function startFakeSlack(team = "T1"): Promise<FakeSlack> {
  let ts = 1_700_000_000;
  let fileId = 0;
  const windows = new Map<string, number[]>();
  const failures = new Map<string, { count: number; failure: { status?: number; retryAfter?: number; error?: string } }>();
  const fake: FakeSlack = {
    url: "",
    apiUrl: "",
    calls: [],
    messages: [],
    views: [],
    uploads: [],
    channels: new Map(),
    users: new Map(),
    botNotIn: new Set(),
    delayMs: 0,
    rateLimited: [],
    failNext(method, count, failure) {
      failures.set(method, { count, failure });
    },
    responseUrl: (id) => `${fake.url}/response/${id}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const pendingUploads = new Map<string, { filename: string; bytes: number }>();

  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? "/", "http://x");
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(body));
    };
    if (url.pathname.startsWith("/upload/")) {
      const id = url.pathname.split("/")[2]!;
      const p = pendingUploads.get(id);
      if (p) p.bytes = raw.length;
      res.writeHead(200);
      res.end("OK");
      return;
    }
    if (url.pathname.startsWith("/response/")) {
      const body = JSON.parse(raw.toString("utf8") || "{}") as { text?: string; blocks?: unknown[]; replace_original?: boolean };
      const id = decodeURIComponent(url.pathname.split("/")[2]!);
      // "<channel>|<ts>" for a message's response_url; "<channel>|<cmd id>|<user>" for a command's.
      const [channel, msgTs, user] = id.split("|");
      const m = fake.messages.find((x) => x.channel === channel && x.ts === msgTs);
      fake.calls.push({ method: "response_url", args: { id, ...body }, token: "" });
      if (m && body.replace_original !== false) Object.assign(m, { text: body.text ?? "", blocks: body.blocks ?? [], versions: m.versions + 1 });
      else if (!m && user && channel && msgTs) {
        fake.messages.push({ channel, ts: msgTs, text: body.text ?? "", blocks: body.blocks ?? [], ephemeralUser: user, versions: 1 });
      }
      reply(200, { ok: true });
      return;
    }
    const method = url.pathname.replace(/^\/api\//, "");
    let args: Record<string, unknown> = {};
    const type = String(req.headers["content-type"] ?? "");
    const text = raw.toString("utf8");
    if (type.includes("json")) args = JSON.parse(text || "{}");
    else for (const [k, v] of new URLSearchParams(text)) args[k] = /^[[{]/.test(v) ? safeJson(v) : v;
    const token = String(req.headers.authorization ?? "").replace(/^Bearer /, "");
    fake.calls.push({ method, args, token });
    if (fake.delayMs) await new Promise((r) => setTimeout(r, fake.delayMs));
    const perMinute = fake.tiers?.[method];
    if (perMinute) {
      const at = Date.now();
      const recent = (windows.get(method) ?? []).filter((t) => t > at - 60_000);
      if (recent.length >= perMinute) {
        fake.rateLimited.push({ method, at });
        return reply(429, { ok: false, error: "ratelimited" }, { "retry-after": String(Math.ceil((recent[0]! + 60_000 - at) / 1000)) });
      }
      recent.push(at);
      windows.set(method, recent);
    }
    const f = failures.get(method);
    if (f && f.count > 0) {
      f.count--;
      if (f.failure.status === 429) return reply(429, { ok: false, error: "ratelimited" }, { "retry-after": String(f.failure.retryAfter ?? 1) });
      if (f.failure.status) return reply(f.failure.status, { ok: false });
      return reply(200, { ok: false, error: f.failure.error ?? "internal_error" });
    }
    const nextTs = () => `${++ts}.000100`;
    switch (method) {
      case "auth.test":
        return reply(200, { ok: true, team_id: team, user_id: "UBOT", bot_id: "BBOT" });
      case "chat.postMessage": {
        const m: SlackMessage = { channel: String(args.channel), ts: nextTs(), text: String(args.text ?? ""), blocks: (args.blocks as unknown[]) ?? [], versions: 1 };
        fake.messages.push(m);
        return reply(200, { ok: true, channel: m.channel, ts: m.ts });
      }
      case "chat.postEphemeral": {
        if (fake.botNotIn.has(String(args.channel))) return reply(200, { ok: false, error: "channel_not_found" });
        const m: SlackMessage = {
          channel: String(args.channel),
          ts: nextTs(),
          text: String(args.text ?? ""),
          blocks: (args.blocks as unknown[]) ?? [],
          ephemeralUser: String(args.user),
          versions: 1,
        };
        fake.messages.push(m);
        return reply(200, { ok: true, message_ts: m.ts });
      }
      case "chat.update": {
        const m = fake.messages.find((x) => x.channel === args.channel && x.ts === args.ts);
        if (!m) return reply(200, { ok: false, error: "message_not_found" });
        Object.assign(m, { text: String(args.text ?? ""), blocks: (args.blocks as unknown[]) ?? [], versions: m.versions + 1 });
        return reply(200, { ok: true, channel: m.channel, ts: m.ts });
      }
      case "conversations.open": {
        // Members of another organisation in a shared channel: Slack will not open a DM with them.
        const u = fake.users.get(String(args.users));
        if (u && (u.is_stranger || (u.team_id !== undefined && u.team_id !== team))) return reply(200, { ok: false, error: "user_not_visible" });
        return reply(200, { ok: true, channel: { id: `D${String(args.users)}` } });
      }
      case "conversations.members": {
        const members = fake.channels.get(String(args.channel));
        if (!members) return reply(200, { ok: false, error: "channel_not_found" });
        const limit = Number(args.limit ?? 100);
        const start = Number(args.cursor ?? 0);
        const next = start + limit < members.length ? String(start + limit) : "";
        return reply(200, { ok: true, members: members.slice(start, start + limit), response_metadata: { next_cursor: next } });
      }
      case "users.list": {
        // The workspace's own people: everyone in any channel, plus those set up, minus other organisations'.
        const ids = [...new Set([...[...fake.channels.values()].flat(), ...fake.users.keys()])].filter((id) => {
          const u = fake.users.get(id);
          return !u || (!u.is_stranger && (u.team_id === undefined || u.team_id === team));
        });
        const limit = Number(args.limit ?? 100);
        const start = Number(args.cursor ?? 0);
        const next = start + limit < ids.length ? String(start + limit) : "";
        // Like Slack: a person's locale only when asked for with include_locale.
        const withLocale = String(args.include_locale) === "true";
        const members = ids.slice(start, start + limit).map((id) => localeAsked({ id, team_id: team, ...fake.users.get(id) }, withLocale));
        return reply(200, { ok: true, members, response_metadata: { next_cursor: next } });
      }
      case "users.info": {
        const u = fake.users.get(String(args.user)) ?? { id: String(args.user), team_id: team };
        return reply(200, { ok: true, user: localeAsked({ team_id: team, ...u }, String(args.include_locale) === "true") });
      }
      case "views.open":
      case "views.publish":
      case "views.update":
        fake.views.push({
          method,
          view: args.view as Record<string, unknown>,
          ...(args.user_id ? { user: String(args.user_id) } : {}),
          ...(args.trigger_id ? { trigger: String(args.trigger_id) } : {}),
        });
        return reply(200, { ok: true, view: { id: `V${fake.views.length}` } });
      case "files.getUploadURLExternal": {
        const id = `F${++fileId}`;
        pendingUploads.set(id, { filename: String(args.filename), bytes: 0 });
        return reply(200, { ok: true, upload_url: `${fake.url}/upload/${id}`, file_id: id });
      }
      case "files.completeUploadExternal": {
        const files = (args.files as { id: string }[]) ?? [];
        for (const f of files) {
          const p = pendingUploads.get(f.id);
          if (p) fake.uploads.push({ channel: String(args.channel_id), filename: p.filename, bytes: p.bytes });
        }
        return reply(200, { ok: true, files: files.map((f) => ({ id: f.id })) });
      }
      case "oauth.v2.access":
        return reply(200, {
          ok: true,
          app_id: "A1",
          authed_user: { id: String(args.code).split(":")[1] ?? "UINSTALLER" },
          scope: "commands,chat:write",
          token_type: "bot",
          access_token: `xoxb-installed-${String(args.code).split(":")[0]}`,
          bot_user_id: "UBOT",
          team: { id: String(args.code).split(":")[0], name: "Installed team" },
          enterprise: null,
          is_enterprise_install: false,
        });
      default:
        return reply(200, { ok: false, error: "unknown_method" });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.address() as { port: number }).port;
  fake.url = `http://127.0.0.1:${port}`;
  fake.apiUrl = `${fake.url}/api/`;
  return fake;
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

/** Signs a body the way Slack does: v0=HMAC-SHA256(secret, "v0:{ts}:{body}"). */
export function slackSignature(secret: string, body: string, timestamp: number): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export async function sendSigned(
  baseUrl: string,
  secret: string,
  body: string,
  options: { contentType?: string; timestamp?: number; retryNum?: number; signature?: string } = {},
): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(`${baseUrl}/slack/events`, {
    method: "POST",
    headers: {
      "content-type": options.contentType ?? "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": options.signature ?? slackSignature(secret, body, timestamp),
      ...(options.retryNum ? { "x-slack-retry-num": String(options.retryNum), "x-slack-retry-reason": "http_timeout" } : {}),
    },
    body,
  });
}
