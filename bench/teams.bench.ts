/**
 * Teams activity handling latency: authenticated personal-chat messages (RS256 JWTs validated
 * against a local OpenID document) at 100 activities/s, bot on PostgreSQL replying through the
 * outbox to a local fake Bot Connector; load from a separate thread. Target: p99 under 100 ms.
 */
import { Worker } from "node:worker_threads";
import { createApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { createJsonLogger } from "../src/core/logger.ts";
import { localTeamsAuth, startFakeConnector, startFakeIdentity } from "../test/fakes/fake-teams.ts";
import { benchDatabase } from "./pg.ts";
import { report, summarise, type BenchResult } from "./stats.ts";

const RATE = Number(process.env.BENCH_TEAMS_RATE ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const TENANT = "bench-tenant";
const APP_ID = "00000000-0000-0000-0000-00000000b0b0";

export async function benchTeams(): Promise<BenchResult[]> {
  const connector = await startFakeConnector();
  const identity = await startFakeIdentity();
  const db = await benchDatabase("teams");
  await db.store.close();
  const config = loadConfig({
    PORT: "0",
    DATABASE_URL: db.url,
    PLAYGROUND: "false",
    TEAMS_SERVICE_HOSTS: "127.0.0.1",
    MICROSOFT_APP_ID: APP_ID,
    MICROSOFT_APP_PASSWORD: "x",
    MICROSOFT_APP_TENANT_ID: TENANT,
    MICROSOFT_APP_TYPE: "SingleTenant",
    LOG_LEVEL: "silent",
  });
  const app = await createApp(config, {
    logger: createJsonLogger({ level: "silent" }),
    scheduler: false,
    teams: localTeamsAuth(identity, TENANT, APP_ID),
  });
  const url = `http://127.0.0.1:${await app.start()}`;
  const token = identity.token({ aud: APP_ID, serviceurl: connector.url });
  const worker = new Worker(new URL("./load-worker.mjs", import.meta.url), { workerData: { secret: "unused" } });
  const run = (rate: number, seconds: number) =>
    new Promise<{ latencies: number[]; errors: number; statuses: [number, number][] }>((resolve) => {
      worker.once("message", resolve);
      worker.postMessage({ url, kind: "teams", rate, seconds, token, serviceUrl: connector.url, tenant: TENANT, appId: APP_ID });
    });
  try {
    await run(20, 3);
    const measured = await run(RATE, SECONDS);
    const s = summarise(measured.latencies);
    const non200 = measured.statuses.filter(([code]) => code !== 200).reduce((a, [, n]) => a + n, 0) + measured.errors;
    const result: BenchResult = {
      name: `teams: activities @${RATE}/s ×${SECONDS}s`,
      metrics: { p50_ms: s.p50, p99_ms: s.p99, requests: s.n, non_200: non200 },
      target: "p99 < 100 ms",
      pass: s.p99 < 100 && non200 === 0,
    };
    report(result);
    return [result];
  } finally {
    await worker.terminate();
    await app.stop();
    await connector.close();
    await identity.close();
    await db.drop();
  }
}
