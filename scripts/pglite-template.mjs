// Runs after `npm install` (and in the Dockerfile): PGlite's initdb and the project's migrations,
// a few seconds of WebAssembly, done once here into a data directory kept under
// node_modules/.cache. A bot started on a new data folder copies that directory instead
// (src/store/prisma/pglite-template.ts) and applies only the migrations added since. Optional: if
// this fails, the first start initialises the database itself.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
try {
  // The bot's own migration runner (TypeScript), so the template records migrations exactly as a start would.
  const { register } = await import("tsx/esm/api");
  register();
  const { readMigrations, applyMigrations } = await import("../src/store/migrate.ts");
  const migrations = readMigrations(join(root, "prisma/migrations"));
  const version = JSON.parse(readFileSync(join(root, "node_modules/@electric-sql/pglite/package.json"), "utf8")).version;
  const key = createHash("sha256")
    .update(migrations.map((m) => `${m.name}:${m.checksum}`).join("\n"))
    .digest("hex")
    .slice(0, 12);
  const dir = join(root, "node_modules/.cache/partnership-reflection", `pgdata-${version}-${key}`);
  if (existsSync(join(dir, "template.json"))) process.exit(0);
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const { PGlite } = await import("@electric-sql/pglite");
  const db = new PGlite(join(tmp, "pgdata"));
  await db.waitReady;
  const quiet = { info() {}, warn() {}, error() {}, debug() {}, child: () => quiet };
  await applyMigrations({ exec: async (sql) => void (await db.exec(sql)), query: async (sql, params) => (await db.query(sql, params)).rows }, migrations, quiet);
  await db.close();
  writeFileSync(join(tmp, "template.json"), JSON.stringify({ pglite: version, migrations: migrations.map((m) => ({ name: m.name, checksum: m.checksum })) }, null, 2));
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
} catch (error) {
  console.warn(`PGlite template not made (the first start will initialise the database itself): ${error?.message ?? error}`);
}
