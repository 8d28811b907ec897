/** The job-run ledger: one row per job and slot. */

export type JobRunStatus = "running" | "done" | "failed";

export interface JobRun {
  jobId: string;
  slot: Date;
  status: JobRunStatus;
  owner: string;
  leaseUntil: Date;
  startedAt: Date;
  finishedAt: Date | null;
  error: string | null;
}

export interface JobRunStore {
  /**
   * Claims a job slot. Succeeds when no row exists, or when a previous owner's lease expired
   * before finishing (it crashed). Returns null when another instance has it or it is done.
   */
  claim(jobId: string, slot: Date, owner: string, now: Date, leaseMs: number): Promise<JobRun | null>;
  finish(jobId: string, slot: Date, owner: string, now: Date, error?: string): Promise<void>;
  get(jobId: string, slot: Date): Promise<JobRun | null>;
  latest(jobId: string): Promise<JobRun | null>;
}
