// Runs after `npm install`: PGlite's initdb (a few seconds of WebAssembly) done once, here, and
// kept as a tarball under node_modules/.cache, so a bot started on a new data folder copies it
// instead of running initdb at start (src/store/prisma/pglite-template.ts). Optional: if this
// fails, the first start simply runs initdb itself.
import { mkdirSync, existsSync, writeFileSync, renameSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const version = JSON.parse(readFileSync(join(root, "node_modules/@electric-sql/pglite/package.json"), "utf8")).version;
const file = join(root, "node_modules/.cache/partnership-reflection", `pglite-${version}.tar`);
if (existsSync(file)) process.exit(0);
try {
  const { PGlite } = await import("@electric-sql/pglite");
  const db = new PGlite();
  await db.waitReady;
  const dump = await db.dumpDataDir("none");
  await db.close();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, Buffer.from(await dump.arrayBuffer()));
  renameSync(`${file}.tmp`, file);
} catch (error) {
  console.warn(`PGlite template not made (the first start will initialise the database itself): ${error?.message ?? error}`);
}
