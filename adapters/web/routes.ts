/**
 * The playground's HTTP surface: static page, state, message feed, and the endpoints the page
 * calls when a persona types a command, a message, or clicks a card. Each becomes a BotEvent for
 * the same core the real platforms use.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../src/paths.ts";
import { z } from "zod";
import type { Bot } from "../../src/core/bot.ts";
import type { Card } from "../../src/core/card.ts";
import type { Clock } from "../../src/core/clock.ts";
import type { BotEvent } from "../../src/core/events.ts";
import type { Ids } from "../../src/core/ids.ts";
import type { WebStorePort } from "../../src/store/ports.ts";
import { json, type HttpServer } from "../../src/http/server.ts";
import { dmConversation, PLAYGROUND_WORKSPACE } from "./adapter.ts";
import { cardToHtml } from "./render.ts";
import { createPlaygroundGuard, tokenCookie } from "./guard.ts";
import { defaultChannels } from "./seed.ts";
import { fontFaceCss, WEB_FONT_STACK } from "../../src/http/web-fonts.ts";

// From the project root, not this module: `npm start` runs a bundle in dist/ (scripts/build.mjs).
const publicDir = join(PROJECT_ROOT, "adapters", "web", "public");
const files: Record<string, [string, string]> = {
  "/": ["index.html", "text/html; charset=utf-8"],
  "/playground/app.js": ["app.js", "text/javascript; charset=utf-8"],
  "/playground/style.css": ["style.css", "text/css; charset=utf-8"],
};

const sendBody = z.object({ persona: z.string().min(1).max(64), conversation: z.string().min(1).max(128), text: z.string().min(1).max(4000) });
const actionBody = z.object({
  persona: z.string().min(1).max(64),
  messageId: z.string().min(1).max(64),
  actionId: z.string().min(1).max(200),
  value: z.string().max(2000).optional(),
  values: z.record(z.string(), z.string().max(4000)).default({}),
});
const personaBody = z.object({
  name: z.string().trim().min(1).max(60),
  role: z.enum(["admin", "coordinator", "lead", "partner"]),
  organisation: z.string().trim().max(80).optional(),
});

export interface PlaygroundDeps {
  store: WebStorePort;
  bot: Bot;
  clock: Clock;
  ids: Ids;
  workspaceId: string;
  /** Called after an event was handled, so tests and the outbox can react at once. */
  afterEvent?: () => void;
  /** PLAYGROUND_TOKEN: every request must carry it when set. */
  token?: string | undefined;
  /** HOST the server listens on; accepted in the Host header besides loopback names. */
  host?: string | undefined;
}

