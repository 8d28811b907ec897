/**
 * Where the project's files are, whether the bot runs from its TypeScript sources (tests, `npm
 * run cli`) or from the bundle `npm start` builds into dist/: the nearest folder above this module
 * that holds the project's package.json.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "partnership-reflection-bot") return dir;
    if (dirname(dir) === dir) throw new Error(`No partnership-reflection-bot package.json above ${from}`);
  }
}

export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));
