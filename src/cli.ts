/**
 * `npm run cli -- <command>`: operations that run outside the chat.
 *
 *   job list
 *   job run <name> [--at <ISO time>]   run the slot containing that time (default now); a slot
 *                                      that already ran does nothing the second time
 *
 * With the embedded PGlite the running bot owns the data folder, so the CLI asks it over a
 * local-only control endpoint instead (src/http/control.ts). With PostgreSQL it works directly.
 */
import { loadConfig } from "./config.ts";
import { createApp } from "./app.ts";
import { isBotError } from "./core/errors.ts";
import { createJsonLogger } from "./core/logger.ts";
import { callRunningBot } from "./http/control.ts";
import { CliUsageError, parseCli, runCliRequest, type CliRequest } from "./cli/run.ts";

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let request: CliRequest;
  try {
    request = parseCli(process.argv.slice(2));
  } catch (error) {
    if (error instanceof CliUsageError) fail(error.message);
    throw error;
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    fail((error as Error).message);
  }
  const logger = createJsonLogger({ level: config.logLevel === "info" ? "warn" : config.logLevel });
  // Long work says what it is doing before the answer comes (stderr, so stdout stays the result).
  if (request.command === "partners.import") {
    const rows = Math.max(0, (request.csv ?? "").split(/\r?\n/).filter((l) => l.trim()).length - 1);
    process.stderr.write(`Checking ${rows} rows of ${request.file}; nothing is imported unless every row is valid…\n`);
  } else if (request.command === "workspace.export") process.stderr.write("Preparing the export…\n");
  if (!config.databaseUrl) {
    const answer = await callRunningBot(config.dataDir, request);
    if (answer) {
      process.stdout.write(answer.output);
      process.exit(answer.ok ? 0 : 1);
    }
  }
  let app: Awaited<ReturnType<typeof createApp>>;
  try {
    app = await createApp(config, { logger, scheduler: false });
  } catch (error) {
    if (isBotError(error)) fail(error.message);
    throw error;
  }
  try {
    const { ok, output } = await runCliRequest(app, request);
    process.stdout.write(output);
    await app.stop();
    process.exit(ok ? 0 : 1);
  } catch (error) {
    await app.stop().catch(() => undefined);
    if (isBotError(error)) fail(error.message);
    throw error;
  }
}

void main();
