/**
 * Coded errors whose messages say how to fix the problem. The code is stable (tests and logs key
 * on it); the message is for the person running the bot.
 */
export type ErrorCode =
  | "CONFIG_INVALID"
  | "PROMPT_INVALID"
  | "MIGRATION_CHANGED"
  | "MIGRATION_FAILED"
  | "DATABASE_UNAVAILABLE"
  | "ADAPTER_NOT_CONFIGURED"
  | "ADAPTER_SEND_FAILED"
  | "JOB_UNKNOWN";

export class BotError extends Error {
  readonly code: ErrorCode;
  /** Whether retrying the same operation later may succeed (used by the outbox). */
  readonly retryable: boolean;
  /** For platform rate limits: how long to wait before the next attempt. */
  readonly retryAfterMs: number | undefined;

  constructor(code: ErrorCode, message: string, options: { retryable?: boolean; retryAfterMs?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "BotError";
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.retryAfterMs = options.retryAfterMs;
  }
}

export function isBotError(error: unknown, code?: ErrorCode): error is BotError {
  return error instanceof BotError && (code === undefined || error.code === code);
}
