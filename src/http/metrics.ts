/**
 * GET /metrics in the Prometheus text format (prom-client): how fast each platform is acknowledged,
 * how deep the event queue is, what the outbox holds, how jobs run, how many rounds are open.
 * Figures about the bot's work, never about people: no label carries a user, round or workspace.
 * Served only to loopback callers, or to anyone presenting METRICS_TOKEN as a bearer token.
 */
import { timingSafeEqual } from "node:crypto";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { HttpRequest, HttpServer } from "./server.ts";

export interface MetricsSources {
  /** Events waiting in the dispatchers (after the ack, before the core handled them). */
  queueDepth(): number;
  outbox(): Promise<{ pending: number; dead: number }>;
  openRounds(): Promise<number>;
}

export interface Metrics {
  /** Records how long a request took to answer, by route. */
  observeRequest(route: string, ms: number): void;
  jobRun(job: string, status: "ran" | "failed" | "skipped"): void;
}

const PLATFORM_ROUTES: Record<string, string> = { "/slack/events": "slack", "/api/messages": "teams" };

const isLoopback = (address: string | undefined) => !!address && (address === "::1" || address.startsWith("127.") || address === "::ffff:127.0.0.1");

export function mountMetrics(http: HttpServer, sources: MetricsSources, options: { token?: string | undefined }): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const ack = new Histogram({
    name: "reflect_ack_seconds",
    help: "Time to acknowledge a platform request (Slack events and commands, Teams activities)",
    labelNames: ["platform"],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const jobs = new Counter({ name: "reflect_job_runs_total", help: "Job slots by outcome", labelNames: ["job", "status"], registers: [registry] });
  new Gauge({
    name: "reflect_dispatcher_queue_depth",
    help: "Events acknowledged and waiting to be handled",
    registers: [registry],
    collect() {
      this.set(sources.queueDepth());
    },
  });
  new Gauge({
    name: "reflect_outbox_messages",
    help: "Outbox messages waiting to be sent, and dead letters",
    labelNames: ["state"],
    registers: [registry],
    async collect() {
      const { pending, dead } = await sources.outbox();
      this.set({ state: "pending" }, pending);
      this.set({ state: "dead" }, dead);
    },
  });
  new Gauge({
    name: "reflect_rounds_open",
    help: "Pulse and rubric rounds open across workspaces",
    registers: [registry],
    async collect() {
      this.set(await sources.openRounds());
    },
  });

  const allowed = (req: HttpRequest) => {
    if (options.token) {
      const given = Buffer.from(String(req.headers.authorization ?? "").replace(/^Bearer /, ""));
      const want = Buffer.from(options.token);
      if (given.length === want.length && timingSafeEqual(given, want)) return true;
    }
    return isLoopback(req.raw.socket.remoteAddress);
  };

  http.route("GET", "/metrics", async (req) => {
    if (!allowed(req)) return { status: 403, headers: { "content-type": "text/plain" }, body: "metrics are served to loopback, or with METRICS_TOKEN as a bearer token" };
    return { status: 200, headers: { "content-type": registry.contentType }, body: await registry.metrics() };
  });

  return {
    observeRequest(route, ms) {
      const platform = PLATFORM_ROUTES[route];
      if (platform) ack.observe({ platform }, ms / 1000);
    },
    jobRun(job, status) {
      jobs.inc({ job, status });
    },
  };
}
