/**
 * Who may talk to the playground. The playground lets its caller act as any persona, including an
 * admin, so every request passes this guard before a route runs:
 * - with PLAYGROUND_TOKEN set, the request carries the token (header `x-playground-token`, or the
 *   cookie the page sets when opened as `/?token=…`);
 * - without a token, the Host header must name a loopback address, so a web page elsewhere cannot
 *   reach the port by pointing its own domain at 127.0.0.1 (DNS rebinding);
 * - a POST is `application/json` and, when the browser sends an Origin, from the page's own origin:
 *   a cross-site form (`text/plain`) or a script on another site is refused before any parsing.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { HttpRequest, HttpResponse } from "../../src/http/server.ts";

export interface PlaygroundGuardOptions {
  /** Required on every request when set (PLAYGROUND_TOKEN). */
  token?: string | undefined;
  /** The address the server listens on (HOST), accepted in the Host header besides loopback names. */
  host?: string | undefined;
}

/** The cookie the page carries after it was opened with `?token=`. */
export const TOKEN_COOKIE = "playground_token";
const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

function refuse(status: number, error: string): HttpResponse {
  return { status, headers: { "content-type": "application/json; charset=utf-8" }, body: JSON.stringify({ error }) };
}

function sameSecret(given: string, expected: string): boolean {
  // Hash both sides so the comparison is constant-time whatever the lengths.
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

function cookie(req: HttpRequest, name: string): string | undefined {
  const header = req.headers.cookie ?? "";
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

function hostName(hostHeader: string | undefined): string {
  if (!hostHeader) return "";
  const bracket = /^(\[[^\]]+\])(?::\d+)?$/.exec(hostHeader);
  if (bracket) return bracket[1]!.toLowerCase();
  return hostHeader.replace(/:\d+$/, "").toLowerCase();
}

/** Creates the check every playground route runs first; it returns a refusal, or null to go on. */
export function createPlaygroundGuard(options: PlaygroundGuardOptions) {
  const { token } = options;
  const allowedHosts = new Set(LOOPBACK_NAMES);
  if (options.host && options.host !== "0.0.0.0" && options.host !== "::") allowedHosts.add(options.host.toLowerCase());

  /** The token the request carries, from the header, the cookie or (first page load) the query. */
  function presented(req: HttpRequest): string | undefined {
    const header = req.headers["x-playground-token"];
    if (typeof header === "string") return header;
    return cookie(req, TOKEN_COOKIE) ?? (req.method === "GET" && req.path === "/" ? (req.query.get("token") ?? undefined) : undefined);
  }

  return function check(req: HttpRequest): HttpResponse | null {
    if (token) {
      const given = presented(req);
      if (!given || !sameSecret(given, token)) {
        return refuse(401, "This playground needs its token: open it as /?token=<PLAYGROUND_TOKEN>, or send the x-playground-token header.");
      }
    } else if (!allowedHosts.has(hostName(req.headers.host))) {
      return refuse(403, `The playground answers only on a loopback address (for example http://127.0.0.1); this request was for "${req.headers.host ?? ""}".`);
    }
    if (req.method !== "GET") {
      const type = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
      if (type !== "application/json") return refuse(415, 'The playground accepts only JSON: send "content-type: application/json".');
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== `http://${req.headers.host}` && origin !== `https://${req.headers.host}`) {
        return refuse(403, `Requests from another site are refused (origin "${origin}").`);
      }
    }
    return null;
  };
}

/** The Set-Cookie value that lets the page's scripts and calls carry the token after `/?token=`. */
export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`;
}
