/**
 * The secret that seals handed-off events (src/core/handoff.ts). It must not be in the database
 * and, with several replicas, must be the same in each: a platform secret the operator already
 * sets for every replica (INSTALLATION_KEY, the Slack signing secret or app token, the Teams app
 * password). The embedded database with none of those (the playground) keeps a random key in a
 * file beside the data folder's database, mode 0600; the in-memory database uses a key of its own
 * life. With PostgreSQL and no platform secret there is nothing to share: null, and a stop keeps
 * handling its queue instead of handing it off.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "./config.ts";

export function handoffSecret(config: Config): string | Buffer | null {
  const shared = config.slack.installationKey ?? config.slack.signingSecret ?? config.slack.appToken ?? config.teams.appPassword;
  if (shared) return shared;
  if (config.databaseUrl) return null;
  if (config.dataDir.startsWith("memory://")) return randomBytes(32);
  const file = join(config.dataDir, "handoff.key");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
  return readFileSync(file, "utf8").trim();
}
