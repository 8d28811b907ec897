/**
 * A new data folder starts as a copy of the initialised and migrated PGlite data directory that
 * `npm install` made (scripts/pglite-template.mjs), instead of running initdb and every migration
 * at start: a file copy instead of seconds of WebAssembly. Copying files (rather than loading a
 * tarball into PGlite) also keeps the database's memory from growing for the load, since
 * WebAssembly memory never shrinks. A template is used only if the migrations it holds are the
 * first ones the bot has, unchanged; start then applies the rest.
 */
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT as root } from "../../paths.ts";
import type { MigrationFile } from "../migrate.ts";

interface TemplateManifest {
  pglite: string;
  migrations: { name: string; checksum: string }[];
}

/** The best template for these migrations: the one holding the longest matching prefix of them. */
function templateFor(migrations: MigrationFile[]): string | undefined {
  try {
    const version = (JSON.parse(readFileSync(join(root, "node_modules/@electric-sql/pglite/package.json"), "utf8")) as { version: string }).version;
    const cache = join(root, "node_modules/.cache/partnership-reflection");
    let best: { dir: string; count: number } | undefined;
    for (const name of existsSync(cache) ? readdirSync(cache) : []) {
      const manifestFile = join(cache, name, "template.json");
      if (!name.startsWith("pgdata-") || !existsSync(manifestFile)) continue;
      const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as TemplateManifest;
      if (manifest.pglite !== version || manifest.migrations.length > migrations.length) continue;
      const prefix = manifest.migrations.every((m, i) => migrations[i]?.name === m.name && migrations[i]?.checksum === m.checksum);
      if (prefix && (!best || manifest.migrations.length > best.count)) best = { dir: join(cache, name, "pgdata"), count: manifest.migrations.length };
    }
    return best?.dir;
  } catch {
    return undefined;
  }
}

/** Copies a template into `pgliteDir` when that folder holds no database yet; false when none fits. */
export function startFromTemplate(pgliteDir: string, migrations: MigrationFile[]): boolean {
  if (existsSync(join(pgliteDir, "PG_VERSION"))) return false;
  const template = templateFor(migrations);
  if (!template) return false;
  // Copied beside the folder and renamed into place: a start killed mid-copy leaves no half
  // database that a later start would take for a whole one.
  const partial = `${pgliteDir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  cpSync(template, partial, { recursive: true });
  rmSync(pgliteDir, { recursive: true, force: true });
  renameSync(partial, pgliteDir);
  return true;
}
