import { findAction } from "../fakes/actions.ts";
import { slotContaining } from "../../src/jobs/slots.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendSigned, slackSignature } from "../fakes/fake-slack.ts";
import { blocksText, SLACK_SECRET, startSlackBot, TEAM, type SlackHarness } from "../fakes/slack-harness.ts";

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackBot({ ADMIN_USERS: `slack:${TEAM}:UADMIN` });
  h.fake.channels.set("CPARTNERS", ["UCOORD", "P1", "P2", "P3", "P4", "P5", "P6", "UEXT", "UBOTX"]);
  h.fake.users.set("UEXT", { id: "UEXT", team_id: "TOTHER", is_stranger: true });
  h.fake.users.set("UBOTX", { id: "UBOTX", is_bot: true });
  await h.command("UADMIN", "role <@UCOORD> coordinator");
  await h.settle();
});
afterAll(async () => {
  await h?.stop();
});

const lastFor = (user: string, contains: string) => [...h.seenBy(user)].reverse().find((m) => h.textOf(m).includes(contains));

describe("Slack: transport and security", () => {
  it("acks a signed /reflect help within 3 s and answers it privately", async () => {
    const t0 = performance.now();
    const res = await h.command("UCOORD", "help", { channel: "CPARTNERS" });
    const ms = performance.now() - t0;
    expect(res.status).toBe(200);
    expect(ms).toBeLessThan(3000);
    await h.settle();
    const reply = lastFor("UCOORD", "Partnership reflection: commands");
    expect(reply?.ephemeralUser).toBe("UCOORD");
  });

  it("answers 401 to a bad signature and to a timestamp older than 5 minutes", async () => {
    const body = new URLSearchParams({ team_id: TEAM, channel_id: "C1", user_id: "U1", command: "/reflect", text: "help" }).toString();
    expect((await sendSigned(h.base, SLACK_SECRET, body, { signature: "v0=deadbeef" })).status).toBe(401);
    expect((await sendSigned(h.base, "wrong-secret-wrong-secret", body)).status).toBe(401);
    const old = Math.floor(Date.now() / 1000) - 6 * 60;
    expect((await sendSigned(h.base, SLACK_SECRET, body, { timestamp: old })).status).toBe(401);
    const noHeaders = await fetch(`${h.base}/slack/events`, { method: "POST", body });
    expect(noHeaders.status).toBe(401);
  });

  it("answers the url_verification challenge", async () => {
    const body = JSON.stringify({ type: "url_verification", challenge: "abc123" });
    const res = await sendSigned(h.base, SLACK_SECRET, body, { contentType: "application/json" });
    expect(await res.json()).toEqual({ challenge: "abc123" });
  });

  it("handles a retried event once (X-Slack-Retry-Num)", async () => {
    const event = { type: "message", channel_type: "im", channel: "DUCOORD", user: "UCOORD", text: "privacy", ts: "1.1" };
    await h.event(event, { eventId: "EvRetry1" });
    await h.event(event, { eventId: "EvRetry1", retryNum: 1 });
    await h.settle();
    expect(h.fake.messages.filter((m) => m.channel === "DUCOORD" && h.textOf(m).includes("What this bot stores"))).toHaveLength(1);
  });

  it("acks fast even when the Web API is slow, and honours Retry-After on 429", async () => {
    h.fake.delayMs = 1500;
    const t0 = performance.now();
    const res = await h.command("UCOORD", "privacy", { channel: "CPARTNERS" });
    expect(res.status).toBe(200);
    expect(performance.now() - t0).toBeLessThan(1000);
    await h.settle();
    h.fake.delayMs = 0;
    h.fake.failNext("chat.postEphemeral", 1, { status: 429, retryAfter: 1 });
    const before = h.fake.calls.filter((c) => c.method === "chat.postEphemeral").length;
    await h.command("UCOORD", "settings", { channel: "CPARTNERS" });
    await h.settle();
    const [row] = (await h.app.store.outbox.list({ status: "pending" })).filter((m) => m.lastError?.includes("rate limited"));
    expect(row).toBeDefined();
    expect(row!.nextAttemptAt.getTime() - Date.now()).toBeGreaterThan(500);
    await new Promise((r) => setTimeout(r, 1100));
    await h.settle();
    expect(h.fake.calls.filter((c) => c.method === "chat.postEphemeral").length).toBe(before + 2);
    expect(lastFor("UCOORD", "Workspace settings")).toBeDefined();
  });

  it("falls back to a DM when the bot cannot post ephemerally in a channel", async () => {
    h.fake.botNotIn.add("CPRIVATE");
    await h.command("UCOORD", "privacy", { channel: "CPRIVATE" });
    await h.settle();
    expect(h.fake.messages.some((m) => m.channel === "DUCOORD" && h.textOf(m).includes("What this bot stores"))).toBe(true);
  });

  it("publishes App Home with what is waiting and, for coordinators, upcoming reviews", async () => {
    await h.event({ type: "app_home_opened", user: "UCOORD", tab: "home", channel: "DUCOORD" });
    await h.settle();
    const home = h.fake.views.filter((v) => v.method === "views.publish" && v.user === "UCOORD").at(-1);
    expect(home?.view.type).toBe("home");
    expect(blocksText(home!.view.blocks as unknown[])).toContain("Reviews and renewals in the next 30 days");
  });
});

