/**
 * Slack ack latency: signed slash commands and block_actions at 200 requests/s, against the bot
 * (Bolt on the shared server, replies through the outbox to a local fake Web API) on the embedded
 * database and on PostgreSQL, and against a bare Bolt app that only acks the same requests, in the
 * same run. The first 10 seconds after the bot reports ready are measured on their own (no warm-up,
 * its scheduler catching up meanwhile), then steady state. Targets: p99 under 50 ms; median within
 * 1.5× of bare Bolt.
 */
import { App, HTTPReceiver, LogLevel } from "@slack/bolt";
import { createApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { createJsonLogger } from "../src/core/logger.ts";
import { startFakeSlack } from "../test/fakes/fake-slack.ts";
import { benchDatabase } from "./pg.ts";
import { Worker } from "node:worker_threads";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { report, summarise, type BenchResult } from "./stats.ts";

const SECRET = "bench-signing-secret-0123456789";
const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const FIRST_SECONDS = 10;

/** Sends at a fixed rate from another thread and returns the latencies it saw. */
function loadFrom(
  worker: Worker,
  url: string,
  kind: "command" | "action",
  rate: number,
  seconds: number,
): Promise<{ latencies: number[]; errors: number; statuses: [number, number][] }> {
  return new Promise((resolve) => {
    worker.once("message", resolve);
    worker.postMessage({ url, kind, rate, seconds });
  });
}

/** One bot on one database: the first seconds after ready (no warm-up), then steady state. */
async function benchOn(
  database: "postgresql" | "embedded",
  worker: Worker,
  bare: Record<string, ReturnType<typeof summarise>>,
  fake: Awaited<ReturnType<typeof startFakeSlack>>,
): Promise<BenchResult[]> {
  const pgDb = database === "postgresql" ? await benchDatabase("slack") : null;
  if (pgDb) await pgDb.store.close();
  const dataDir = database === "embedded" ? mkdtempSync(join(tmpdir(), "reflect-ack-")) : null;
  const config = loadConfig({
    PORT: "0",
    ...(pgDb ? { DATABASE_URL: pgDb.url } : { DATA_DIR: dataDir! }),
    PLAYGROUND: "false",
    SLACK_BOT_TOKEN: "xoxb-bench",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    LOG_LEVEL: "silent",
  });
  const bot = await createApp(config, { logger: createJsonLogger({ level: "silent" }) });
  const results: BenchResult[] = [];
  try {
    const botUrl = `http://127.0.0.1:${await bot.start()}`;
    // From the moment start() resolves (the bot reports ready), with its scheduler catching up.
    const first = await loadFrom(worker, botUrl, "command", RATE, FIRST_SECONDS);
    results.push(judge(`slack ack on ${database}: slash command, first ${FIRST_SECONDS} s after ready`, first, bare.command!));
    await new Promise((r) => setTimeout(r, 3000));
    for (const kind of ["command", "action"] as const) {
      const run = await loadFrom(worker, botUrl, kind, RATE, SECONDS);
      results.push(judge(`slack ack on ${database}: ${kind === "command" ? "slash command" : "block_actions"} @${RATE}/s ×${SECONDS}s`, run, bare[kind]!));
    }
  } finally {
    await bot.stop();
    await pgDb?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
  return results;
}

function judge(name: string, run: { latencies: number[]; errors: number; statuses: [number, number][] }, b: ReturnType<typeof summarise>): BenchResult {
  const o = summarise(run.latencies);
  const non200 = run.statuses.filter(([s]) => s !== 200).reduce((a, [, n]) => a + n, 0) + run.errors;
  const result: BenchResult = {
    name,
    metrics: { bot_p50_ms: o.p50, bot_p99_ms: o.p99, bare_p50_ms: b.p50, bare_p99_ms: b.p99, ratio_p50: o.p50 / b.p50, requests: o.n, non_200: non200 },
    target: "p99 < 50 ms, p50 ≤ 1.5× bare Bolt",
    pass: o.p99 < 50 && o.p50 <= 1.5 * b.p50 && non200 === 0,
  };
  report(result);
  return result;
}

export async function benchSlackAck(): Promise<BenchResult[]> {
  const fake = await startFakeSlack("T1");
  const receiver = new HTTPReceiver({ signingSecret: SECRET, endpoints: "/slack/events", logLevel: LogLevel.ERROR });
  const bareApp = new App({ receiver, token: "xoxb-bare", tokenVerificationEnabled: false, botId: "B1", botUserId: "U0", logLevel: LogLevel.ERROR });
  bareApp.command(/.*/, async ({ ack }) => ack());
  bareApp.action(/.*/, async ({ ack }) => ack());
  const server = (await bareApp.start(0)) as unknown as { address(): { port: number } };
  const bareUrl = `http://127.0.0.1:${server.address().port}`;
  const worker = new Worker(new URL("./load-worker.mjs", import.meta.url), { workerData: { secret: SECRET } });
  const results: BenchResult[] = [];
  try {
    // Bare Bolt, warmed up, measured at the same rate: the reference for both databases.
    const bare: Record<string, ReturnType<typeof summarise>> = {};
    for (const kind of ["command", "action"] as const) {
      await loadFrom(worker, bareUrl, kind, 50, 2);
      bare[kind] = summarise((await loadFrom(worker, bareUrl, kind, RATE, SECONDS)).latencies);
    }
    const databases = (process.env.BENCH_DATABASES?.split(",") ?? ["embedded", "postgresql"]) as ("embedded" | "postgresql")[];
    for (const database of databases) results.push(...(await benchOn(database, worker, bare, fake)));
  } finally {
    await worker.terminate();
    await bareApp.stop();
    await fake.close();
  }
  return results;
}
