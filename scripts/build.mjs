// `npm run build` (and `npm start`, and `npm install`): bundles the bot's TypeScript into
// dist/main.mjs with esbuild, node_modules left as imports. Running the bundle with plain Node
// saves the TypeScript loader's thread and memory (about 40 MB) and its start-up time.
// With --if-stale it does nothing when dist/ is newer than every source file, so `npm start`
// after a `git pull` or an edit always runs the current code.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "dist");
const entry = join(out, "main.mjs");
const sources = ["src", "adapters", "package.json", "package-lock.json"].map((p) => join(root, p));
// Copied beside the bundle: the worker is a file of its own (pglite-remote.ts starts it by URL).
const copies = [["src/store/prisma/pglite-worker.mjs", "pglite-worker.mjs"]];

/** The newest modification time of the files under `path` (sources only). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const name of readdirSync(path)) {
    if (name === "node_modules" || name === "public" || name === "appPackage") continue;
    latest = Math.max(latest, newest(join(path, name)));
  }
  return latest;
}

const ifStale = process.argv.includes("--if-stale");
if (ifStale && existsSync(entry) && statSync(entry).mtimeMs >= Math.max(...sources.map(newest))) process.exit(0);

const started = Date.now();
const esbuild = await import("esbuild");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await esbuild.build({
  entryPoints: { main: join(root, "src/main.ts") },
  outdir: out,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  // Modules the bot imports only when needed (the Slack and Teams adapters, charts) become chunks
  // of their own: in one file, their packages would be imported at start whatever is configured.
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  sourcemap: "linked",
  logLevel: "warning",
  // Bundled CommonJS helpers (the generated Prisma client) may call require.
  banner: { js: 'import { createRequire as __reflectRequire } from "node:module"; const require = __reflectRequire(import.meta.url);' },
});
for (const [from, to] of copies) copyFileSync(join(root, from), join(out, to));
if (!ifStale || process.env.npm_lifecycle_event !== "start") process.stderr.write(`Built dist/main.mjs in ${Date.now() - started} ms\n`);
