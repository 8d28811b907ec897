/**
 * PGlite is a single-process database: two processes on one data folder would corrupt it. A pid
 * file refuses the second start with a clear message; a stale file (dead pid) is taken over.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BotError } from "../core/errors.ts";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function acquireDataDirLock(dataDir: string): () => void {
  const file = join(dataDir, "bot.pid");
  try {
    const pid = Number(readFileSync(file, "utf8").trim());
    if (pid && pid !== process.pid && alive(pid)) {
      throw new BotError(
        "DATABASE_UNAVAILABLE",
        `Another bot process (pid ${pid}) is using the embedded database in ${dataDir}. ` +
          `Stop it, choose another DATA_DIR, or set DATABASE_URL to share PostgreSQL between processes.`,
      );
    }
  } catch (error) {
    if (error instanceof BotError) throw error;
  }
  writeFileSync(file, String(process.pid));
  return () => {
    try {
      if (readFileSync(file, "utf8").trim() === String(process.pid)) rmSync(file);
    } catch {
      // already gone
    }
  };
}