describe("Slack: the pulse flow through the adapter", () => {
  it("invites channel members by DM and a Slack Connect member privately in the shared channel, takes answers in a modal, and posts results", async () => {
    await h.command("UCOORD", "pulse start partner-pulse closes in 7d", { channel: "CPARTNERS" });
    await h.settle();
    const started = lastFor("UCOORD", "Invited");
    expect(h.textOf(started!)).toContain("Invited 7 people privately");
    expect(h.textOf(started!)).toContain("6 by DM · 1 privately in the shared channel · 0 by email · 0 unreachable");
    expect(h.textOf(started!)).not.toContain("could not be reached");
    // The partner from the other organisation: no DM (Slack refuses it), an ephemeral in the channel.
    expect(h.fake.calls.some((c) => c.method === "conversations.open" && c.args.users === "UEXT")).toBe(false);
    const ext = h.fake.messages.find((m) => m.channel === "CPARTNERS" && m.ephemeralUser === "UEXT" && h.textOf(m).includes("a short anonymous pulse"))!;
    expect(ext).toBeDefined();
    expect(h.seenBy("P1")).not.toContain(ext);
    await h.click("UEXT", ext, findAction(ext.blocks, "pulse.open"));
    await h.settle();
    const extModal = h.fake.views.filter((v) => v.method === "views.open").at(-1)!;
    await h.submitView("UEXT", extModal.view, { "q:respect": "3", "q:long-term": "4", "q:comment": "" });
    await h.settle();
    // The thank-you replaces the ephemeral invitation through its response_url.
    expect(h.textOf(ext)).toContain("Thank you: your answers are in");
    // A second answer from the same person is refused like anyone else's.
    await h.submitView("UEXT", extModal.view, { "q:respect": "1", "q:long-term": "1", "q:comment": "" });
    await h.settle();
    for (const [i, p] of ["P1", "P2", "P3", "P4"].entries()) {
      const invitation = h.fake.messages.find((m) => m.channel === `D${p}` && h.textOf(m).includes("a short anonymous pulse"))!;
      expect(invitation).toBeDefined();
      const open = findAction(invitation.blocks, "pulse.open");
      await h.click(p, invitation, open);
      await h.settle();
      const modal = h.fake.views.filter((v) => v.method === "views.open").at(-1)!;
      expect(modal.view.type).toBe("modal");
      expect(JSON.stringify(modal.view.blocks)).toContain("radio_buttons");
      await h.submitView(p, modal.view, {
        "q:respect": String(2 + (i % 3)),
        "q:long-term": "4",
        "q:comment": i === 0 ? "Transfers are slow" : i === 1 ? "We learn from each other" : "",
      });
      await h.settle();
      expect(h.textOf(invitation)).toContain("Thank you: your answers are in");
    }
    h.clock.advance(49 * 3_600_000); // past the minimum open time
    await h.command("UCOORD", "pulse close", { channel: "CPARTNERS" });
    await h.settle();
    const results = h.fake.messages.find((m) => m.channel === "CPARTNERS" && !m.ephemeralUser && h.textOf(m).includes("Pulse results"));
    expect(h.textOf(results!)).toContain("5 of 7 answered (71%)");
    expect(h.textOf(results!)).toContain("Transfers are slow");
  });

  it("when Slack refuses a DM at send time, the invitation reaches the person privately in the round's channel", async () => {
    // P7 is new to the bot (the others' DMs are already open, and kept for a day); Slack refuses theirs.
    const members = h.fake.channels.get("CPARTNERS")!;
    h.fake.channels.set("CPARTNERS", [...members, "P7"]);
    try {
      h.fake.failNext("conversations.open", 1, { error: "cannot_dm_user" });
      await h.command("UCOORD", "pulse start quick-pulse", { channel: "CPARTNERS" });
      await h.settle();
      const ephemeral = h.fake.messages.filter((m) => m.channel === "CPARTNERS" && m.ephemeralUser && m.ephemeralUser !== "UCOORD" && h.textOf(m).includes("Quick pulse"));
      // UEXT (known to be external) and the one person whose DM was refused.
      expect(ephemeral.map((m) => m.ephemeralUser).sort()).toEqual(["P7", "UEXT"]);
      const dms = h.fake.messages.filter((m) => m.channel.startsWith("DP") && h.textOf(m).includes("Quick pulse"));
      expect(dms).toHaveLength(6);
      expect(new Set([...ephemeral.map((m) => m.ephemeralUser), ...dms.map((m) => m.channel.slice(1))]).size).toBe(8);
    } finally {
      h.fake.channels.set("CPARTNERS", members);
    }
  });

  it("reminds the Slack Connect member the same way: privately in the shared channel", async () => {
    // Opened at 09:00 UTC, whatever time of day the test runs: the half-way reminder then falls due
    // before 11:00 four days later (the bot's clock is real time otherwise).
    h.clock.set(new Date(`${new Date(h.clock.now().getTime() + 86_400_000).toISOString().slice(0, 10)}T09:00:00Z`));
    await h.command("UCOORD", "pulse start partner-pulse closes in 7d", { channel: "CPARTNERS" });
    await h.settle();
    const job = h.app.jobs.get("pulse-reminders");
    h.clock.advance(4 * 86_400_000);
    const at = new Date(`${h.clock.now().toISOString().slice(0, 10)}T11:00:00Z`);
    await h.app.jobs.runSlot(job, slotContaining(job, at));
    await h.settle();
    const reminders = h.fake.messages.filter((m) => m.channel === "CPARTNERS" && m.ephemeralUser === "UEXT" && h.textOf(m).includes("Reminder"));
    expect(reminders.length).toBeGreaterThanOrEqual(1);
    expect(h.fake.calls.some((c) => c.method === "conversations.open" && c.args.users === "UEXT")).toBe(false);
  });

  it("shows the form in the message when the modal's trigger has expired", async () => {
    await h.command("UCOORD", "pulse start quick-pulse", { channel: "CPARTNERS" });
    await h.settle();
    const invitation = [...h.fake.messages].reverse().find((m) => m.channel === "DP6" && h.textOf(m).includes("Quick pulse"))!;
    const open = findAction(invitation.blocks, "pulse.open");
    h.fake.failNext("views.open", 1, { error: "expired_trigger_id" });
    await h.click("P6", invitation, open);
    await h.settle();
    expect(JSON.stringify(invitation.blocks)).toContain("radio_buttons");
    const submit = findAction(invitation.blocks, "pulse.submit");
    const questions = [...JSON.stringify(invitation.blocks).matchAll(/"action_id":"(q:[a-z-]+)"/g)].map((m) => m[1]!).filter((q) => q !== "q:comment");
    await h.click("P6", invitation, submit, { values: Object.fromEntries(questions.map((q) => [q, "5"])) });
    await h.settle();
    expect(h.textOf(invitation)).toContain("Thank you: your answers are in");
  });
});

