/**
 * Start to ready on the embedded database: a real process (`src/main.ts`, as `npm start` runs it)
 * on a fresh data folder and on one that already exists, timed from spawn until GET /readyz answers
 * 200; then the process's resident memory after ten idle seconds. Targets (issue 17): ready under
 * 3 s, idle memory under 200 MB.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startBot } from "../test/fakes/process.ts";
import { type BenchResult, report } from "./stats.ts";

async function readyAfter(dataDir: string): Promise<{ ms: number; rssMb: number; stop: () => Promise<unknown> }> {
  const t0 = performance.now();
  const bot = startBot({ DATA_DIR: dataDir, LOG_LEVEL: "warn" });
  // The port is logged with "bot started" at info level; ask for it on the control file instead.
  let port = 0;
  for (;;) {
    try {
      port = (JSON.parse(readFileSync(join(dataDir, "control.json"), "utf8")) as { port: number }).port;
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (res.status === 200) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const ms = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 10_000));
  const status = readFileSync(`/proc/${bot.child.pid}/status`, "utf8");
  const rssMb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  return { ms, rssMb, stop: () => bot.stop() };
}

export async function benchStartup(): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), "reflect-startup-"));
  const results: BenchResult[] = [];
  try {
    const fresh = await readyAfter(dataDir);
    await fresh.stop();
    const again = await readyAfter(dataDir);
    await again.stop();
    const ready: BenchResult = {
      name: "startup (embedded PGlite)",
      metrics: { new_folder_ms: Math.round(fresh.ms), existing_folder_ms: Math.round(again.ms), idle_rss_mb: Math.round(again.rssMb) },
      target: "ready < 3000 ms, idle memory < 200 MB",
      pass: fresh.ms < 3000 && again.ms < 3000 && again.rssMb < 200,
    };
    report(ready);
    results.push(ready);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  return results;
}
