/**
 * Drives the job definitions with node-cron 4. Each task is `distributed` with a database-backed
 * RunCoordinator: a replica runs a slot only if it wins the (job, slot) row in the job-run ledger,
 * so each slot runs once across replicas and restarts. At start, missed slots inside each job's
 * catch-up window run once.
 */
import cron, { type RunCoordinator, type ScheduledTask } from "node-cron";
import type { BotDeps } from "../core/context.ts";
import type { JobRunner } from "./runner.ts";
import { slotsBetween } from "./slots.ts";

const floorMinute = (d: Date) => new Date(Math.floor(d.getTime() / 60_000) * 60_000);

export interface Scheduler {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Runs missed slots in each job's catch-up window (called by start). */
  catchUp(): Promise<number>;
}

/**
 * node-cron asks the coordinator before each slot with the key "<job id>:<slot ISO time>"; the
 * replica that inserts the ledger row for that job and slot runs it, the others skip.
 */
export function createLedgerCoordinator(runner: JobRunner): RunCoordinator {
  const byId = new Map(runner.jobs.map((j) => [j.id, j]));
  return {
    async shouldRun(key, ttlMs) {
      // An ISO time is 24 characters: "<id>:2026-11-21T03:00:00.000Z".
      const split = key.length - 25;
      if (split <= 0 || key[split] !== ":") return false;
      const job = byId.get(key.slice(0, split));
      const slot = new Date(key.slice(split + 1));
      if (!job || Number.isNaN(slot.getTime())) return false;
      return runner.claim(job, floorMinute(slot), Math.max(ttlMs, 60_000));
    },
  };
}

/** A breath between caught-up slots, so catching up never crowds out live requests. */
const CATCH_UP_PAUSE_MS = 25;

export function createScheduler(runner: JobRunner, deps: BotDeps): Scheduler {
  const log = deps.logger.child({ component: "scheduler" });
  const tasks: ScheduledTask[] = [];
  const inFlight = new Set<Promise<unknown>>();
  let stopped = false;

  const coordinator = createLedgerCoordinator(runner);

  const track = <T>(p: Promise<T>): Promise<T> => {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
    return p;
  };

  return {
    async catchUp() {
      let ran = 0;
      const now = deps.clock.now();
      for (const job of runner.jobs) {
        if (stopped) break;
        // A job owes nothing from before it first ran on this database (a new database catches up
        // nothing), and never more than its own window.
        const latest = await deps.store.jobs.latest(job.id);
        if (!latest) continue;
        const from = new Date(Math.max(now.getTime() - job.catchUpMs, latest.slot.getTime()));
        for (const slot of slotsBetween(job, from, now)) {
          if (stopped) break;
          const existing = await deps.store.jobs.get(job.id, slot);
          if (existing?.status === "done") continue;
          const outcome = await track(runner.runSlot(job, slot));
          if (outcome.status === "ran") ran++;
          // Paced: the bot is already taking traffic; missed slots yield to it.
          await new Promise((r) => setTimeout(r, CATCH_UP_PAUSE_MS));
        }
      }
      if (ran > 0) log.info("caught up missed job slots", { ran });
      return ran;
    },
    async start() {
      stopped = false;
      for (const job of runner.jobs) {
        const task = cron.schedule(
          job.cron,
          async (context) => {
            // The coordinator already claimed this slot for this replica.
            await track(runner.execute(job, floorMinute(context.date)));
          },
          { name: job.id, timezone: job.timezone, noOverlap: true, distributed: true, runCoordinator: coordinator },
        );
        tasks.push(task);
      }
      log.info("scheduler started", { jobs: runner.jobs.map((j) => j.id) });
      // Missed slots are caught up in the background, after the bot is ready (app.start).
      void track(this.catchUp().catch((error) => log.error("catch-up failed", { error })));
    },
    async stop() {
      stopped = true;
      for (const t of tasks) await t.destroy();
      tasks.length = 0;
      await Promise.allSettled([...inFlight]);
    },
  };
}
