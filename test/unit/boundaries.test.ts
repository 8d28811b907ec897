/**
 * Import rules (DESIGN.md §5): the core never imports a platform SDK or an adapter; only
 * src/store/prisma/** imports Prisma; botbuilder stays in adapters/teams, @slack/* in adapters/slack.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
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
      .flatMap((f) => f.imports.filter((i) => /^@prisma\//.test(i) || i === "prisma" || /pglite-prisma-adapter/.test(i) || /store\/prisma\/generated/.test(i)).map((i) => `${f.file} → ${i}`));
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
});
