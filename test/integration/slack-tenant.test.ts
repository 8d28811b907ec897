/**
 * Tenant safety on signed Slack with OAuth installs: an uninstall schedules deletion after the
 * grace period and deletes nothing; a reinstall within it keeps everything and makes nobody admin;
 * after it, the retention job deletes that workspace's rows and no other's; tokens_revoked drops
 * the token only (slack-oauth.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app.ts";
import { createOffsetClock } from "../../src/core/clock.ts";
import { loadConfig } from "../../src/config.ts";
import { createMemoryLogger } from "../../src/core/logger.ts";
import { slotContaining } from "../../src/jobs/slots.ts";
import { sendSigned, startFakeSlack, type FakeSlack } from "../fakes/fake-slack.ts";
import type { SlackAdapter } from "../../adapters/slack/adapter.ts";

const SECRET = "tenant-signing-secret-0123456789";
const DAY = 86_400_000;
const clock = createOffsetClock();
let fake: FakeSlack;
let app: App;
let base: string;
let n = 0;

beforeAll(async () => {
  fake = await startFakeSlack("TA");
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
    clock,
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
  for (let i = 0; i < 3; i++) {
    await (app.adapters.get("slack") as SlackAdapter).idle();
    await app.outboxWorker.drain();
  }
};

async function install(team: string, user: string): Promise<void> {
  const start = await fetch(`${base}/slack/install`, { redirect: "manual" });
  const page = await start.text();
  const location = start.headers.get("location") ?? /href="(https:\/\/slack.com\/oauth[^"]+)"/.exec(page)?.[1] ?? "";
  const state = new URL(location.replace(/&amp;/g, "&")).searchParams.get("state")!;
  const cookie = start.headers.get("set-cookie")?.split(";")[0] ?? "";
  const done = await fetch(`${base}/slack/oauth_redirect?code=${encodeURIComponent(`${team}:${user}`)}&state=${encodeURIComponent(state)}`, { headers: { cookie } });
  expect(done.status).toBe(200);
  await settle();
}

async function command(team: string, user: string, text: string): Promise<void> {
  const body = new URLSearchParams({ team_id: team, channel_id: "C1", user_id: user, command: "/reflect", text, trigger_id: `t${++n}` }).toString();
  expect((await sendSigned(base, SECRET, body)).status).toBe(200);
  await settle();
}

async function platformEvent(team: string, type: string): Promise<void> {
  const body = JSON.stringify({
    type: "event_callback",
    team_id: team,
    event_id: `Ev${++n}`,
    event: { type, ...(type === "tokens_revoked" ? { tokens: { bot: ["UBOT"] } } : {}) },
  });
  expect((await sendSigned(base, SECRET, body, { contentType: "application/json" })).status).toBe(200);
  await settle();
}

/** Everything a workspace holds that must survive platform events. */
async function holdings(team: string) {
  const ws = `slack:${team}`;
  const workspace = await app.store.workspaces.get(ws);
  const partnerships = await app.store.partnerships.list(ws);
  const roles = Object.fromEntries((await app.store.members.list(ws)).map((m) => [m.userId, m.role]));
  const reviews = (await app.store.reviews.listOpen(ws)).length;
  return { exists: workspace !== null, partnerships: partnerships.map((p) => p.name), roles, reviews };
}

const runRetention = async () => {
  const job = app.jobs.get("retention");
  return app.jobs.runSlot(job, slotContaining(job, clock.now()));
};

describe("Slack: uninstall and reinstall", () => {
  it("keeps everything through an uninstall and a reinstall within the grace period; the reinstaller is not made admin", async () => {
    await install("TA", "UADMIN");
    await command("TA", "UADMIN", "role <@UCOORD> coordinator");
    await command("TA", "UCOORD", 'partner add "Shanti Network" end 2027-12-31');
    await command("TA", "UCOORD", 'review add "Shanti Network" annual-review in 30 days');
    const before = await holdings("TA");
    expect(before).toMatchObject({ exists: true, partnerships: ["Shanti Network"], roles: { UADMIN: "admin", UCOORD: "coordinator" }, reviews: 4 });

    await platformEvent("TA", "app_uninstalled");
    const marked = await app.store.workspaces.get("slack:TA");
    expect(marked?.deletion?.reason).toBe("uninstalled");
    expect(Math.round((marked!.deletion!.after.getTime() - clock.now().getTime()) / DAY)).toBe(30);
    expect(await app.store.installations.get("slack:TA")).toBeNull();
    expect(await holdings("TA")).toEqual(before);

    // Ten days later someone else adds the app back: everything is there, the deletion is off.
    clock.advance(10 * DAY);
    await runRetention();
    expect(await holdings("TA")).toEqual(before);
    await install("TA", "UOTHER");
    expect((await app.store.workspaces.get("slack:TA"))?.deletion).toBeNull();
    const after = await holdings("TA");
    expect(after.roles).toMatchObject({ UADMIN: "admin", UCOORD: "coordinator", UOTHER: "partner" });
    expect(after.partnerships).toEqual(before.partnerships);
    // Past the original grace period, nothing is deleted either.
    clock.advance(25 * DAY);
    await runRetention();
    expect((await holdings("TA")).partnerships).toEqual(["Shanti Network"]);
  });

  it("deletes an uninstalled workspace's data once the grace period ends, and no other workspace's", async () => {
    await install("TB", "UBADMIN");
    await command("TB", "UBADMIN", 'partner add "Tuungane Alliance"');
    await platformEvent("TB", "app_uninstalled");
    clock.advance(29 * DAY);
    await runRetention();
    expect((await holdings("TB")).partnerships).toEqual(["Tuungane Alliance"]);
    clock.advance(2 * DAY);
    const outcome = await runRetention();
    expect(outcome).toMatchObject({ status: "ran", result: { workspacesDeleted: 1 } });
    expect(await holdings("TB")).toEqual({ exists: false, partnerships: [], roles: {}, reviews: 0 });
    expect((await holdings("TA")).partnerships).toEqual(["Shanti Network"]);
    // Installing again starts afresh: the workspace never had an admin, so the installer is one.
    await install("TB", "UBNEW");
    expect((await holdings("TB")).roles).toEqual({ UBNEW: "admin" });
  });

  it("tokens_revoked drops the token and schedules nothing", async () => {
    await platformEvent("TA", "tokens_revoked");
    expect(await app.store.installations.get("slack:TA")).toBeNull();
    expect((await app.store.workspaces.get("slack:TA"))?.deletion).toBeNull();
    expect((await holdings("TA")).partnerships).toEqual(["Shanti Network"]);
  });
});
