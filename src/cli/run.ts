/** The CLI's commands, shared by `npm run cli` and the control endpoint of a running bot. */
import type { App } from "../app.ts";
import { slotContaining } from "../jobs/slots.ts";

export interface CliRequest {
  command: "job.list" | "job.run";
  job?: string;
  at?: string;
}

export const usage = `Usage:
  npm run cli -- job list
  npm run cli -- job run <name> [--at <ISO time>]`;

export class CliUsageError extends Error {}

export function parseCli(argv: string[]): CliRequest {
  const [area, verb, ...rest] = argv;
  if (area === "job" && verb === "list") return { command: "job.list" };
  if (area === "job" && verb === "run") {
    const job = rest[0];
    if (!job || job.startsWith("--")) throw new CliUsageError(`Name the job to run.\n${usage}`);
    let at: string | undefined;
    const i = rest.indexOf("--at");
    if (i >= 0) {
      at = rest[i + 1];
      if (!at || Number.isNaN(new Date(at).getTime())) throw new CliUsageError(`--at needs an ISO time, e.g. --at 2027-03-01T09:00:00Z (got "${at ?? ""}")`);
    }
    return { command: "job.run", job, ...(at ? { at } : {}) };
  }
  throw new CliUsageError(usage);
}

/** Shared by the CLI and the control endpoint of a running bot. */
export async function runCliRequest(app: App, request: CliRequest): Promise<{ ok: boolean; output: string }> {
  if (request.command === "job.list") {
    return { ok: true, output: app.jobs.jobs.map((j) => `${j.id.padEnd(20)} ${j.cron.padEnd(14)} ${j.timezone.padEnd(6)} ${j.description}`).join("\n") + "\n" };
  }
  const job = app.jobs.get(request.job!);
  const at = request.at ? new Date(request.at) : app.deps.clock.now();
  const slot = slotContaining(job, at);
  const outcome = await app.jobs.runSlot(job, slot);
  await app.outboxWorker.drain();
  switch (outcome.status) {
    case "ran":
      return { ok: true, output: `${job.id} ran for slot ${slot.toISOString()}: ${JSON.stringify(outcome.result)}\n` };
    case "skipped":
      return { ok: true, output: `${job.id} slot ${slot.toISOString()} ${outcome.reason === "already-run" ? "already ran; nothing to do" : "is running in another process"}\n` };
    case "failed":
      return { ok: false, output: `${job.id} slot ${slot.toISOString()} failed: ${outcome.error}\n` };
  }
}

