import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, FAKE_TEAM, FAKE_WORKSPACE, type Harness } from "../fakes/harness.ts";

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ admins: ["amina"] });
});
afterEach(async () => {
  await h.stop();
});

describe("core dispatch through the fake platform", () => {
  it("answers /reflect help with the commands the caller may use, privately", async () => {
    await h.command("amina", "role <@carlos> coordinator");
    const replies = await h.command("carlos", "help", { conversation: "C-PARTNERS" });
    expect(replies).toHaveLength(1);
    expect(replies[0]!.audience).toBe("carlos");
    const text = h.text(replies);
    expect(text).toContain("Your role here: *coordinator*");
    expect(text).toContain("/reflect pulse start");
    expect(text).toContain("/reflect rubric start");
    expect(text).not.toContain("/reflect role @person");
  });

  it("refuses a coordinator command to a partner, naming the role needed and who can grant it", async () => {
    const replies = await h.command("priya", "pulse start partner-pulse to <#C-PARTNERS>");
    const text = h.text(replies);
    expect(text).toContain("`/reflect pulse start` needs the admin or coordinator role; yours is partner.");
    expect(text).toContain("An admin can grant it: <@amina>");
    expect(text).toContain("/reflect role <@priya> coordinator");
  });

  it("answers a malformed command with what was wrong, the usage and an example", async () => {
    const text = h.text(await h.command("amina", "pulse start closes in soon"));
    expect(text).toContain('"soon" is not a duration');
    expect(text).toContain("`/reflect pulse start [template]");
    expect(text).toContain("Example: `/reflect pulse start partner-pulse to #partners closes in 7d`");
  });

  it("treats /pulse and /rubric as shortcuts, and DMs as commands", async () => {
    const viaShortcut = h.text(await h.command("amina", "start closes in never", { command: "pulse" }));
    expect(viaShortcut).toContain('"never" is not a duration');
    await h.send({
      platform: "fake",
      workspaceId: FAKE_WORKSPACE,
      workspaceExternalId: FAKE_TEAM,
      userId: "amina",
      conversationId: "D-amina",
      isDirect: true,
      eventId: "dm-1",
      kind: "message",
      text: "privacy",
      mentioned: false,
    });
    expect(h.fake.textOf(h.fake.deliveries.at(-1)!)).toContain("What this bot stores and who sees what");
  });

  it("ignores channel chatter unless mentioned", async () => {
    const before = h.fake.deliveries.length;
    await h.send({
      platform: "fake",
      workspaceId: FAKE_WORKSPACE,
      workspaceExternalId: FAKE_TEAM,
      userId: "amina",
      conversationId: "C1",
      isDirect: false,
      eventId: "c-1",
      kind: "message",
      text: "help",
      mentioned: false,
    });
    expect(h.fake.deliveries.length).toBe(before);
    await h.send({
      platform: "fake",
      workspaceId: FAKE_WORKSPACE,
      workspaceExternalId: FAKE_TEAM,
      userId: "amina",
      conversationId: "C1",
      isDirect: false,
      eventId: "c-2",
      kind: "message",
      text: "help",
      mentioned: true,
    });
    expect(h.fake.deliveries.length).toBe(before + 1);
  });

  it("handles a retried event once", async () => {
    const event = {
      platform: "fake" as const,
      workspaceId: FAKE_WORKSPACE,
      workspaceExternalId: FAKE_TEAM,
      userId: "amina",
      conversationId: "C1",
      isDirect: false,
      eventId: "same-id",
      kind: "command" as const,
      command: "reflect" as const,
      text: "privacy",
    };
    await h.send(event);
    await h.send(event);
    expect(h.fake.deliveries).toHaveLength(1);
  });

  it("lets admins assign roles, keeps the last admin, and audits role changes", async () => {
    expect(h.text(await h.command("amina", "role <@lena> lead"))).toContain("<@lena> is now lead.");
    expect(h.text(await h.command("amina", "role <@amina> partner"))).toContain("only admin");
    const roles = h.text(await h.command("amina", "role list"));
    expect(roles).toContain("*lead*: <@lena>");
    const audit = await h.app.store.audit.list(FAKE_WORKSPACE);
    expect(audit.some((a) => a.action === "role.set" && a.target === "lena" && a.actor === "amina")).toBe(true);
    expect(h.text(await h.command("lena", "role <@lena> admin"))).toContain("needs the admin role");
  });

  it("bootstraps admins from ADMIN_USERS on their first event", async () => {
    const hb = await createHarness({ admins: [], env: { ADMIN_USERS: "slack:T1:U9" } });
    try {
      await hb.app.bot.handle({
        platform: "slack",
        workspaceId: "slack:T1",
        workspaceExternalId: "T1",
        userId: "U9",
        conversationId: "C1",
        isDirect: false,
        eventId: "boot",
        kind: "command",
        command: "reflect",
        text: "help",
      });
      expect((await hb.app.store.members.get("slack:T1", "U9"))?.role).toBe("admin");
      await hb.app.bot.handle({
        platform: "slack",
        workspaceId: "slack:T2",
        workspaceExternalId: "T2",
        userId: "U9",
        conversationId: "C1",
        isDirect: false,
        eventId: "boot2",
        kind: "command",
        command: "reflect",
        text: "help",
      });
      expect((await hb.app.store.members.get("slack:T2", "U9"))?.role).toBe("partner");
    } finally {
      await hb.stop();
    }
  });

  it("validates settings with specific errors and never lets the threshold below 3", async () => {
    expect(h.text(await h.command("amina", "settings threshold 2"))).toContain('"2" is not a valid threshold: use a whole number from 3 to 100');
    expect(h.text(await h.command("amina", "settings timezone Mars/Base"))).toContain('"Mars/Base" is not a time zone');
    expect(h.text(await h.command("amina", "settings timezone Asia/Kathmandu"))).toContain("Saved: `timezone` = Asia/Kathmandu.");
    expect(h.text(await h.command("amina", "settings reminders 7, 30 ,1"))).toContain("Saved: `reminders` = 30, 7, 1.");
    const w = await h.app.store.workspaces.get(FAKE_WORKSPACE);
    expect(w).toMatchObject({ threshold: 5, timezone: "Asia/Kathmandu", reminderOffsets: [30, 7, 1] });
    expect(h.text(await h.command("amina", "settings"))).toContain("Asia/Kathmandu");
  });

  it("lets a person choose their language, with English fallback for missing keys", async () => {
    expect(h.text(await h.command("priya", "language xx"))).toContain(
      'There is no "xx" translation. Available: `ar` العربية, `bn` বাংলা, `en` English, `es` español, `fr` français, `ne` नेपाली and `ur` اردو.',
    );
    expect(h.text(await h.command("priya", "language fr"))).toContain("Votre langue est maintenant français.");
    const help = h.text(await h.command("priya", "help"));
    expect(help).toContain("Votre rôle ici : *partenaire*");
    expect(help).toContain("/reflect privacy");
  });

  it("apologises with a reference when a handler fails, and logs no answer content", async () => {
    const store = h.app.store;
    const original = store.workspaces.updateSettings;
    store.workspaces.updateSettings = async () => {
      throw new Error("disk on fire");
    };
    const text = h.text(await h.command("amina", "settings threshold 6"));
    store.workspaces.updateSettings = original;
    expect(text).toMatch(/something went wrong on our side.*Reference \w+/);
    expect(h.logs.some((l) => l.msg === "event failed")).toBe(true);
  });
});

