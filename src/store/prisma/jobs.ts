import type { PrismaClient } from "./generated/client.ts";
import type { Ids } from "../../core/ids.ts";
import type { JobRun, JobRunStatus, JobRunStore } from "../types.ts";

type Row = Awaited<ReturnType<PrismaClient["jobRun"]["findFirstOrThrow"]>>;

const toRun = (row: Row): JobRun => ({
  jobId: row.jobId,
  slot: row.slot,
  status: row.status as JobRunStatus,
  owner: row.owner,
  leaseUntil: row.leaseUntil,
  startedAt: row.startedAt,
  finishedAt: row.finishedAt,
  error: row.error,
});

export function createJobRunStore(prisma: PrismaClient, ids: Ids): JobRunStore {
  return {
    async claim(jobId, slot, owner, now, leaseMs) {
      const lease = new Date(now.getTime() + leaseMs);
      // Insert, or take over a run whose owner crashed (still "running" after its lease). The unique
      // (job_id, slot) index makes this atomic across replicas.
      const rows = await prisma.$queryRaw<{ job_id: string }[]>`
        INSERT INTO job_runs (id, job_id, slot, status, owner, lease_until, started_at)
        VALUES (${ids.uuid()}, ${jobId}, ${slot}, 'running', ${owner}, ${lease}, ${now})
        ON CONFLICT (job_id, slot) DO UPDATE
          SET owner = EXCLUDED.owner, lease_until = EXCLUDED.lease_until, started_at = EXCLUDED.started_at, error = NULL
          WHERE job_runs.status IN ('running', 'failed') AND job_runs.lease_until < ${now}
        RETURNING job_id`;
      if (rows.length === 0) return null;
      return { jobId, slot, status: "running", owner, leaseUntil: lease, startedAt: now, finishedAt: null, error: null };
    },
    async finish(jobId, slot, owner, now, error) {
      await prisma.jobRun.updateMany({
        where: { jobId, slot, owner },
        // A failed run keeps an expired lease so the next scheduler pass may retry it.
        data: error ? { status: "failed", error: error.slice(0, 2000), finishedAt: now, leaseUntil: now } : { status: "done", finishedAt: now },
      });
    },
    async get(jobId, slot) {
      const row = await prisma.jobRun.findUnique({ where: { jobId_slot: { jobId, slot } } });
      return row ? toRun(row) : null;
    },
    async latest(jobId) {
      const row = await prisma.jobRun.findFirst({ where: { jobId }, orderBy: { slot: "desc" } });
      return row ? toRun(row) : null;
    },
  };
}
