import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { createMemoryLogger } from "../../src/core/logger.ts";
import { sendSigned, startFakeSlack, type FakeSlack } from "../fakes/fake-slack.ts";
import type { SlackAdapter } from "../../adapters/slack/adapter.ts";

const SECRET = "oauth-signing-secret-0123456789";
let fake: FakeSlack;
let app: App;
let base: string;

beforeAll(async () => {
  fake = await startFakeSlack("TNEW");
  const config = loadConfig({
    PORT: "0",
    DATA_DIR: "memory://",
    PLAYGROUND: "false",
    SLACK_CLIENT_ID: "111.222",
    SLACK_CLIENT_SECRET: "client-secret",
    SLACK_STATE_SECRET: "state-secret-state-secret",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    INSTALLATION_KEY: "a-long-installation-key-for-tests",
  });
  config.dataDir = "memory://";
  app = await createApp(config, {
    logger: createMemoryLogger(),
    scheduler: false,
    outboxPollMs: 20,
    pacing: { slack: { perConversationIntervalMs: 0, perWorkspacePerSecond: 0, maxAttempts: 3 } },
  });
  base = `http://127.0.0.1:${await app.start()}`;
});
afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

const settle = async () => {
  await (app.adapters.get("slack") as SlackAdapter).idle();
  await app.outboxWorker.drain();
};

describe("Slack multi-workspace OAuth install", () => {
  it("installs, stores the token encrypted, makes the installer admin, answers commands, and drops only the token on tokens_revoked", async () => {
    const start = await fetch(`${base}/slack/install`, { redirect: "manual" });
    const page = await start.text();
    const location = start.headers.get("location") ?? /href="(https:\/\/slack.com\/oauth[^"]+)"/.exec(page)?.[1] ?? "";
    const url = new URL(location.replace(/&amp;/g, "&"));
    expect(url.searchParams.get("client_id")).toBe("111.222");
    expect(url.searchParams.get("scope")).toContain("commands");
    const state = url.searchParams.get("state")!;
    const cookie = start.headers.get("set-cookie")?.split(";")[0] ?? "";

    const done = await fetch(`${base}/slack/oauth_redirect?code=${encodeURIComponent("TNEW:UINSTALLER")}&state=${encodeURIComponent(state)}`, { headers: { cookie } });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("is installed");
    await settle();

    const sealed = await app.store.installations.get("slack:TNEW");
    expect(sealed).toMatch(/^v2\./);
    expect(sealed).not.toContain("xoxb-installed-TNEW");
    expect((await app.store.members.get("slack:TNEW", "UINSTALLER"))?.role).toBe("admin");
    expect(fake.messages.some((m) => m.channel === "DUINSTALLER" && m.text.includes("Thanks for installing"))).toBe(true);
    expect(fake.calls.filter((c) => c.method === "chat.postMessage").every((c) => c.token === "xoxb-installed-TNEW")).toBe(true);

    const body = new URLSearchParams({ team_id: "TNEW", channel_id: "C1", user_id: "UINSTALLER", command: "/reflect", text: "role list", trigger_id: "t1" }).toString();
    expect((await sendSigned(base, SECRET, body)).status).toBe(200);
    await settle();
    expect(fake.messages.some((m) => m.ephemeralUser === "UINSTALLER" && m.text.includes("Roles in this workspace"))).toBe(true);

    const revoked = JSON.stringify({ type: "event_callback", team_id: "TNEW", event_id: "EvRevoke", event: { type: "tokens_revoked", tokens: { bot: ["UBOT"] } } });
    expect((await sendSigned(base, SECRET, revoked, { contentType: "application/json" })).status).toBe(200);
    await settle();
    expect(await app.store.installations.get("slack:TNEW")).toBeNull();
    // The token goes; the workspace, its roles and data stay, with no deletion scheduled.
    const workspace = await app.store.workspaces.get("slack:TNEW");
    expect(workspace).toMatchObject({ deletion: null, hadAdmin: true });
    expect((await app.store.members.get("slack:TNEW", "UINSTALLER"))?.role).toBe("admin");
  });

  it("refuses a callback with a forged state", async () => {
    const res = await fetch(`${base}/slack/oauth_redirect?code=TX:U1&state=forged`);
    expect(res.status).toBe(400);
    expect(await app.store.installations.get("slack:TX")).toBeNull();
  });
});