describe("Slack: the rubric flow through the adapter", () => {
  it("runs an individual check-in with descriptors in the modal and posts results", async () => {
    await h.command("UCOORD", 'partner add "Shanti Network"', { channel: "CPARTNERS" });
    await h.command("UCOORD", "rubric start for Shanti", { channel: "CPARTNERS", command: "/reflect" });
    await h.settle();
    for (const p of ["P1", "P2", "P3", "P4", "P5"]) {
      const invitation = h.fake.messages.find((m) => m.channel === `D${p}` && h.textOf(m).includes("Partnership check-in: Shanti Network"))!;
      const open = findAction(invitation.blocks, "rubric.open");
      await h.click(p, invitation, open);
      await h.settle();
      const modal = h.fake.views.filter((v) => v.method === "views.open").at(-1)!;
      expect(blocksText(modal.view.blocks as unknown[])).toContain("Partners have a clear picture of how the programme");
      await h.submitView(p, modal.view, { "e:communications": p === "P1" ? "needs-help" : "well-functioning", "e:team-identity": "emerging" });
      await h.settle();
    }
    h.clock.advance(49 * 3_600_000); // past the minimum open time
    await h.command("UCOORD", "close Shanti", { channel: "CPARTNERS", command: "/rubric" });
    await h.settle();
    const results = h.fake.messages.find((m) => m.channel === "CPARTNERS" && !m.ephemeralUser && h.textOf(m).includes("Check-in results"));
    expect(h.textOf(results!)).toContain("Communications*: Well-functioning (80% agree)");
    expect(h.textOf(results!)).toContain("Views diverge here");
  });
});

