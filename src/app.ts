/**
 * Composition: config → prompts → store → adapters → core → outbox worker → scheduler → HTTP.
 * main.ts starts it for real; tests start it with a fixed clock, in-memory PGlite and fakes.
 */
import { hostname } from "node:os";
import { join } from "node:path";
import type { Config } from "./config.ts";
import { PROJECT_ROOT } from "./paths.ts";
import type { MailSender, PacingRules, PlatformAdapter } from "./core/adapter.ts";
import { createSmtpSender } from "./email/smtp.ts";
import { mountAnswerPage } from "./email/page.ts";
import { createHandoff } from "./core/handoff.ts";
import { createSeal } from "./core/seal.ts";
import { handoffSecret } from "./handoff-secret.ts";
import { mountMetrics } from "./http/metrics.ts";
import { queuedEvents } from "./core/dispatcher.ts";
import { createLinkingMailSender } from "./email/send.ts";
import { createBot, type Bot } from "./core/bot.ts";
import { features } from "./features.ts";
import { systemClock, type Clock } from "./core/clock.ts";
import type { BotDeps } from "./core/context.ts";
import { BotError } from "./core/errors.ts";
import type { BotEvent, Platform } from "./core/events.ts";
import { createI18n } from "./core/i18n.ts";
import { createRandomIds, type Ids } from "./core/ids.ts";
import { createJsonLogger, type Logger } from "./core/logger.ts";
import { createOutbox } from "./core/outbox.ts";
import { loadPrompts } from "./core/prompts/load.ts";
import { checkPromptVersions } from "./core/prompts/snapshots.ts";
import { createHttpServer, json, type HttpServer } from "./http/server.ts";
import { mountControl } from "./http/control.ts";
import { mountWebFonts } from "./http/web-fonts.ts";
import { runCliRequest } from "./cli/run.ts";
import { allJobs } from "./jobs/registry.ts";
import { createJobRunner, type JobRunner } from "./jobs/runner.ts";
import { createScheduler, type Scheduler } from "./jobs/scheduler.ts";
import { createOutboxWorker, type OutboxWorker } from "./outbox/worker.ts";
import { createProgressTracker } from "./outbox/progress.ts";
import { createPrismaStore, type PrismaStore } from "./store/prisma/index.ts";
import { createWebAdapter } from "../adapters/web/adapter.ts";
import { mountPlayground } from "../adapters/web/routes.ts";
import { seedPlayground } from "../adapters/web/seed.ts";
import type { TeamsAdapterOptions } from "../adapters/teams/adapter.ts";

export const MIGRATIONS_DIR = join(PROJECT_ROOT, "prisma/migrations");

export interface AppOverrides {
  clock?: Clock;
  ids?: Ids;
  logger?: Logger;
  /** Extra adapters (tests register the fake platform here). */
  adapters?: PlatformAdapter[];
  /** Run the cron scheduler (default true). Tests drive jobs through the runner instead. */
  scheduler?: boolean;
  /** Poll interval of the outbox worker (ms). */
  outboxPollMs?: number;
  /** Pacing per platform, for tests that are not about pacing. */
  pacing?: Partial<Record<Platform, PacingRules>>;
  /** Space Slack roster and DM calls to Slack's rate tiers (default true; off for tests not about them). */
  slackRateTiers?: boolean;
  /** The mail sender (tests use one that talks to a local SMTP server). */
  mail?: MailSender;
  /** Teams token validation against a local OpenID document, for offline tests. */
  teams?: Pick<TeamsAdapterOptions, "authOverrides" | "credentialsFactory">;
}

export interface App {
  config: Config;
  deps: BotDeps;
  store: PrismaStore;
  bot: Bot;
  http: HttpServer;
  adapters: Map<Platform, PlatformAdapter>;
  outboxWorker: OutboxWorker;
  jobs: JobRunner;
  scheduler: Scheduler;
  /** Listens on config.port (0 picks a free port) and starts workers; resolves to the port. */
  start(): Promise<number>;
  /** Stops taking events, finishes in-flight work, closes the database. */
  stop(): Promise<void>;
}

