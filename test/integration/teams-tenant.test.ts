/**
 * Tenant safety on authenticated Teams (locally signed JWTs): removing the app from one chat or
 * team forgets that conversation only; reinstalling makes nobody admin; Teams calls go only to
 * allowed service hosts and a stored reference is never moved to another host; private answers
 * never fall back to a channel post.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ID, startTeamsBot, TENANT, type TeamsHarness } from "../fakes/teams-harness.ts";

const WS = `teams:${TENANT}`;
const TEAM_CHANNEL = "19:general@thread.tacv2";
let h: TeamsHarness;

const activity = (user: string, extra: Record<string, unknown>, serviceUrl = h.connector.url) => ({
  id: `t${Math.random()}`,
  channelId: "msteams",
  serviceUrl,
  from: { id: `29:${user}`, aadObjectId: user, name: user },
  recipient: { id: `28:${APP_ID}`, name: "Reflect" },
  channelData: { tenant: { id: TENANT } },
  ...extra,
});
const personal = (user: string) => ({ id: `personal-${user}`, conversationType: "personal", tenantId: TENANT });
const team = { id: TEAM_CHANNEL, conversationType: "channel", tenantId: TENANT };

/** What must survive a removal: the register, roles and the workspace itself. */
async function holdings() {
  const workspace = await h.app.store.workspaces.get(WS);
  const roles = Object.fromEntries((await h.app.store.members.list(WS)).map((m) => [m.userId, m.role]));
  const partnerships = (await h.app.store.partnerships.list(WS)).map((p) => p.name);
  return { deletion: workspace ? workspace.deletion : "no workspace", roles, partnerships };
}

beforeAll(async () => {
  h = await startTeamsBot({ authenticated: true, env: { TEAMS_SERVICE_HOSTS: "127.0.0.1,localhost" } });
  for (const user of ["admin-aad", "coord", "p1", "p2"]) await h.install(user);
  await h.message("admin-aad", "role @coord coordinator", { mentions: ["coord"] });
  await h.settle();
  await h.message("coord", 'partner add "Shanti Network"');
  // The bot is in a team channel too.
  await h.send(activity("coord", { type: "conversationUpdate", conversation: team, membersAdded: [{ id: `28:${APP_ID}` }] }));
  await h.message("coord", "help", { conversation: TEAM_CHANNEL });
  await h.settle();
});
afterAll(async () => {
  await h?.stop();
});

describe("Teams: removing the app", () => {
  it("from one partner's personal chat forgets that chat only; nothing else changes", async () => {
    const before = await holdings();
    expect(before).toMatchObject({ deletion: null, roles: { "admin-aad": "admin", coord: "coordinator", p1: "partner" }, partnerships: ["Shanti Network"] });
    expect(await h.app.store.conversations.get(WS, "user", "p1")).not.toBeNull();
    await h.send(activity("p1", { type: "installationUpdate", action: "remove", conversation: personal("p1") }));
    await h.settle();
    expect(await h.app.store.conversations.get(WS, "user", "p1")).toBeNull();
    expect(await h.app.store.conversations.get(WS, "user", "p2")).not.toBeNull();
    expect(await h.app.store.conversations.get(WS, "conversation", TEAM_CHANNEL)).not.toBeNull();
    expect(await holdings()).toEqual(before);
  });

  it("from a team forgets that team's conversation only", async () => {
    const before = await holdings();
    await h.send(activity("coord", { type: "installationUpdate", action: "remove", conversation: team }));
    await h.settle();
    expect(await h.app.store.conversations.get(WS, "conversation", TEAM_CHANNEL)).toBeNull();
    expect(await h.app.store.conversations.get(WS, "user", "p2")).not.toBeNull();
    expect(await holdings()).toEqual(before);
  });

  it("adding it back makes nobody admin: not the partner who removed it, not a newcomer", async () => {
    await h.install("p1");
    await h.install("newcomer");
    await h.settle();
    const { roles } = await holdings();
    expect(roles).toMatchObject({ p1: "partner", newcomer: "partner", "admin-aad": "admin" });
    expect(Object.values(roles).filter((r) => r === "admin")).toHaveLength(1);
  });
});

describe("Teams: service hosts", () => {
  it("refuses an activity whose service URL is not an allowed host, even with a valid token", async () => {
    const evil = "https://evil.example/teams/";
    const token = h.identity!.token({ aud: APP_ID, serviceurl: evil });
    const res = await h.send(activity("p2", { type: "message", text: "help", conversation: personal("p2") }, evil), { token });
    expect(res.status).toBe(403);
    await h.settle();
    expect((await h.app.store.conversations.get(WS, "user", "p2")) as { serviceUrl: string }).toMatchObject({ serviceUrl: h.connector.url });
  });

  it("never replaces a stored reference with one on another (even allowed) service host", async () => {
    const other = h.connector.url.replace("127.0.0.1", "localhost");
    const token = h.identity!.token({ aud: APP_ID, serviceurl: other });
    const res = await h.send(activity("p2", { type: "message", text: "help", conversation: personal("p2") }, other), { token });
    expect(res.status).toBe(200);
    await h.settle();
    const stored = (await h.app.store.conversations.get(WS, "user", "p2")) as { serviceUrl: string };
    expect(stored.serviceUrl).toBe(h.connector.url);
  });
});

describe("Teams: private answers", () => {
  it("never posts a private answer in the channel when the person has no personal chat; says how to open one", async () => {
    // A lead who never installed the app personally asks for roles (a private answer) in a team channel.
    await h.send(activity("coord", { type: "conversationUpdate", conversation: team, membersAdded: [{ id: `28:${APP_ID}` }] }));
    await h.message("admin-aad", "role @stranger lead", { mentions: ["stranger"] });
    await h.settle();
    await h.app.store.conversations.remove(WS, "user", "stranger");
    const before = h.connector.sent.length;
    await h.message("stranger", "role list", { conversation: TEAM_CHANNEL });
    await h.settle();
    const inChannel = h.connector.sent.slice(before).filter((s) => s.conversationId === TEAM_CHANNEL);
    expect(inChannel.map((s) => h.textOf(s)).join("\n")).toContain("I can only answer that privately, in a personal chat with me");
    expect(inChannel.map((s) => h.textOf(s)).join("\n")).not.toContain("admin-aad");
    expect(inChannel.map((s) => h.textOf(s)).join("\n")).not.toMatch(/Roles in this workspace/);
  });
});