describe("outbox delivery", () => {
  it("retries a rate-limited send after Retry-After and delivers once; a delivered reply leaves no row", async () => {
    h.fake.failNext(1, { retryAfterMs: 10 });
    await h.app.bot.handle({
      platform: "fake",
      workspaceId: FAKE_WORKSPACE,
      workspaceExternalId: FAKE_TEAM,
      userId: "amina",
      conversationId: "C1",
      isDirect: false,
      eventId: "r1",
      kind: "command",
      command: "reflect",
      text: "privacy",
    });
    await h.flush();
    expect(h.fake.deliveries).toHaveLength(0);
    const [pending] = await h.app.store.outbox.list({ workspaceId: FAKE_WORKSPACE });
    expect(pending).toMatchObject({ status: "pending", attempts: 1, transient: true });
    h.clock.advance(20);
    await h.flush();
    expect(h.fake.deliveries).toHaveLength(1);
    // Replies to one person are transient: once delivered, nothing records who was answered when.
    expect(await h.app.store.outbox.list({ workspaceId: FAKE_WORKSPACE })).toEqual([]);
  });

  it("keeps a delivered broadcast as sent (its key guards against sending twice)", async () => {
    await h.app.deps.outbox.post({
      workspaceId: FAKE_WORKSPACE,
      platform: "fake",
      destination: { kind: "conversation", conversationId: "C1" },
      card: { summary: "hi", elements: [] },
      dedupeKey: "b:1",
    });
    await h.flush();
    expect((await h.app.store.outbox.list({ workspaceId: FAKE_WORKSPACE }))[0]).toMatchObject({ status: "sent", attempts: 1, transient: false });
  });

  it("marks a message dead after the adapter's maximum attempts, and on a permanent error at once; a dead reply is deleted", async () => {
    const post = (key: string) =>
      h.app.deps.outbox.post({
        workspaceId: FAKE_WORKSPACE,
        platform: "fake",
        destination: { kind: "conversation", conversationId: "C1" },
        card: { summary: key, elements: [] },
        dedupeKey: key,
      });
    h.fake.failNext(10, { message: "channel_not_found", retryable: false });
    await post("d1");
    await h.flush();
    const [dead] = await h.app.store.outbox.list({ workspaceId: FAKE_WORKSPACE });
    expect(dead).toMatchObject({ status: "dead", attempts: 1, lastError: "channel_not_found" });

    h.fake.failNext(10, { message: "server error" });
    await post("d2");
    for (let i = 0; i < 6; i++) {
      await h.flush();
      h.clock.advance(60 * 60_000);
    }
    const all = await h.app.store.outbox.list({ workspaceId: FAKE_WORKSPACE });
    expect(all[1]).toMatchObject({ status: "dead", attempts: h.fake.pacing.maxAttempts });

    h.fake.failNext(10, { message: "channel_not_found", retryable: false });
    await h.app.bot.handle({
      platform: "fake",
      workspaceId: FAKE_WORKSPACE,
      workspaceExternalId: FAKE_TEAM,
      userId: "amina",
      conversationId: "C1",
      isDirect: false,
      eventId: "d3",
      kind: "command",
      command: "reflect",
      text: "privacy",
    });
    await h.flush();
    expect((await h.app.store.outbox.list({ workspaceId: FAKE_WORKSPACE })).map((m) => m.dedupeKey)).toEqual(["d1", "d2"]);
  });

  it("resumes a fan-out after a crash: claimed but unsent messages are sent once when their lock expires", async () => {
    const outbox = h.app.deps.outbox;
    for (let i = 0; i < 5; i++) {
      await outbox.post({
        workspaceId: FAKE_WORKSPACE,
        platform: "fake",
        destination: { kind: "dm", userId: `u${i}` },
        card: { summary: `m${i}`, elements: [] },
        dedupeKey: `fan:${i}`,
      });
    }
    // A worker claims everything and dies before sending.
    const claimed = await h.app.store.outbox.claim(h.clock.now(), 10, 60_000);
    expect(claimed).toHaveLength(5);
    await h.flush();
    expect(h.fake.deliveries).toHaveLength(0);
    h.clock.advance(61_000);
    await h.flush();
    await h.flush();
    expect(h.fake.deliveries.map((d) => d.card.summary).sort()).toEqual(["m0", "m1", "m2", "m3", "m4"]);
    // Enqueueing again with the same keys sends nothing new.
    for (let i = 0; i < 5; i++) {
      expect(
        await outbox.post({
          workspaceId: FAKE_WORKSPACE,
          platform: "fake",
          destination: { kind: "dm", userId: `u${i}` },
          card: { summary: `m${i}`, elements: [] },
          dedupeKey: `fan:${i}`,
        }),
      ).toBe(false);
    }
    await h.flush();
    expect(h.fake.deliveries).toHaveLength(5);
  });
});
