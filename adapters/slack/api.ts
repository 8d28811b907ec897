/**
 * Slack Web API calls with bounded time and no hidden retries: the outbox owns retries and
 * pacing, so a rate limit or a 5xx becomes a retryable BotError (with Retry-After), and a
 * permanent error (channel_not_found, invalid_auth…) a non-retryable one.
 */
import { ErrorCode, LogLevel, WebClient } from "@slack/web-api";
import { BotError } from "../../src/core/errors.ts";

const RETRYABLE = new Set(["ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout", "team_added_to_org"]);

export interface SlackApi {
  client(token: string): WebClient;
  call<T = Record<string, unknown>>(token: string, method: string, args: Record<string, unknown>): Promise<T>;
}

export function createSlackApi(options: { apiUrl?: string | undefined; timeoutMs?: number } = {}): SlackApi {
  const clients = new Map<string, WebClient>();
  const client = (token: string) => {
    let c = clients.get(token);
    if (!c) {
      c = new WebClient(token, {
        ...(options.apiUrl ? { slackApiUrl: options.apiUrl.endsWith("/") ? options.apiUrl : `${options.apiUrl}/` } : {}),
        retryConfig: { retries: 0 },
        rejectRateLimitedCalls: true,
        timeout: options.timeoutMs ?? 10_000,
        logLevel: LogLevel.ERROR,
      });
      clients.set(token, c);
    }
    return c;
  };
  return {
    client,
    async call<T>(token: string, method: string, args: Record<string, unknown>): Promise<T> {
      try {
        return (await client(token).apiCall(method, args)) as T;
      } catch (error) {
        throw toBotError(method, error);
      }
    },
  };
}

function toBotError(method: string, error: unknown): BotError {
  const e = error as { code?: string; retryAfter?: number; data?: { error?: string }; statusCode?: number; message?: string };
  if (e.code === ErrorCode.RateLimitedError) {
    return new BotError("ADAPTER_SEND_FAILED", `Slack ${method}: rate limited`, { retryable: true, retryAfterMs: (e.retryAfter ?? 1) * 1000, cause: error });
  }
  if (e.code === ErrorCode.PlatformError) {
    const code = e.data?.error ?? "unknown_error";
    return new BotError("ADAPTER_SEND_FAILED", `Slack ${method}: ${code}`, { retryable: RETRYABLE.has(code), cause: error });
  }
  // Network errors, timeouts and HTTP 5xx: try again later.
  return new BotError("ADAPTER_SEND_FAILED", `Slack ${method}: ${e.message ?? String(error)}`, { retryable: true, cause: error });
}

export const slackErrorCode = (error: unknown): string | undefined => /: ([a-z_]+)$/.exec((error as Error)?.message ?? "")?.[1];
