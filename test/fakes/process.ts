/**
 * Starts the bot as a real process exactly as `npm start` does (the package.json script: the
 * build if stale, then node with its flags on dist/main.mjs) and watches its output.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** The node arguments of `npm start` ("node --flag dist/main.mjs" → ["--flag", "dist/main.mjs"]), after building once. */
let startArgs: string[] | undefined;
export function npmStartArgs(): string[] {
  if (startArgs) return startArgs;
  const script = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: { start: string } }).scripts.start;
  const steps = script.split("&&").map((s) => s.trim().split(/\s+/));
  for (const step of steps.slice(0, -1)) execFileSync(process.execPath, step.slice(1), { cwd: root, stdio: "ignore" });
  const last = steps.at(-1)!;
  if (last[0] !== "node") throw new Error(`npm start should end with a node command: ${script}`);
  startArgs = last.slice(1);
  return startArgs;
}

export interface BotProcess {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the port once the bot logs "bot started". */
  started: Promise<number>;
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; ms: number }>;
}

export function startBot(env: Record<string, string>, timeoutMs = 60_000): BotProcess {
  const child = spawn(process.execPath, npmStartArgs(), {
    cwd: root,
    env: { ...process.env, PORT: "0", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const started = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bot did not start in ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /"msg":"bot started","port":(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`bot exited with ${code} before starting:\n${out}`));
    });
  });
  started.catch(() => undefined);
  return {
    child,
    output: () => out,
    started,
    exited,
    async stop(signal = "SIGTERM") {
      const t0 = Date.now();
      if (child.exitCode === null) child.kill(signal);
      const code = await exited;
      return { code, ms: Date.now() - t0 };
    },
  };
}
