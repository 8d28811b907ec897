/**
 * A local-only control endpoint so `npm run cli` works while the bot runs on the embedded PGlite
 * (which only one process may open). The running bot writes DATA_DIR/control.json (mode 0600)
 * with its port and a random token; the CLI reads it and calls POST /internal/cli on 127.0.0.1.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { CliRequest } from "../cli/run.ts";
import { json, type HttpServer } from "./server.ts";

const controlFile = (dataDir: string) => join(dataDir, "control.json");
const requestSchema = z.object({
  command: z.enum(["job.list", "job.run", "partners.import"]),
  job: z.string().max(100).optional(),
  at: z.string().max(40).optional(),
  file: z.string().max(500).optional(),
  csv: z.string().max(900_000).optional(),
  workspace: z.string().max(200).optional(),
});

export function mountControl(
  http: HttpServer,
  run: (request: CliRequest) => Promise<{ ok: boolean; output: string }>,
): { publish(dataDir: string, port: number): void; unpublish(): void } {
  const token = randomBytes(24).toString("hex");
  let published: string | undefined;
  http.route("POST", "/internal/cli", async (req) => {
    const remote = req.raw.socket.remoteAddress ?? "";
    const given = Buffer.from(String(req.headers.authorization ?? "").replace(/^Bearer /, ""));
    const expected = Buffer.from(token);
    const loopback = remote === "127.0.0.1" || remote === "::1" || remote === "::ffff:127.0.0.1";
    if (!loopback || given.length !== expected.length || !timingSafeEqual(given, expected)) return json(403, { error: "forbidden" });
    const parsed = requestSchema.safeParse(JSON.parse(req.body.toString("utf8") || "null"));
    if (!parsed.success) return json(400, { error: "bad request" });
    const request = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined)) as unknown as CliRequest;
    try {
      return json(200, await run(request));
    } catch (error) {
      return json(200, { ok: false, output: `${(error as Error).message}\n` });
    }
  });
  return {
    publish(dataDir, port) {
      published = controlFile(dataDir);
      writeFileSync(published, JSON.stringify({ port, token, pid: process.pid }), { mode: 0o600 });
    },
    unpublish() {
      if (published) rmSync(published, { force: true });
    },
  };
}

/** Returns the running bot's answer, or null when no bot is running on this data folder. */
export async function callRunningBot(dataDir: string, request: CliRequest): Promise<{ ok: boolean; output: string } | null> {
  let info: { port: number; token: string };
  try {
    info = JSON.parse(readFileSync(controlFile(dataDir), "utf8"));
  } catch {
    return null;
  }
  try {
    const res = await fetch(`http://127.0.0.1:${info.port}/internal/cli`, {
      method: "POST",
      headers: { authorization: `Bearer ${info.token}`, "content-type": "application/json" },
      body: JSON.stringify(request),
    });
    if (!res.ok) return null;
    return (await res.json()) as { ok: boolean; output: string };
  } catch {
    return null;
  }
}