export function mountPlayground(http: HttpServer, deps: PlaygroundDeps): void {
  const { store, bot, clock, ids, workspaceId } = deps;
  const guard = createPlaygroundGuard({ token: deps.token, host: deps.host });
  /** Every playground route passes the guard first; see guard.ts for what it refuses. */
  const route: HttpServer["route"] = (method, path, handler) => http.route(method, path, async (req, res) => guard(req) ?? handler(req, res));

  for (const [path, [file, type]] of Object.entries(files)) {
    route("GET", path, async () => ({
      status: 200,
      headers: {
        "content-type": type,
        "cache-control": "no-cache",
        "x-content-type-options": "nosniff",
        "x-frame-options": "DENY",
        ...(deps.token && path === "/" ? { "set-cookie": tokenCookie(deps.token) } : {}),
      },
      body: readFileSync(join(publicDir, file)),
    }));
  }

  // The script fonts (src/http/web-fonts.ts), after style.css: Nepali, Bangla, Arabic and Urdu
  // messages read the same on a computer without fonts for them.
  const fontsCss = `${fontFaceCss("../")}\nbody,select{font-family:${WEB_FONT_STACK}}\n`;
  route("GET", "/playground/fonts.css", async () => ({
    status: 200,
    headers: { "content-type": "text/css; charset=utf-8", "cache-control": "no-cache", "x-content-type-options": "nosniff" },
    body: fontsCss,
  }));

  async function personas() {
    return (await store.members.list(workspaceId)).map((m) => ({ id: m.userId, name: m.displayName || m.userId, role: m.role, organisation: m.organisation, locale: m.locale }));
  }

  async function conversationsOf(persona: string) {
    const out: { id: string; name: string; kind: "channel" | "dm" }[] = [];
    for (const c of defaultChannels) {
      if ((await store.playground.channelMembers(c.id)).includes(persona)) out.push({ id: c.id, name: `#${c.name}`, kind: "channel" });
    }
    out.push({ id: dmConversation(persona), name: "Bot (direct message)", kind: "dm" });
    return out;
  }

  route("GET", "/playground/api/state", async (req) => {
    const list = await personas();
    // First visit (no persona remembered, or one that no longer exists): the coordinator, who
    // can start something at once.
    const asked = req.query.get("persona");
    const persona = list.some((p) => p.id === asked) ? asked! : ((list.find((p) => p.role === "coordinator") ?? list[0])?.id ?? "");
    return json(200, { workspaceId, personas: list, persona, conversations: await conversationsOf(persona) });
  });

  route("GET", "/playground/api/messages", async (req) => {
    const persona = req.query.get("persona") ?? "";
    const after = Number(req.query.get("after") ?? "0") || 0;
    const conversations = (await conversationsOf(persona)).map((c) => c.id);
    const names = new Map((await personas()).map((p) => [p.id, p.name]));
    const channelNames = new Map(defaultChannels.map((c) => [c.id, c.name]));
    const nameOf = (kind: "user" | "channel", id: string) => (kind === "user" ? (names.get(id) ?? id) : (channelNames.get(id) ?? id));
    const messages = (await store.playground.listMessages(conversations, after))
      .filter((m) => m.audience === null || m.audience === persona)
      .map((m) => ({
        id: m.id,
        seq: m.seq,
        conversationId: m.conversationId,
        private: m.audience !== null,
        author: m.author ? (names.get(m.author) ?? m.author) : null,
        html: cardToHtml(m.card, { messageId: m.id, nameOf }),
      }));
    const all = await store.playground.listMessages(conversations, after);
    const cursor = all.length ? all[all.length - 1]!.seq : after;
    return json(200, { messages, cursor });
  });

  /** `@carlos` → `<@carlos>`, `#partners` → `<#partners>`, as Slack and Teams adapters normalise mentions. */
  async function normalise(text: string): Promise<string> {
    const known = new Set((await personas()).map((p) => p.id));
    const channels = new Map(
      defaultChannels.flatMap((c) => [
        [c.id, c.id],
        [c.name, c.id],
      ]),
    );
    return text
      .replace(/(^|\s)@([a-z0-9_.-]+)/gi, (whole, pre: string, handle: string) => (known.has(handle.toLowerCase()) ? `${pre}<@${handle.toLowerCase()}>` : whole))
      .replace(/(^|\s)#([a-z0-9_-]+)/gi, (whole, pre: string, name: string) => {
        const id = channels.get(name.toLowerCase());
        return id ? `${pre}<#${id}>` : whole;
      });
  }

  function origin(persona: string, conversationId: string, userName?: string) {
    return {
      platform: "web" as const,
      workspaceId,
      workspaceExternalId: PLAYGROUND_WORKSPACE,
      userId: persona,
      ...(userName ? { userName } : {}),
      conversationId,
      isDirect: conversationId.startsWith("dm:"),
      eventId: ids.uuid(),
    };
  }

  async function checkPersona(persona: string, conversation?: string): Promise<string | null> {
    if (!(await store.members.get(workspaceId, persona))) return `Unknown persona "${persona}"`;
    if (conversation && !(await conversationsOf(persona)).some((c) => c.id === conversation)) return `${persona} is not in ${conversation}`;
    return null;
  }

  route("POST", "/playground/api/send", async (req) => {
    const parsed = sendBody.safeParse(safeJson(req.body));
    if (!parsed.success) return json(400, { error: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") });
    const { persona, conversation } = parsed.data;
    const problem = await checkPersona(persona, conversation);
    if (problem) return json(400, { error: problem });
    const text = await normalise(parsed.data.text.trim());
    const slash = /^\/(reflect|pulse|rubric)\b\s*/i.exec(text);
    // Echo what the persona typed: commands privately (as Slack does), messages to everyone.
    const echo: Card = { summary: text, elements: [{ type: "text", text, style: "plain" }] };
    await store.playground.addMessage({ conversationId: conversation, card: echo, author: persona, audience: slash ? persona : null }, clock.now());
    let event: BotEvent;
    if (slash) {
      event = { ...origin(persona, conversation), kind: "command", command: slash[1]!.toLowerCase() as "reflect" | "pulse" | "rubric", text: text.slice(slash[0].length) };
    } else {
      const mentioned = /(^|\s)@(bot|reflect)\b/i.test(text);
      event = { ...origin(persona, conversation), kind: "message", text: text.replace(/(^|\s)@(bot|reflect)\b/gi, " ").trim(), mentioned };
    }
    await bot.handle(event);
    deps.afterEvent?.();
    return json(202, { ok: true });
  });

  route("POST", "/playground/api/action", async (req) => {
    const parsed = actionBody.safeParse(safeJson(req.body));
    if (!parsed.success) return json(400, { error: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") });
    const { persona, messageId, actionId, value, values } = parsed.data;
    const message = await store.playground.getMessage(messageId);
    if (!message) return json(404, { error: "That message no longer exists" });
    const problem = await checkPersona(persona, message.conversationId);
    if (problem || (message.audience !== null && message.audience !== persona)) return json(403, { error: problem ?? "Not your message" });
    await bot.handle({
      ...origin(persona, message.conversationId),
      kind: "action",
      actionId,
      ...(value ? { value } : {}),
      values,
      messageRef: { platform: "web", conversationId: message.conversationId, messageId },
    });
    deps.afterEvent?.();
    return json(202, { ok: true });
  });

  route("POST", "/playground/api/personas", async (req) => {
    const parsed = personaBody.safeParse(safeJson(req.body));
    if (!parsed.success) return json(400, { error: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") });
    const { name, role, organisation } = parsed.data;
    const id =
      name
        .toLowerCase()
        .normalize("NFD")
        .replace(/[^a-z0-9]+/g, "")
        .slice(0, 20) || `p${ids.short()}`;
    if (await store.members.get(workspaceId, id)) return json(409, { error: `A persona "${id}" already exists` });
    await store.members.ensure(workspaceId, id, name);
    await store.members.setRole(workspaceId, id, role);
    if (organisation) await store.members.update(workspaceId, id, { organisation });
    await store.playground.addChannelMember(role === "lead" || role === "admin" ? "leads" : "partners", id);
    return json(201, { id });
  });
}

function safeJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    return null;
  }
}
