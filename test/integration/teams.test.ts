import { findAction } from "../fakes/actions.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateKeyPairSync } from "node:crypto";
import { APP_ID, startTeamsBot, TENANT, type TeamsHarness } from "../fakes/teams-harness.ts";

const CHANNEL = "19:partners@thread.tacv2";
let h: TeamsHarness;
beforeAll(async () => {
  h = await startTeamsBot({ authenticated: true });
  for (const u of ["admin-aad", "coord", "p1", "p2", "p3", "p4", "p5", "p6"]) await h.install(u);
  await h.message("admin-aad", "privacy", { conversation: CHANNEL });
  await h.settle();
  h.connector.members.set(
    CHANNEL,
    ["coord", "p1", "p2", "p3", "p4", "p5", "p6", "guest"].map((u) => ({ id: `29:${u}`, name: u, aadObjectId: u })),
  );
  await h.message("admin-aad", "role @coord coordinator", { mentions: ["coord"] });
  await h.settle();
});
afterAll(async () => {
  await h?.stop();
});

const sentTo = (conversation: string, contains: string) => h.connector.sent.filter((s) => s.conversationId === conversation && h.textOf(s).includes(contains));

describe("Teams: authentication", () => {
  const activity = () => ({
    type: "message",
    id: `x${Math.random()}`,
    channelId: "msteams",
    serviceUrl: h.connector.url,
    from: { id: "29:p1", aadObjectId: "p1" },
    recipient: { id: `28:${APP_ID}` },
    conversation: { id: "personal-p1", conversationType: "personal", tenantId: TENANT },
    text: "help",
  });

  it("answers 401 without a token, and for a wrong audience, an expired token, a wrong issuer, an unknown key or no signature", async () => {
    const id = h.identity!;
    expect((await h.send(activity(), { token: null })).status).toBe(401);
    expect((await h.send(activity(), { token: id.token({ aud: "someone-else", serviceurl: h.connector.url }) })).status).toBe(401);
    const past = Math.floor(Date.now() / 1000) - 3600;
    expect((await h.send(activity(), { token: id.token({ aud: APP_ID, serviceurl: h.connector.url, exp: past, nbf: past - 60, iat: past - 60 }) })).status).toBe(401);
    expect((await h.send(activity(), { token: id.token({ aud: APP_ID, serviceurl: h.connector.url, iss: "https://evil.example" }) })).status).toBe(401);
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    expect((await h.send(activity(), { token: id.token({ aud: APP_ID, serviceurl: h.connector.url }, { key: privateKey }) })).status).toBe(401);
    expect((await h.send(activity(), { token: id.token({ aud: APP_ID, serviceurl: h.connector.url }, { kid: "unknown" }) })).status).toBe(401);
    const unsigned = id.token({ aud: APP_ID, serviceurl: h.connector.url }).split(".").slice(0, 2).join(".") + ".";
    expect((await h.send(activity(), { token: unsigned })).status).toBe(401);
    expect((await h.send(activity())).status).toBe(200);
    await h.settle();
  });

  it("accepts a valid token and answers help in the personal chat through the connector", async () => {
    const before = sentTo("personal-p1", "Partnership reflection: commands").length;
    expect((await h.message("p1", "help")).status).toBe(200);
    await h.settle();
    expect(sentTo("personal-p1", "Partnership reflection: commands").length).toBe(before + 1);
    const request = h.connector.requests.filter((r) => r.path.includes("personal-p1")).at(-1)!;
    expect(request.auth).toBe("Bearer local-outbound-token");
  });

  it("handles a redelivered activity once", async () => {
    const a = {
      type: "message",
      id: "same-activity-id",
      channelId: "msteams",
      serviceUrl: h.connector.url,
      from: { id: "29:p2", aadObjectId: "p2" },
      recipient: { id: `28:${APP_ID}` },
      conversation: { id: "personal-p2", conversationType: "personal", tenantId: TENANT },
      text: "privacy",
    };
    await h.send(a);
    await h.send(a);
    await h.settle();
    expect(sentTo("personal-p2", "What this bot stores")).toHaveLength(1);
  });

  it("retries 429 from the connector with backoff and delivers once", async () => {
    h.connector.failNext(1, 429, 1);
    await h.message("p3", "privacy");
    await h.settle();
    await new Promise((r) => setTimeout(r, 1200));
    await h.settle();
    expect(sentTo("personal-p3", "What this bot stores")).toHaveLength(1);
  });
});

