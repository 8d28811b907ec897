/**
 * Runs one job slot under the job-run ledger: claim (unique per job and slot), run, record the
 * outcome. Used by the live scheduler, the catch-up at start and `npm run cli -- job run`.
 */
import type { BotDeps } from "../core/context.ts";
import { BotError } from "../core/errors.ts";
import type { JobDefinition, JobResult } from "./types.ts";

type SlotOutcome = { status: "ran"; result: JobResult } | { status: "skipped"; reason: "already-run" | "running-elsewhere" } | { status: "failed"; error: string };

export interface JobRunner {
  jobs: JobDefinition[];
  get(id: string): JobDefinition;
  /** Claims and runs a slot: the CLI and catch-up path. */
  runSlot(job: JobDefinition, slot: Date): Promise<SlotOutcome>;
  /** Claims a slot's ledger row; false when another instance has it or it is done. */
  claim(job: JobDefinition, slot: Date, leaseMs?: number): Promise<boolean>;
  /** Runs an already-claimed slot and records the outcome. */
  execute(job: JobDefinition, slot: Date): Promise<SlotOutcome>;
}

export function createJobRunner(
  jobs: JobDefinition[],
  deps: BotDeps,
  options: { owner: string; leaseMs?: number; onRun?: (job: string, status: "ran" | "failed" | "skipped") => void },
): JobRunner {
  const leaseMs = options.leaseMs ?? 10 * 60_000;
  const byId = new Map(jobs.map((j) => [j.id, j]));
  return {
    jobs,
    get(id) {
      const job = byId.get(id);
      if (!job) {
        throw new BotError("JOB_UNKNOWN", `There is no job "${id}". Jobs: ${[...byId.keys()].join(", ")}`);
      }
      return job;
    },
    async claim(job, slot, lease = leaseMs) {
      return (await deps.store.jobs.claim(job.id, slot, options.owner, deps.clock.now(), lease)) !== null;
    },
    async execute(job, slot) {
      const logger = deps.logger.child({ component: "jobs", job: job.id, slot: slot.toISOString() });
      try {
        const result = await job.handler({ slot, deps, logger });
        await deps.store.jobs.finish(job.id, slot, options.owner, deps.clock.now());
        logger.info("job slot done", { result });
        options.onRun?.(job.id, "ran");
        return { status: "ran", result };
      } catch (error) {
        const message = (error as Error).message ?? String(error);
        await deps.store.jobs.finish(job.id, slot, options.owner, deps.clock.now(), message).catch(() => undefined);
        logger.error("job slot failed", { error });
        options.onRun?.(job.id, "failed");
        return { status: "failed", error: message };
      }
    },
    async runSlot(job, slot) {
      if (!(await this.claim(job, slot))) {
        const existing = await deps.store.jobs.get(job.id, slot);
        options.onRun?.(job.id, "skipped");
        return { status: "skipped", reason: existing?.status === "done" ? "already-run" : "running-elsewhere" };
      }
      return this.execute(job, slot);
    },
  };
}
