/**
 * The shared HTTP server: adapters mount their routes (POST /slack/events, POST /api/messages,
 * the playground), plus GET /healthz. Transport only; no bot logic here.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Logger } from "../core/logger.ts";

export interface HttpRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  /** The raw body (Slack signatures are computed over the exact bytes). */
  body: Buffer;
  raw: IncomingMessage;
}

export interface HttpResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

type RouteHandler = (req: HttpRequest, res: ServerResponse) => Promise<HttpResponse | undefined | void>;

export interface HttpServer {
  route(method: string, path: string, handler: RouteHandler): void;
  /** Routes whose path starts with a prefix (static files). */
  prefix(method: string, prefix: string, handler: RouteHandler): void;
  /** Listens on the port (0: any free one) and address; resolves with the port. */
  listen(port: number, host?: string): Promise<number>;
  /** Called with each request's route and how long it took to answer (metrics). */
  observe(observer: (route: string, ms: number) => void): void;
  /** Stops accepting connections; resolves when open requests have finished. */
  close(): Promise<void>;
  readonly server: Server;
}

const MAX_BODY = 1024 * 1024;

export function createHttpServer(logger: Logger): HttpServer {
  const exact = new Map<string, RouteHandler>();
  const prefixes: { method: string; prefix: string; handler: RouteHandler }[] = [];
  const log = logger.child({ component: "http" });

  const server = createServer((req, res) => {
    void handle(req, res);
  });
  server.keepAliveTimeout = 5000;

  async function readBody(req: IncomingMessage): Promise<Buffer | null> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY) return null;
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  }

  let observer: ((route: string, ms: number) => void) | undefined;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (observer) {
      const started = performance.now();
      const watch = observer;
      res.once("finish", () => watch(url.pathname, performance.now() - started));
    }
    const method = (req.method ?? "GET").toUpperCase();
    const handler = exact.get(`${method} ${url.pathname}`) ?? prefixes.find((p) => p.method === method && url.pathname.startsWith(p.prefix))?.handler;
    try {
      if (!handler) {
        const known = [...exact.keys()].some((k) => k.endsWith(` ${url.pathname}`));
        send(res, { status: known ? 405 : 404, headers: { "content-type": "text/plain" }, body: known ? "Method not allowed" : "Not found" });
        return;
      }
      const body = await readBody(req);
      if (body === null) {
        send(res, { status: 413, headers: { "content-type": "text/plain" }, body: "Request body too large" });
        return;
      }
      const result = await handler({ method, path: url.pathname, query: url.searchParams, headers: req.headers, body, raw: req }, res);
      if (result && !res.headersSent) send(res, result);
    } catch (error) {
      // Answer links carry a person's token: it never goes to the logs.
      log.error("request failed", { path: url.pathname.replace(/^\/answer\/[^/]+/, "/answer/…"), error });
      if (!res.headersSent) send(res, { status: 500, headers: { "content-type": "text/plain" }, body: "Internal error" });
      else res.end();
    }
  }

  function send(res: ServerResponse, r: HttpResponse): void {
    res.writeHead(r.status, r.headers ?? {});
    res.end(r.body ?? "");
  }

  return {
    server,
    route(method, path, handler) {
      exact.set(`${method.toUpperCase()} ${path}`, handler);
    },
    prefix(method, prefix, handler) {
      prefixes.push({ method: method.toUpperCase(), prefix, handler });
    },
    observe(fn) {
      observer = fn;
    },
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          const address = server.address();
          resolve(typeof address === "object" && address ? address.port : port);
        });
      });
    },
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
    },
  };
}

export const json = (status: number, value: unknown): HttpResponse => ({
  status,
  headers: { "content-type": "application/json; charset=utf-8" },
  body: JSON.stringify(value),
});
