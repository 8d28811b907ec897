/**
 * A Bolt receiver on the shared HTTP server (transport only): POST /slack/events verifies the
 * signature and timestamp (401 otherwise), answers url_verification, and hands the body to Bolt
 * with an `ack` that writes the HTTP response at once. Listeners ack first and work afterwards, so
 * Slack gets its answer well within 3 seconds; a listener that forgets is answered at 2.5 s.
 */
import type { App, Receiver, ReceiverEvent } from "@slack/bolt";
import { verifySlackRequest } from "@slack/bolt";
import type { ServerResponse } from "node:http";
import type { Logger } from "../../src/core/logger.ts";
import type { HttpRequest, HttpServer } from "../../src/http/server.ts";

const ACK_DEADLINE_MS = 2500;

function parseSlackBody(req: HttpRequest): Record<string, unknown> | null {
  const raw = req.body.toString("utf8");
  const type = String(req.headers["content-type"] ?? "");
  try {
    if (type.includes("application/json")) {
      const json = JSON.parse(raw) as unknown;
      return json && typeof json === "object" && !Array.isArray(json) ? (json as Record<string, unknown>) : null;
    }
    const form = Object.fromEntries(new URLSearchParams(raw));
    if (typeof form.payload === "string") {
      const payload = JSON.parse(form.payload) as unknown;
      return payload && typeof payload === "object" && !Array.isArray(payload) ? (payload as Record<string, unknown>) : null;
    }
    return form;
  } catch {
    return null;
  }
}

export class SharedServerReceiver implements Receiver {
  private app: App | undefined;

  constructor(
    readonly http: HttpServer,
    private readonly options: {
      signingSecret: string;
      logger: Logger;
      path?: string;
      now?: () => number;
      /** zod-checked recognition of the payload; anything else is acknowledged and dropped before Bolt sees it. */
      recognise?: (body: Record<string, unknown>) => boolean;
    },
  ) {
    http.route("POST", options.path ?? "/slack/events", (req, res) => this.handle(req, res));
  }

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  private async handle(req: HttpRequest, res: ServerResponse) {
    const body = req.body.toString("utf8");
    const signature = String(req.headers["x-slack-signature"] ?? "");
    const timestamp = Number(req.headers["x-slack-request-timestamp"] ?? 0);
    try {
      verifySlackRequest({
        signingSecret: this.options.signingSecret,
        body,
        headers: { "x-slack-signature": signature, "x-slack-request-timestamp": timestamp },
        ...(this.options.now ? { nowMilliseconds: this.options.now() } : {}),
      });
    } catch {
      return { status: 401, headers: { "content-type": "text/plain" }, body: "invalid signature" };
    }
    const parsed = parseSlackBody(req);
    if (!parsed) return { status: 400, headers: { "content-type": "text/plain" }, body: "unreadable body" };
    if (parsed.type === "url_verification" && typeof parsed.challenge === "string") {
      return { status: 200, headers: { "content-type": "application/json" }, body: JSON.stringify({ challenge: parsed.challenge }) };
    }
    if (parsed.ssl_check) return { status: 200, body: "" };
    if (!this.app) return { status: 503, body: "not ready" };
    if (this.options.recognise && !this.options.recognise(parsed)) {
      this.options.logger.debug("slack payload not recognised; acknowledged and dropped");
      return { status: 200, body: "" };
    }

    let acked = false;
    const respond = (status: number, payload?: unknown) => {
      if (acked || res.headersSent) return;
      acked = true;
      if (payload === undefined || payload === null || payload === "") {
        res.writeHead(status);
        res.end();
      } else {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(typeof payload === "string" ? JSON.stringify({ text: payload }) : JSON.stringify(payload));
      }
    };
    const timer = setTimeout(() => {
      if (!acked) this.options.logger.warn("slack listener did not ack in time; answered 200", { type: String(parsed.type ?? parsed.command ?? "") });
      respond(200);
    }, ACK_DEADLINE_MS);
    const retryNum = Number(req.headers["x-slack-retry-num"] ?? 0) || undefined;
    const event: ReceiverEvent = {
      body: parsed,
      ...(retryNum ? { retryNum, retryReason: String(req.headers["x-slack-retry-reason"] ?? "") } : {}),
      ack: async (response?: unknown) => respond(200, response),
    };
    try {
      await this.app.processEvent(event);
    } catch (error) {
      // Unknown payload types (no listener) and listener errors: Slack still gets its 200.
      this.options.logger.debug("slack event not processed", { error });
    } finally {
      clearTimeout(timer);
      respond(200);
    }
    return undefined;
  }
}