export async function createApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  const logger = overrides.logger ?? createJsonLogger({ level: config.logLevel });
  const clock = overrides.clock ?? systemClock;
  const ids = overrides.ids ?? createRandomIds();
  // Prompts first: a broken prompt file should stop the start before anything touches the database.
  const prompts = loadPrompts(config.promptsDir);
  const store = await createPrismaStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, migrationsDir: MIGRATIONS_DIR, ids, logger });
  try {
    await checkPromptVersions(store.snapshots, prompts);
  } catch (error) {
    await store.close();
    throw error;
  }
  const adapters = new Map<Platform, PlatformAdapter>();
  for (const a of overrides.adapters ?? []) adapters.set(a.platform, a);
  const smtp = overrides.mail ?? (config.mail ? createSmtpSender(config.mail) : undefined);
  const mail = smtp ? createLinkingMailSender(smtp, store.rounds, config.publicUrl) : undefined;
  const outboxWorker = createOutboxWorker({
    store: store.outbox,
    adapters,
    ...(mail ? { mail } : {}),
    clock,
    logger,
    ...(overrides.outboxPollMs ? { pollMs: overrides.outboxPollMs } : {}),
  });
  const outbox = createOutbox(store.outbox, () => outboxWorker.kick());
  const progress = createProgressTracker({ store: store.outbox, outbox, logger });
  const deps: BotDeps = {
    store,
    clock,
    ids,
    logger,
    i18n: createI18n(prompts.messages),
    prompts,
    outbox,
    progress,
    directory: {
      channelInvites: (platform) => adapters.get(platform)?.channelInvites ?? "ephemeral",
      async listMembers(platform, workspaceId, conversationId) {
        const adapter = adapters.get(platform);
        if (!adapter) throw new BotError("ADAPTER_NOT_CONFIGURED", `No ${platform} adapter is configured in this process.`);
        return adapter.listMembers(workspaceId, conversationId);
      },
      async personLocale(platform, workspaceId, userId) {
        const adapter = adapters.get(platform);
        return adapter?.personLocale ? adapter.personLocale(workspaceId, userId) : null;
      },
    },
    forms: {
      async open(platform, workspaceId, form) {
        const adapter = adapters.get(platform);
        return adapter?.openForm ? adapter.openForm(workspaceId, form) : false;
      },
      async respond(platform, workspaceId, trigger, card) {
        const adapter = adapters.get(platform);
        return adapter?.respond ? adapter.respond(workspaceId, trigger, card) : false;
      },
    },
    adminUsers: config.adminUsers,
    links: { publicUrl: config.publicUrl, email: Boolean(config.mail || overrides.mail), web: config.publicUrlSet },
  };
  const bot = createBot(deps, features);
  const http = createHttpServer(logger);
  // Ready: migrations applied (the store opened), adapters and the outbox worker started, and the
  // database answering. Alive (/healthz) says only that the process and the database answer.
  let ready = false;
  http.route("GET", "/readyz", async () => {
    if (!ready) return json(503, { status: "starting" });
    const ok = await store.ping();
    return json(ok ? 200 : 503, { status: ok ? "ready" : "database unavailable", database: store.kind });
  });
  http.route("GET", "/healthz", async () => {
    const ok = await store.ping();
    return json(ok ? 200 : 503, { status: ok ? "ok" : "database unavailable", database: store.kind });
  });

  // The answer page for people invited by email (links carry a single-use token).
  mountAnswerPage(http, deps);
  // Fonts for the scripts the answer page and the playground show (public, like the page itself).
  mountWebFonts(http);

  // Acknowledged events a stop had no time for are sealed for the next start (core/handoff.ts).
  const secret = handoffSecret(config);
  const handoff = secret ? createHandoff(store.handoffs, createSeal(secret, "partnership-reflection/event-handoff"), logger) : null;
  const stopOptions = handoff ? { stopping: { withinMs: config.stopDrainMs, handoff: (events: BotEvent[]) => handoff.save(events) } } : {};

  if (config.slack.botToken || config.slack.clientId || config.slack.appToken) {
    try {
      // Loaded only when configured: Bolt and botbuilder are large, and most processes need one.
      const { createSlackAdapter } = await import("../adapters/slack/adapter.ts");
      adapters.set(
        "slack",
        createSlackAdapter({
          config: config.slack,
          store,
          http,
          bot,
          logger,
          ...stopOptions,
          rateTiers: overrides.slackRateTiers ?? true,
          ...(overrides.pacing?.slack ? { pacing: overrides.pacing.slack } : {}),
        }),
      );
    } catch (error) {
      await store.close();
      throw error;
    }
  }

  if (config.teams.appId || config.teams.allowUnauthenticated) {
    try {
      const { createTeamsAdapter } = await import("../adapters/teams/adapter.ts");
      adapters.set(
        "teams",
        createTeamsAdapter({
          config: config.teams,
          store,
          http,
          bot,
          logger,
          ...stopOptions,
          ...overrides.teams,
          ...(overrides.pacing?.teams ? { pacing: overrides.pacing.teams } : {}),
        }),
      );
    } catch (error) {
      await store.close();
      throw error;
    }
  }

  if (config.playground) {
    adapters.set("web", createWebAdapter({ store, clock }));
    const workspaceId = await seedPlayground(store);
    mountPlayground(http, { store, bot, clock, ids, workspaceId, token: config.playgroundToken, host: config.host });
  }

  const metrics = mountMetrics(
    http,
    {
      queueDepth: queuedEvents,
      outbox: () => store.outbox.progress(""),
      openRounds: async () => (await store.rounds.openRounds("pulse")).length + (await store.rounds.openRounds("rubric")).length,
    },
    { token: config.metricsToken },
  );
  http.observe((route, ms) => metrics.observeRequest(route, ms));
  const jobs = createJobRunner(allJobs(), deps, { owner: `${hostname()}:${process.pid}`, onRun: (job, status) => metrics.jobRun(job, status) });
  const scheduler = createScheduler(jobs, deps);
  let started = false;
  let stopping: Promise<void> | undefined;
  const control = mountControl(http, (request) => runCliRequest(app, request));

  const app: App = {
    config,
    deps,
    store,
    bot,
    http,
    adapters,
    outboxWorker,
    jobs,
    scheduler,
    async start() {
      const port = await http.listen(config.port, config.host);
      if (!config.databaseUrl && config.dataDir !== "memory://") control.publish(config.dataDir, port);
      for (const a of adapters.values()) await a.start();
      outboxWorker.start();
      ready = true;
      // What a stopped process handed off is handled in the background, once, after ready.
      if (handoff) void handoff.replay((event) => bot.handle(event)).catch((error) => logger.error("handing off replay failed", { error }));
      if (overrides.scheduler !== false) await scheduler.start();
      started = true;
      logger.info("bot started", { port, database: store.kind, platforms: [...adapters.keys()], playground: config.playground });
      return port;
    },
    stop() {
      stopping ??= (async () => {
        // Not ready any more: a load balancer stops sending new work while this one finishes.
        ready = false;
        control.unpublish();
        progress.stop();
        // The server closes while the adapters drain their queues: a Teams press held open for its
        // answer (up to 12 s) must not hold back the handoff of everything queued behind it.
        await Promise.all([
          started ? http.close() : Promise.resolve(),
          ...[...adapters.values()].map((a) => a.stop().catch((error) => logger.warn("adapter stop failed", { error }))),
        ]);
        await scheduler.stop();
        await outboxWorker.stop();
        await store.close();
        logger.info("bot stopped");
      })();
      return stopping;
    },
  };
  return app;
}
