/** The CLI's commands, shared by `npm run cli` and the control endpoint of a running bot. */
import { readFileSync } from "node:fs";
import type { App } from "../app.ts";
import { slotContaining } from "../jobs/slots.ts";
import { importPartnerships } from "../reviews/import.ts";
import type { Workspace } from "../store/types.ts";
import { exportWorkspace } from "../workspace/export.ts";

export interface CliRequest {
  command: "job.list" | "job.run" | "partners.import" | "workspace.list" | "workspace.export";
  job?: string;
  at?: string;
  /** partners import: the file's name and content, and the workspace to import into. */
  file?: string;
  csv?: string;
  workspace?: string;
}

const usage = `Usage:
  npm run cli -- job list
  npm run cli -- job run <name> [--at <ISO time>]
  npm run cli -- partners import <file.csv> [--workspace <id, e.g. slack:T0123>]
  npm run cli -- workspace list
  npm run cli -- workspace export [--workspace <id>]   (JSON on standard output)`;

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
  if (area === "partners" && verb === "import") {
    const file = rest[0];
    if (!file || file.startsWith("--")) throw new CliUsageError(`Name the CSV file to import.\n${usage}`);
    let csv: string;
    try {
      csv = readFileSync(file, "utf8");
    } catch (error) {
      throw new CliUsageError(`Cannot read ${file}: ${(error as Error).message}`);
    }
    const w = rest.indexOf("--workspace");
    const workspace = w >= 0 ? rest[w + 1] : undefined;
    if (w >= 0 && !workspace) throw new CliUsageError("--workspace needs a workspace id, e.g. --workspace slack:T0123ABCD");
    return { command: "partners.import", file, csv, ...(workspace ? { workspace } : {}) };
  }
  if (area === "workspace" && verb === "list") return { command: "workspace.list" };
  if (area === "workspace" && verb === "export") {
    const w = rest.indexOf("--workspace");
    const workspace = w >= 0 ? rest[w + 1] : undefined;
    if (w >= 0 && !workspace) throw new CliUsageError("--workspace needs a workspace id, e.g. --workspace teams:72f988bf-…");
    return { command: "workspace.export", ...(workspace ? { workspace } : {}) };
  }
  throw new CliUsageError(usage);
}

/** Shared by the CLI and the control endpoint of a running bot. */
export async function runCliRequest(app: App, request: CliRequest): Promise<{ ok: boolean; output: string }> {
  if (request.command === "job.list") {
    return { ok: true, output: app.jobs.jobs.map((j) => `${j.id.padEnd(20)} ${j.cron.padEnd(14)} ${j.timezone.padEnd(6)} ${j.description}`).join("\n") + "\n" };
  }
  if (request.command === "partners.import") return runImport(app, request);
  if (request.command === "workspace.list") {
    const lines = (await app.store.workspaces.list()).map((w) =>
      `${w.id.padEnd(40)} ${(w.name || "-").padEnd(24)} ${w.deletion ? `deletion after ${w.deletion.after.toISOString().slice(0, 10)} (${w.deletion.reason})` : ""}`.trimEnd(),
    );
    return { ok: true, output: `${lines.join("\n")}\n` };
  }
  if (request.command === "workspace.export") {
    const picked = await pickWorkspace(app, request.workspace, "export");
    if ("error" in picked) return { ok: false, output: picked.error };
    const document = await exportWorkspace(app.deps, picked, picked.locale, "cli");
    return { ok: true, output: `${JSON.stringify(document, null, 2)}\n` };
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

/** The named workspace, or the only real one when none is named. */
async function pickWorkspace(app: App, id: string | undefined, verb: string): Promise<Workspace | { error: string }> {
  const all = await app.store.workspaces.list();
  const real = all.filter((w) => w.platform !== "web");
  const workspace = id ? all.find((w) => w.id === id) : real.length === 1 ? real[0] : real.length === 0 && all.length === 1 ? all[0] : undefined;
  if (workspace) return workspace;
  const known = all.map((w) => w.id).join(", ") || "none yet";
  return { error: `${id ? `There is no workspace ${id}.` : `Say which workspace to ${verb} with --workspace <id>.`} Workspaces: ${known}\n` };
}

async function runImport(app: App, request: CliRequest): Promise<{ ok: boolean; output: string }> {
  const workspace = await pickWorkspace(app, request.workspace, "import into");
  if ("error" in workspace) return { ok: false, output: workspace.error };
  const report = await importPartnerships(app.deps, workspace, request.csv ?? "", "cli");
  if (report.rejected.length > 0) {
    const lines = report.rejected.map((r) => `  row ${r.row}: ${r.reason}`).join("\n");
    return { ok: false, output: `Nothing was imported: ${report.rejected.length} row(s) need fixing in ${request.file ?? "the file"}:\n${lines}\n` };
  }
  return { ok: true, output: `Imported ${report.imported} partnerships into ${workspace.id}.\n` };
}