describe("Slack: signing helper", () => {
  it("matches Slack's documented example", () => {
    // From Slack's "Verifying requests" guide.
    const body =
      "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    expect(slackSignature("8f742231b10e8888abcd99yyyzzz85a5", body, 1531420618)).toBe("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");
  });
});

describe("Slack: configuration", () => {
  it("uses Socket Mode when SLACK_APP_TOKEN is set, and refuses a configuration it cannot run", async () => {
    const { createSlackAdapter } = await import("../../adapters/slack/adapter.ts");
    const { SocketModeReceiver } = await import("@slack/bolt");
    const { createHttpServer } = await import("../../src/http/server.ts");
    const { createMemoryLogger } = await import("../../src/core/logger.ts");
    const base = {
      botToken: "xoxb-1",
      signingSecret: undefined,
      appToken: "xapp-1",
      clientId: undefined,
      clientSecret: undefined,
      stateSecret: undefined,
      apiUrl: h.fake.apiUrl,
      installationKey: undefined,
    };
    const logger = createMemoryLogger();
    const http = createHttpServer(logger);
    const socket = createSlackAdapter({ config: base, store: h.app.store, http, bot: h.app.bot, logger });
    expect((socket.app as unknown as { receiver: unknown }).receiver).toBeInstanceOf(SocketModeReceiver);
    expect(() => createSlackAdapter({ config: { ...base, appToken: undefined }, store: h.app.store, http, bot: h.app.bot, logger })).toThrow(/SLACK_SIGNING_SECRET/);
    expect(() => createSlackAdapter({ config: { ...base, botToken: undefined }, store: h.app.store, http, bot: h.app.bot, logger })).toThrow(/SLACK_BOT_TOKEN/);
    expect(() =>
      createSlackAdapter({
        config: { ...base, botToken: undefined, clientId: "1", clientSecret: "2", appToken: undefined, signingSecret: "s".repeat(20) },
        store: h.app.store,
        http,
        bot: h.app.bot,
        logger,
      }),
    ).toThrow(/INSTALLATION_KEY/);
  });
});

describe("Slack: starting a pulse from a modal", () => {
  it("opens the form as a modal for /pulse and starts the pulse on submit", async () => {
    const before = h.fake.views.length;
    await h.command("UCOORD", "", { channel: "CPARTNERS", command: "/pulse" });
    await h.settle();
    const modal = h.fake.views.slice(before).find((v) => v.method === "views.open")!;
    expect(blocksText(modal.view.blocks as unknown[])).toContain("Which pulse?");
    await h.submitView("UCOORD", modal.view, { template: "quick-pulse", days: "3", repeat: "none" });
    await h.settle();
    expect(h.fake.messages.some((m) => m.ephemeralUser === "UCOORD" && h.textOf(m).includes("Quick pulse started"))).toBe(true);
  });
});
