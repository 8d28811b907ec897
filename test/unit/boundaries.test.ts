/**
 * Import rules (DESIGN.md §5): the core never imports a platform SDK or an adapter; only
 * src/store/prisma/** imports Prisma; botbuilder stays in adapters/teams, @slack/* in adapters/slack.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = process.cwd();

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    return statSync(full).isDirectory() ? files(full) : /\.(ts|mts|js|mjs)$/.test(name) ? [full] : [];
  });
}

function imports(file: string): string[] {
  const src = readFileSync(file, "utf8");
  return [...src.matchAll(/(?:import|export)\s[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|import\s+["']([^"']+)["']/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

/** The project file an import points at (relative imports only), e.g. "src/store/types.ts". */
const target = (file: string, spec: string) => (spec.startsWith(".") ? normalize(join(dirname(file), spec)) : null);

const all = [...files(join(root, "src")), ...files(join(root, "adapters"))].map((f) => ({ file: relative(root, f), imports: imports(f) }));

describe("import boundaries", () => {
  it("finds the sources it checks", () => {
    expect(all.length).toBeGreaterThan(30);
    expect(all.some((f) => f.file === "src/core/bot.ts")).toBe(true);
  });

  it("src/** never imports @slack/*, botbuilder* or adapters/", () => {
    const offenders = all
      .filter((f) => f.file.startsWith("src/") && f.file !== "src/app.ts")
      .flatMap((f) => f.imports.filter((i) => /^@slack\//.test(i) || /^botbuilder/.test(i) || /(^|\/)adapters\//.test(i)).map((i) => `${f.file} → ${i}`));
    expect(offenders).toEqual([]);
  });

  it("only src/store/prisma/** imports Prisma", () => {
    const offenders = all
      .filter((f) => !f.file.startsWith("src/store/prisma/"))
      .flatMap((f) =>
        f.imports.filter((i) => /^@prisma\//.test(i) || i === "prisma" || /pglite-prisma-adapter/.test(i) || /store\/prisma\/generated/.test(i)).map((i) => `${f.file} → ${i}`),
      );
    expect(offenders).toEqual([]);
  });

  it("the core (src/core) imports no database driver, HTTP server or adapter", () => {
    const offenders = all
      .filter((f) => f.file.startsWith("src/core/"))
      .flatMap((f) => f.imports.filter((i) => /^(pg|@electric-sql\/|node:http)/.test(i) || i.includes("/store/prisma")).map((i) => `${f.file} → ${i}`));
    expect(offenders).toEqual([]);
  });

  it("@slack/* stays in adapters/slack and botbuilder in adapters/teams", () => {
    const slack = all.filter((f) => !f.file.startsWith("adapters/slack/") && f.imports.some((i) => i.startsWith("@slack/")));
    const teams = all.filter((f) => !f.file.startsWith("adapters/teams/") && f.imports.some((i) => i.startsWith("botbuilder")));
    expect([...slack, ...teams].map((f) => f.file)).toEqual([]);
  });

  it("src/core imports nothing from feature folders: only the core itself, store types and config types", () => {
    const offenders = all
      .filter((f) => f.file.startsWith("src/core/"))
      .flatMap((f) =>
        f.imports
          .map((i) => target(f.file, i))
          .filter((t): t is string => t !== null && !t.startsWith("src/core/") && t !== "src/store/types.ts" && t !== "src/config.ts" && t !== "prompts/messages/en.json")
          .map((t) => `${f.file} → ${t}`),
      );
    expect(offenders).toEqual([]);
  });

  it("adapters reach the store only through their declared ports (src/store/ports.ts) and the plain types", () => {
    const offenders = all
      .filter((f) => f.file.startsWith("adapters/"))
      .flatMap((f) =>
        f.imports
          .map((i) => ({ i, t: target(f.file, i) }))
          .filter(({ t }) => t?.startsWith("src/store/") && t !== "src/store/ports.ts" && t !== "src/store/types.ts")
          .map(({ t }) => `${f.file} → ${t}`),
      );
    expect(offenders).toEqual([]);
    // And no adapter takes the whole Store: each names its port.
    const whole = all.filter(
      (f) => f.file.startsWith("adapters/") && readFileSync(f.file, "utf8").match(/\bstore: Store\b|import type \{[^}]*\bStore\b[^}]*\} from "[^"]*store\/types/),
    );
    expect(whole.map((f) => f.file)).toEqual([]);
  });

  it("every command and action spec in a feature folder is registered (adding one is one file)", () => {
    const registry = readFileSync(join(root, "src/features.ts"), "utf8");
    const specFiles = all.filter((f) => /^src\/\w+\/(commands|actions)\/[\w-]+\.ts$/.test(f.file));
    expect(specFiles.length).toBeGreaterThan(40);
    for (const f of specFiles) {
      const exported = [...readFileSync(f.file, "utf8").matchAll(/export const (\w+(?:Command|Action)) = define(?:Command|Action)/g)].map((m) => m[1]!);
      expect(exported.length, f.file).toBeGreaterThan(0);
      for (const name of exported) expect(registry, `${name} (${f.file}) is not listed in src/features.ts`).toMatch(new RegExp(`\\b${name}\\b`));
    }
  });

  it("no source file is over 300 lines", () => {
    const long = [...all, ...files(join(root, "test")).map((f) => ({ file: relative(root, f), imports: [] as string[] }))]
      .map((f) => ({ file: f.file, lines: readFileSync(join(root, f.file), "utf8").split("\n").length }))
      .filter((f) => f.lines > 300 && !f.file.includes("__snapshots__"));
    expect(long).toEqual([]);
  });
});