describe("Teams: the pulse flow through the adapter", () => {
  it("invites by personal chat, reaches people without the app in the channel, takes Adaptive Card answers, posts results", async () => {
    await h.message("coord", "pulse start partner-pulse closes in 7d", { conversation: CHANNEL });
    await h.settle();
    const started = h.connector.sent.filter((s) => h.textOf(s).includes("Invited")).at(-1)!;
    expect(h.textOf(started)).toContain("Invited 7 people privately");
    expect(h.textOf(started)).toContain("6 by DM · 1 privately in the shared channel · 0 by email · 0 unreachable");
    for (const [i, p] of ["p1", "p2", "p3", "p4", "p5"].entries()) {
      const invitation = sentTo(`personal-${p}`, "a short anonymous pulse").at(-1)!;
      const open = findAction(invitation.activity, "pulse.open");
      await h.submit(p, invitation, { rb_action: open });
      await h.settle();
      expect(invitation.versions).toBe(2);
      const submit = findAction(invitation.activity, "pulse.submit");
      await h.submit(p, invitation, {
        rb_action: submit,
        "q:respect": String(3 + (i % 2)),
        "q:long-term": "4",
        ...(i === 0 ? { "q:comment": "More joint planning please" } : i === 2 ? { "q:comment": "Reporting is clearer now" } : {}),
      });
      await h.settle();
      expect(h.textOf(invitation)).toContain("Thank you: your answers are in");
    }
    h.clock.advance(49 * 3_600_000); // past the minimum open time
    await h.message("coord", "pulse close", { conversation: CHANNEL });
    await h.settle();
    const results = sentTo(CHANNEL, "Pulse results").at(-1)!;
    expect(h.textOf(results)).toContain("5 of 7 answered (71%)");
    expect(h.textOf(results)).toContain("More joint planning please");
  });
});

describe("Teams: the rubric flow through the adapter", () => {
  it("runs an individual check-in with descriptors and posts consensus and divergence", async () => {
    await h.message("coord", 'partner add "Shanti Network"', { conversation: CHANNEL });
    await h.message("coord", "rubric start for Shanti", { conversation: CHANNEL });
    await h.settle();
    for (const p of ["p1", "p2", "p3", "p4", "p5"]) {
      const invitation = sentTo(`personal-${p}`, "Partnership check-in: Shanti Network").at(-1)!;
      const open = findAction(invitation.activity, "rubric.open");
      await h.submit(p, invitation, { rb_action: open });
      await h.settle();
      expect(h.textOf(invitation)).toContain("Partners have a clear picture of how the programme");
      const submit = findAction(invitation.activity, "rubric.submit");
      await h.submit(p, invitation, { rb_action: submit, "e:communications": p === "p1" ? "needs-help" : "well-functioning", "e:team-identity": "emerging" });
      await h.settle();
    }
    h.clock.advance(49 * 3_600_000); // past the minimum open time
    await h.message("coord", "rubric close Shanti", { conversation: CHANNEL });
    await h.settle();
    const results = sentTo(CHANNEL, "Check-in results").at(-1)!;
    expect(h.textOf(results)).toContain("Communications**: Well-functioning (80% agree)");
    expect(h.textOf(results)).toContain("Views diverge here");
  });
});

describe("Teams: local unauthenticated mode", () => {
  it("answers help in a personal chat through the connector without any token", async () => {
    const local = await startTeamsBot({ authenticated: false });
    try {
      await local.install("dev");
      expect((await local.message("dev", "help")).status).toBe(200);
      await local.settle();
      expect(local.connector.sent.some((s) => s.conversationId === "personal-dev" && local.textOf(s).includes("Partnership reflection: commands"))).toBe(true);
    } finally {
      await local.stop();
    }
  });
});
