/**
 * The playground lets its caller act as any persona, including an admin. These tests play a web
 * page on another site, a DNS-rebinding page and a stranger without the token, and check that
 * none of them gets a command through, while the page itself still works.
 */
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, createApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { createMemoryLogger } from "../../src/core/logger.ts";

interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** A raw request, so the test controls the Host and Origin headers as an attacker's browser would send them. */
function send(port: number, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), headers: res.headers }));
    });
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

async function start(env: Record<string, string>): Promise<{ app: App; port: number }> {
  const config = loadConfig({ PORT: "0", DATA_DIR: "memory://", PLAYGROUND: "true", ...env });
  config.dataDir = "memory://";
  const app = await createApp(config, { logger: createMemoryLogger(), scheduler: false, outboxPollMs: 50 });
  return { app, port: await app.start() };
}

/** The admin persona makes Lena a coordinator: the request an attacker would most want to forge. */
const promote = JSON.stringify({ persona: "amina", conversation: "leads", text: "/reflect role @lena coordinator" });

async function roleOfLena(app: App): Promise<string | undefined> {
  const members = await app.store.members.list("web:playground");
  return members.find((m) => m.userId === "lena")?.role;
}

describe("playground without a token (loopback only)", () => {
  let app: App;
  let port: number;
  beforeAll(async () => {
    ({ app, port } = await start({}));
  });
  afterAll(() => app.stop());
  const host = () => `127.0.0.1:${port}`;

  it("refuses a cross-site form post (text/plain) before parsing it", async () => {
    const res = await send(port, "POST", "/playground/api/send", { host: host(), origin: "https://evil.example", "content-type": "text/plain" }, promote);
    expect(res.status).toBe(415);
    expect(JSON.parse(res.body).error).toContain("application/json");
    expect(await roleOfLena(app)).toBe("lead");
  });

  it("refuses JSON from another origin", async () => {
    const res = await send(port, "POST", "/playground/api/send", { host: host(), origin: "https://evil.example", "content-type": "application/json" }, promote);
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error).toContain("evil.example");
    expect(await roleOfLena(app)).toBe("lead");
  });

  it("refuses a request whose Host is not loopback (DNS rebinding), even from that host's own origin", async () => {
    const rebinding = { host: `evil.example:${port}`, origin: `http://evil.example:${port}`, "content-type": "application/json" };
    expect((await send(port, "POST", "/playground/api/send", rebinding, promote)).status).toBe(403);
    expect((await send(port, "GET", "/playground/api/state", { host: `evil.example:${port}` })).status).toBe(403);
    expect(await roleOfLena(app)).toBe("lead");
  });

  it("accepts the page's own JSON requests, from its own origin or from a tool that sends none", async () => {
    const page = await send(port, "GET", "/", { host: `localhost:${port}` });
    expect(page.status).toBe(200);
    expect(page.headers["x-frame-options"]).toBe("DENY");
    const res = await send(port, "POST", "/playground/api/send", { host: host(), origin: `http://${host()}`, "content-type": "application/json; charset=utf-8" }, promote);
    expect(res.status).toBe(202);
    await app.outboxWorker.drain();
    expect(await roleOfLena(app)).toBe("coordinator");
  });
});

describe("playground with PLAYGROUND_TOKEN", () => {
  const token = "s3cret-playground-token-0123";
  let app: App;
  let port: number;
  beforeAll(async () => {
    ({ app, port } = await start({ PLAYGROUND_TOKEN: token, HOST: "127.0.0.1" }));
  });
  afterAll(() => app.stop());
  const host = () => `127.0.0.1:${port}`;
  const json = { "content-type": "application/json" };

  it("refuses every request without the token or with a wrong one, the page and its scripts included", async () => {
    for (const path of ["/", "/playground/app.js", "/playground/api/state"]) {
      expect((await send(port, "GET", path, { host: host() })).status, path).toBe(401);
      expect((await send(port, "GET", path, { host: host(), "x-playground-token": `${token}x` })).status, path).toBe(401);
    }
    expect((await send(port, "POST", "/playground/api/send", { host: host(), ...json }, promote)).status).toBe(401);
    expect(await roleOfLena(app)).toBe("lead");
  });

  it("opens the page with ?token= and sets a same-site cookie the page's calls then carry", async () => {
    const page = await send(port, "GET", `/?token=${token}`, { host: host() });
    expect(page.status).toBe(200);
    const cookie = String(page.headers["set-cookie"]);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Strict");
    const pair = cookie.split(";")[0]!;
    expect((await send(port, "GET", "/playground/app.js", { host: host(), cookie: pair })).status).toBe(200);
    // A query token works only to open the page, never on the API (it would end up in logs and history).
    expect((await send(port, "GET", `/playground/api/state?token=${token}`, { host: host() })).status).toBe(401);
    const res = await send(port, "POST", "/playground/api/send", { host: host(), cookie: pair, origin: `http://${host()}`, ...json }, promote);
    expect(res.status).toBe(202);
    await app.outboxWorker.drain();
    expect(await roleOfLena(app)).toBe("coordinator");
  });

  it("with the token, still refuses another origin and other content types", async () => {
    const withToken = { host: host(), "x-playground-token": token };
    expect((await send(port, "POST", "/playground/api/send", { ...withToken, "content-type": "text/plain" }, promote)).status).toBe(415);
    expect((await send(port, "POST", "/playground/api/send", { ...withToken, ...json, origin: "https://evil.example" }, promote)).status).toBe(403);
  });
});
