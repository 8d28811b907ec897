// Authors a new migration offline: diffs the migrations already in prisma/migrations against
// prisma/schema.prisma (Prisma's WebAssembly engine on an in-process PGlite shadow database) and
// writes prisma/migrations/<timestamp>_<name>/migration.sql. Usage: npm run migration:new -- <name>
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { prismaEnv } from "./prisma-env.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error("Give the migration a snake_case name, for example: npm run migration:new -- add_action_notes");
  process.exit(2);
}
const migrations = join(root, "prisma/migrations");
const env = prismaEnv(root);
const prismaCli = join(root, "node_modules/prisma/build/index.js");
const run = (args, extraEnv = {}) => spawnSync(process.execPath, [prismaCli, ...args], { cwd: root, env: { ...env, ...extraEnv }, encoding: "utf8" });
const fail = (r) => {
  console.error(r.stderr || r.stdout);
  process.exit(r.status ?? 1);
};

// The WebAssembly engine cannot replay multi-statement migrations into a shadow database, so
// prisma.config.ts replays the existing migrations into an in-memory PGlite and its pulled schema is the "from" side.
const applied = readdirSync(migrations)
  .filter((d) => /^\d{14}_/.test(d))
  .sort();
let from = ["--from-empty"];
const tmp = mkdtempSync(join(tmpdir(), "reflect-migration-"));
if (applied.length > 0) {
  const replay = applied.map((d) => join(migrations, d, "migration.sql")).join("\n");
  const pulled = run(["db", "pull", "--print"], { PRISMA_CLI_REPLAY_SQL: replay });
  if (pulled.status !== 0) fail(pulled);
  const pulledFile = join(tmp, "pulled.prisma");
  // The CLI prints a warning about the datasource url before the schema; keep the schema only.
  writeFileSync(pulledFile, pulled.stdout.slice(Math.max(0, pulled.stdout.search(/^generator /m))));
  from = ["--from-schema-datamodel", pulledFile];
}
const result = run(["migrate", "diff", ...from, "--to-schema-datamodel", join(root, "prisma/schema.prisma"), "--script"]);
rmSync(tmp, { recursive: true, force: true });
if (result.status !== 0) fail(result);
const sql = result.stdout.trim();
if (!sql || /^-- This is an empty migration/.test(sql)) {
  console.log("The schema matches the migrations; nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const dir = join(migrations, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, "migration.sql"), sql + "\n");
console.log(`Wrote ${join("prisma/migrations", `${stamp}_${name}`, "migration.sql")}`);
