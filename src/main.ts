/**
 * Entry point of `npm start`: reads the configuration, starts the bot, and shuts down cleanly on
 * SIGTERM/SIGINT (stop taking events, finish in-flight work, close the database, exit within 10 s).
 */
import { loadConfig } from "./config.ts";
import { createApp } from "./app.ts";
import { isBotError } from "./core/errors.ts";
import { createJsonLogger } from "./core/logger.ts";

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  const logger = createJsonLogger({ level: config.logLevel });
  let app: Awaited<ReturnType<typeof createApp>>;
  try {
    app = await createApp(config, { logger });
  } catch (error) {
    if (isBotError(error)) {
      logger.error("start failed", { code: error.code });
      process.stderr.write(`\n${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const port = await app.start();
  if (config.playground) process.stderr.write(`\nPlayground: http://localhost:${port}/\n\n`);

  let exiting = false;
  const shutdown = (signal: string) => {
    if (exiting) return;
    exiting = true;
    logger.info("shutting down", { signal });
    const force = setTimeout(() => {
      logger.error("shutdown took longer than 10 s; exiting");
      process.exit(1);
    }, 10_000);
    force.unref();
    app.stop().then(
      () => process.exit(0),
      (error) => {
        logger.error("shutdown failed", { error });
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

void main();
