/**
 * Slot arithmetic over cron expressions with node-cron's own matcher, so the CLI, catch-up and the
 * live scheduler agree on what "the slot containing this time" is.
 */
import cron from "node-cron";
import type { JobDefinition } from "./types.ts";

const MINUTE = 60_000;
/** A monthly job's slots can be 31 days apart. */
const MAX_LOOKBACK_MINUTES = 32 * 24 * 60;

interface SlotMatcher {
  match(date: Date): boolean;
}

const matchers = new Map<string, SlotMatcher>();

function matcherFor(job: Pick<JobDefinition, "id" | "cron" | "timezone">): SlotMatcher {
  const key = `${job.cron}|${job.timezone}`;
  let m = matchers.get(key);
  if (!m) {
    const task = cron.createTask(job.cron, () => undefined, { timezone: job.timezone, name: `slots:${key}` });
    m = { match: (d) => task.match(d) };
    matchers.set(key, m);
  }
  return m;
}

const floorMinute = (d: Date) => new Date(Math.floor(d.getTime() / MINUTE) * MINUTE);

/** The latest slot at or before `at` (the slot that contains it). */
export function slotContaining(job: Pick<JobDefinition, "id" | "cron" | "timezone">, at: Date): Date {
  const m = matcherFor(job);
  let t = floorMinute(at);
  for (let i = 0; i <= MAX_LOOKBACK_MINUTES; i++) {
    if (m.match(t)) return t;
    t = new Date(t.getTime() - MINUTE);
  }
  throw new Error(`cron "${job.cron}" of job ${job.id} has no slot in the 32 days before ${at.toISOString()}`);
}

/** Slots in (from, to], oldest first. */
export function slotsBetween(job: Pick<JobDefinition, "id" | "cron" | "timezone">, from: Date, to: Date): Date[] {
  const m = matcherFor(job);
  const out: Date[] = [];
  for (let t = floorMinute(to); t.getTime() > from.getTime(); t = new Date(t.getTime() - MINUTE)) {
    if (m.match(t)) out.push(t);
  }
  return out.reverse();
}
