/**
 * Nothing acknowledged is lost at a stop: the bot (a real process on the embedded database) is
 * sent 500 signed slash commands, all acknowledged, and stopped with SIGTERM while they wait in its
 * queue (its four handler slots are held by commands waiting on a slow Web API, so none of the 500
 * can start). They are saved sealed, and after a restart every command is answered exactly once.
 * A database reader between the two runs finds no user id or command text in the saved rows.
 */
import { PGlite } from "@electric-sql/pglite";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sendSigned, startFakeSlack, type FakeSlack } from "../fakes/fake-slack.ts";
import { startBot } from "../fakes/process.ts";

const SECRET = "stop-handoff-signing-secret-0123";
const COUNT = 500;
const users = Array.from({ length: COUNT }, (_, i) => `UQ${String(i).padStart(4, "0")}`);
const dataDir = mkdtempSync(join(tmpdir(), "reflect-handoff-"));
let fake: FakeSlack;
afterAll(async () => {
  await fake?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

let sent = 0;
const command = (base: string, user: string, text = "help", channel = `D${user}`) =>
  sendSigned(
    base,
    SECRET,
    new URLSearchParams({
      team_id: "T1",
      channel_id: channel,
      channel_name: "directmessage",
      user_id: user,
      command: "/reflect",
      text,
      api_app_id: "A1",
      response_url: fake.responseUrl(`D${user}|cmd|${user}`),
      trigger_id: `trig-${user}-${++sent}`,
    }).toString(),
  );

/** How many answers each person's command got, whichever way the reply went. */
const answers = () => {
  const count = new Map<string, number>();
  for (const c of fake.calls) {
    const where = c.method === "response_url" ? String(c.args.id) : c.method === "chat.postMessage" || c.method === "chat.postEphemeral" ? String(c.args.channel) : "";
    const user = /UQ\d{4}/.exec(where)?.[0];
    if (user) count.set(user, (count.get(user) ?? 0) + 1);
  }
  return count;
};

describe("stopping with acknowledged events queued", () => {
  it("hands the unhandled ones to the next start, sealed, and each is answered exactly once", async () => {
    fake = await startFakeSlack("T1");
    const env = {
      DATA_DIR: dataDir,
      PLAYGROUND: "false",
      ADMIN_USERS: "slack:T1:UADMIN",
      SLACK_BOT_TOKEN: "xoxb-handoff",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
      STOP_DRAIN_MS: "0",
    };
    const first = startBot(env);
    const base = `http://127.0.0.1:${await first.started}`;
    // Four pulse starts hold the four handler slots: each waits on conversations.members.
    fake.channels.set("CEMPTY", []);
    fake.delayMs = 6000;
    for (let i = 0; i < 4; i++) expect((await command(base, "UADMIN", "pulse start quick-pulse to <#CEMPTY|empty>", "CEMPTY")).status).toBe(200);
    for (let i = 0; i < 100 && !fake.calls.some((c) => c.method === "conversations.members"); i++) await new Promise((r) => setTimeout(r, 20));
    const statuses = await Promise.all(users.map((u) => command(base, u).then((r) => r.status)));
    expect(statuses.every((s) => s === 200)).toBe(true);
    const stopping = first.stop("SIGTERM");
    // Calls made from now on are fast (the held ones finish their wait): the stop ends within 10 s.
    fake.delayMs = 0;
    const stopped = await stopping;
    expect(stopped.code).toBe(0);
    const before = answers();
    const handedOff = Number(/"msg":"acknowledged events handed to the next start"[^}]*"count":(\d+)/.exec(first.output())?.[1] ?? 0);
    expect(handedOff).toBe(COUNT);

    // A database reader between the runs: the saved events say nothing readable.
    const db = new PGlite(join(dataDir, "pglite"));
    const rows = (await db.query<{ sealed: string }>("SELECT sealed FROM event_handoffs")).rows;
    await db.close();
    expect(rows.length).toBe(handedOff);
    for (const { sealed } of rows) {
      expect(sealed).toMatch(/^v2\./);
      // The ciphertext (base64 text is random and could spell anything; its bytes are what is read).
      expect(Buffer.from(sealed.split(".")[3]!, "base64").toString("latin1")).not.toMatch(/UQ\d{4}|userId|slack:T1|help/);
    }

    const second = startBot(env);
    await second.started;
    for (let i = 0; i < 1200 && [...answers().values()].reduce((a, b) => a + b, 0) < COUNT; i++) await new Promise((r) => setTimeout(r, 50));
    // A little longer, to catch any duplicate.
    await new Promise((r) => setTimeout(r, 1500));
    await second.stop("SIGTERM");
    const after = answers();
    expect(after.size).toBe(COUNT);
    expect([...after.values()].every((n) => n === 1)).toBe(true);
    // None was answered by the first process: every answer came from the handed-off events.
    expect(before.size).toBe(0);
    const db2 = new PGlite(join(dataDir, "pglite"));
    expect((await db2.query("SELECT 1 FROM event_handoffs")).rows).toEqual([]);
    await db2.close();
  });
});
