/** Bolt's logger interface over the bot's structured logger (Bolt's own messages become debug lines). */
import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import type { Logger } from "../../src/core/logger.ts";

export function boltLogger(log: Logger): BoltLogger {
  let level = LogLevel.WARN;
  const text = (args: unknown[]) => args.map((a) => (a instanceof Error ? a.message : typeof a === "string" ? a : JSON.stringify(a))).join(" ");
  return {
    debug: (...args) => log.debug("bolt", { detail: text(args) }),
    info: (...args) => log.debug("bolt", { detail: text(args) }),
    warn: (...args) => log.warn("bolt", { detail: text(args) }),
    // Bolt reports malformed payloads as errors; they are not ours to alarm on.
    error: (...args) => log.warn("bolt error", { detail: text(args) }),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
