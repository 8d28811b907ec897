/**
 * The deployment files, checked without a Docker daemon (CI has none): the Dockerfile with the
 * Docker language server's validator (dockerfile-utils) and for what the image must be
 * (multi-stage, non-root, a health check on /readyz, the bot as PID 1 so SIGTERM reaches it); the
 * compose file against the Compose Specification schema and best-practice rules (dclint).
 */
import { readFileSync } from "node:fs";
import { DCLinter } from "dclint";
import { DockerfileParser } from "dockerfile-ast";
import { validate } from "dockerfile-utils";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";

const dockerfile = readFileSync("Dockerfile", "utf8");

describe("Dockerfile", () => {
  it("has no problems the Docker language server reports", () => {
    expect(validate(dockerfile).map((d) => `${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
  });

  it("builds in stages and runs the bot as an unprivileged user, with a readiness health check", () => {
    const instructions = DockerfileParser.parse(dockerfile).getInstructions();
    const froms = instructions.filter((i) => i.getKeyword() === "FROM");
    expect(froms.length).toBeGreaterThanOrEqual(2);
    const last = instructions.slice(instructions.indexOf(froms.at(-1)!));
    const user = last.filter((i) => i.getKeyword() === "USER").at(-1);
    expect(user?.getArgumentsContent()).toBeDefined();
    expect(user!.getArgumentsContent()).not.toMatch(/^(root|0)(:|$)/);
    expect(last.find((i) => i.getKeyword() === "HEALTHCHECK")?.getArgumentsContent()).toContain("/readyz");
    // Exec form, no npm or shell in between: the bot gets SIGTERM itself and stops in time.
    const cmd = last.find((i) => i.getKeyword() === "CMD")!.getArgumentsContent()!;
    expect(cmd).toMatch(/^\["node",/);
    // The same command as `npm start` (after its build step): the same bundle, the same flags.
    const start = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { start: string } }).scripts.start.split("&&").at(-1)!.trim().split(/\s+/);
    expect(JSON.parse(cmd)).toEqual(start);
    expect(last.some((i) => i.getKeyword() === "VOLUME" && i.getArgumentsContent()!.includes("/data"))).toBe(true);
    // Nothing downloads during the build beyond the npm registry: no install scripts.
    expect(
      instructions.filter((i) => i.getKeyword() === "RUN" && /npm ci/.test(i.getArgumentsContent() ?? "")).every((i) => i.getArgumentsContent()!.includes("--ignore-scripts")),
    ).toBe(true);
  });
});

describe("compose.yaml", () => {
  it("is valid against the Compose Specification and passes the linter's rules", () => {
    const [result] = new DCLinter({ rules: {}, quiet: false, debug: false, exclude: [] }).lintFiles(["compose.yaml"], false);
    expect(result!.messages.map((m: { rule: string; message: string }) => `${m.rule}: ${m.message}`)).toEqual([]);
  });

  it("starts the bot on PostgreSQL once the database is healthy, stopping with time to hand off", () => {
    const compose = parse(readFileSync("compose.yaml", "utf8")) as { services: Record<string, Record<string, unknown>> };
    const bot = compose.services.bot!;
    expect(String((bot.environment as Record<string, string>).DATABASE_URL)).toMatch(/^postgresql:\/\/.+@postgres:5432\//);
    expect(bot.depends_on).toEqual({ postgres: { condition: "service_healthy" } });
    expect(compose.services.postgres!.healthcheck).toBeDefined();
    expect(Number.parseInt(String(bot.stop_grace_period), 10)).toBeGreaterThan(10);
  });
});
