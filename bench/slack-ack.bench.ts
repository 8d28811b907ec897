/**
 * Slack ack latency: signed slash commands and block_actions at 200 requests/s for 30 s, against
 * the bot (Bolt on the shared server, PostgreSQL, replies through the outbox to a local fake Web
 * API) and against a bare Bolt app that only acks the same requests, in the same run.
 * Targets: p99 under 50 ms; median within 1.5× of bare Bolt.
 */
import { App, HTTPReceiver, LogLevel } from "@slack/bolt";
import { createApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { createJsonLogger } from "../src/core/logger.ts";
import { startFakeSlack } from "../test/fakes/fake-slack.ts";
import { benchDatabase } from "./pg.ts";
import { Worker } from "node:worker_threads";
import { report, summarise, type BenchResult } from "./stats.ts";

const SECRET = "bench-signing-secret-0123456789";
const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);

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

export async function benchSlackAck(): Promise<BenchResult[]> {
  const fake = await startFakeSlack("T1");
  const db = await benchDatabase("slack");
  await db.store.close();
  const config = loadConfig({
    PORT: "0",
    DATABASE_URL: db.url,
    PLAYGROUND: "false",
    SLACK_BOT_TOKEN: "xoxb-bench",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    LOG_LEVEL: "silent",
  });
  const bot = await createApp(config, { logger: createJsonLogger({ level: "silent" }), scheduler: false });
  const botUrl = `http://127.0.0.1:${await bot.start()}`;

  const receiver = new HTTPReceiver({ signingSecret: SECRET, endpoints: "/slack/events", logLevel: LogLevel.ERROR });
  const bare = new App({ receiver, token: "xoxb-bare", tokenVerificationEnabled: false, botId: "B1", botUserId: "U0", logLevel: LogLevel.ERROR });
  bare.command(/.*/, async ({ ack }) => ack());
  bare.action(/.*/, async ({ ack }) => ack());
  const server = (await bare.start(0)) as unknown as { address(): { port: number } };
  const bareUrl = `http://127.0.0.1:${server.address().port}`;

  const results: BenchResult[] = [];
  const worker = new Worker(new URL("./load-worker.mjs", import.meta.url), { workerData: { secret: SECRET } });
  try {
    for (const [name, kind] of [
      ["slash command", "command"],
      ["block_actions", "action"],
    ] as const) {
      // Warm up both, then measure bare Bolt and the bot in the same run.
      await loadFrom(worker, botUrl, kind, 50, 2);
      await loadFrom(worker, bareUrl, kind, 50, 2);
      const bareRun = await loadFrom(worker, bareUrl, kind, RATE, SECONDS);
      await new Promise((r) => setTimeout(r, 3000));
      const botRun = await loadFrom(worker, botUrl, kind, RATE, SECONDS);
      const b = summarise(bareRun.latencies);
      const o = summarise(botRun.latencies);
      const non200 = botRun.statuses.filter(([s]) => s !== 200).reduce((a, [, n]) => a + n, 0) + botRun.errors;
      const result: BenchResult = {
        name: `slack ack: ${name} @${RATE}/s ×${SECONDS}s`,
        metrics: { bot_p50_ms: o.p50, bot_p99_ms: o.p99, bare_p50_ms: b.p50, bare_p99_ms: b.p99, ratio_p50: o.p50 / b.p50, requests: o.n, non_200: non200 },
        target: "p99 < 50 ms, p50 ≤ 1.5× bare Bolt",
        pass: o.p99 < 50 && o.p50 <= 1.5 * b.p50 && non200 === 0,
      };
      report(result);
      results.push(result);
    }
  } finally {
    await worker.terminate();
    await bare.stop();
    await bot.stop();
    await fake.close();
    await db.drop();
  }
  return results;
}
