// `npm run build` (and `npm start`, and `npm install`): bundles the bot's TypeScript into
// dist/main.mjs with esbuild, node_modules left as imports. Running the bundle with plain Node
// saves the TypeScript loader's thread and memory (about 40 MB) and its start-up time.
//
// With --if-stale it does nothing when dist/ was built from exactly the current sources (a stamp
// of every input's path, size and time, written last), so `npm start` after a `git pull` or an
// edit always runs the current code. Files are written beside their place and renamed into it,
// and chunks of earlier builds are kept: a bot already running from dist/ still finds the chunk it
// imports later (the Slack adapter, the charts) when another build runs under it.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "dist");
const stampFile = join(out, "build-stamp.json");
const inputs = ["src", "adapters", "package.json", "package-lock.json", "tsconfig.json", "scripts/build.mjs"];
// Copied beside the bundle: the worker is a file of its own (pglite-remote.ts starts it by URL).
const copies = [["src/store/prisma/pglite-worker.mjs", "pglite-worker.mjs"]];

/** Every source file under `path`, as "path:size:time" lines. */
function listing(path, lines = []) {
  if (!existsSync(path)) return lines;
  const stat = statSync(path);
  if (!stat.isDirectory()) {
    lines.push(`${relative(root, path)}:${stat.size}:${stat.mtimeMs}`);
    return lines;
  }
  for (const name of readdirSync(path).sort()) {
    if (name === "node_modules" || name === "public" || name === "appPackage") continue;
    listing(join(path, name), lines);
  }
  return lines;
}
const fingerprint = createHash("sha256")
  .update(inputs.flatMap((p) => listing(join(root, p))).join("\n"))
  .digest("hex");

const ifStale = process.argv.includes("--if-stale");
const stamp = existsSync(stampFile) ? JSON.parse(readFileSync(stampFile, "utf8")) : null;
if (ifStale && stamp?.fingerprint === fingerprint && existsSync(join(out, "main.mjs"))) process.exit(0);

/** Writes a file beside its place, then renames it there: a reader never sees half of it. */
function put(file, contents) {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.partial-${process.pid}`;
  writeFileSync(partial, contents);
  renameSync(partial, file);
}

const started = Date.now();
const esbuild = await import("esbuild");
const result = await esbuild.build({
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
  write: false,
  // Bundled CommonJS helpers (the generated Prisma client) may call require.
  banner: { js: 'import { createRequire as __reflectRequire } from "node:module"; const require = __reflectRequire(import.meta.url);' },
});
// Chunks first, the entry last: main.mjs never points at a chunk that is not there yet.
const entry = join(out, "main.mjs");
const files = [...result.outputFiles].sort((a, b) => Number(a.path.startsWith(entry)) - Number(b.path.startsWith(entry)));
for (const file of files) put(file.path, file.contents);
for (const [from, to] of copies) {
  const partial = join(out, `${to}.partial-${process.pid}`);
  copyFileSync(join(root, from), partial);
  renameSync(partial, join(out, to));
}
put(stampFile, JSON.stringify({ fingerprint, builtAt: new Date().toISOString() }));
process.stderr.write(`Built dist/main.mjs in ${Date.now() - started} ms\n`);
