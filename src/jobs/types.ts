import type { BotDeps } from "../core/context.ts";
import type { Logger } from "../core/logger.ts";

/** What a job handler gets. `slot` is the scheduled time it runs for: use it, not the clock, as "now". */
interface JobContext {
  slot: Date;
  deps: BotDeps;
  logger: Logger;
}

/** Counts a job reports (logged and printed by the CLI). */
export type JobResult = Record<string, number>;

/** A job as data (cal.com style): id, schedule, handler. Handlers must be idempotent per slot. */
export interface JobDefinition {
  id: string;
  /** node-cron expression (minute hour day month weekday). */
  cron: string;
  /** Time zone of the cron expression. */
  timezone: string;
  /** Missed slots newer than this run once at start (ms). */
  catchUpMs: number;
  description: string;
  handler(ctx: JobContext): Promise<JobResult>;
}
