/**
 * A new data folder starts from the initialised, empty PGlite data directory that `npm install`
 * saved (scripts/pglite-template.mjs), instead of running initdb at start: about a second instead
 * of three or four. The tarball is keyed by PGlite's version; without it, PGlite runs initdb.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "../../..");

/** The template to load into `pgliteDir`, when that folder holds no database yet and a template exists. */
export function templateFor(pgliteDir: string): Blob | undefined {
  if (existsSync(join(pgliteDir, "PG_VERSION"))) return undefined;
  try {
    const version = (JSON.parse(readFileSync(join(root, "node_modules/@electric-sql/pglite/package.json"), "utf8")) as { version: string }).version;
    const file = join(root, "node_modules/.cache/partnership-reflection", `pglite-${version}.tar`);
    return existsSync(file) ? new Blob([readFileSync(file)]) : undefined;
  } catch {
    return undefined;
  }
}
