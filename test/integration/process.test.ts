import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { startBot } from "../fakes/process.ts";

const cli = (env: Record<string, string>, ...args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", "src/cli.ts", ...args], { env: { ...process.env, ...env }, encoding: "utf8", timeout: 60_000 });

const dirs: string[] = [];
const tmp = (name: string) => {
  const d = mkdtempSync(join(tmpdir(), `reflect-${name}-`));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("the bot as a process on the embedded PGlite", () => {
  it("starts, answers /healthz and serves the playground, keeps data under DATA_DIR across restarts, and stops on SIGTERM within 10 s", async () => {
    const dataDir = tmp("data");
    const first = startBot({ DATA_DIR: dataDir });
    const port = await first.started;
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", database: "pglite" });
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready", database: "pglite" });
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(await page.text()).toContain("playground");
    // Change something through the bot: the admin makes Lena a coordinator.
    const sent = await fetch(`http://127.0.0.1:${port}/playground/api/send`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ persona: "amina", conversation: "leads", text: "/reflect role @lena coordinator" }),
    });
    expect(sent.status).toBe(202);
    const stopped = await first.stop();
    expect(stopped.code).toBe(0);
    expect(stopped.ms).toBeLessThan(10_000);
    expect(existsSync(join(dataDir, "pglite"))).toBe(true);

    const second = startBot({ DATA_DIR: dataDir });
    const port2 = await second.started;
    expect(second.output()).not.toContain('"msg":"migration applied"');
    const state = (await (await fetch(`http://127.0.0.1:${port2}/playground/api/state?persona=lena`)).json()) as { personas: { id: string; role: string }[] };
    expect(state.personas.find((p) => p.id === "lena")?.role).toBe("coordinator");
    expect((await second.stop()).code).toBe(0);
  });

  it("runs a job slot from the CLI while the bot runs on PGlite, once per slot", async () => {
    const dataDir = tmp("cli");
    const bot = startBot({ DATA_DIR: dataDir });
    await bot.started;
    const first = cli({ DATA_DIR: dataDir }, "job", "run", "retention", "--at", "2026-05-01T10:00:00Z");
    expect(first.stdout).toContain("retention ran for slot 2026-05-01T03:00:00.000Z");
    expect(first.status).toBe(0);
    const second = cli({ DATA_DIR: dataDir }, "job", "run", "retention", "--at", "2026-05-01T23:59:00Z");
    expect(second.stdout).toContain("already ran; nothing to do");
    const unknown = cli({ DATA_DIR: dataDir }, "job", "run", "nope");
    expect(unknown.stdout + unknown.stderr).toContain('There is no job "nope". Jobs: retention, pulse-rounds, pulse-reminders');
    expect((await bot.stop()).code).toBe(0);
    // With no bot running, the CLI opens the database itself; the ledger remembers the slot.
    const third = cli({ DATA_DIR: dataDir }, "job", "run", "retention", "--at", "2026-05-01T12:00:00Z");
    expect(third.stdout).toContain("already ran; nothing to do");
    // A partner import says what it is doing before its answer (stderr), then answers (stdout).
    const csv = join(dataDir, "partners.csv");
    writeFileSync(csv, "name,country\nShanti Network,Nepal\nTuungane Alliance,Kenya\n");
    const imported = cli({ DATA_DIR: dataDir }, "partners", "import", csv, "--workspace", "web:playground");
    expect(imported.stderr).toContain("Checking 2 rows of");
  });

  it("refuses a second process on the same data folder with a clear message", async () => {
    const dataDir = tmp("locked");
    const first = startBot({ DATA_DIR: dataDir });
    await first.started;
    const second = startBot({ DATA_DIR: dataDir });
    await expect(second.started).rejects.toThrow(/Another bot process \(pid \d+\) is using the embedded database/);
    await first.stop();
  });

  it("stops the start when a prompt file is invalid, naming the file and the field", async () => {
    const prompts = tmp("prompts");
    cpSync(join(process.cwd(), "prompts"), prompts, { recursive: true });
    const messages = JSON.parse(readFileSync(join(prompts, "messages", "en.json"), "utf8"));
    writeFileSync(join(prompts, "messages", "fr.json"), JSON.stringify({ "help.title": "Aide {oops}" }));
    const bot = startBot({ DATA_DIR: tmp("d1"), PROMPTS_DIR: prompts });
    await expect(bot.started).rejects.toThrow(/prompts\/messages\/fr\.json: help\.title: arguments \{oops\} differ from English/);
    expect(await bot.exited).toBe(2);
    expect(messages["help.title"]).toBeDefined();
  });

  it("stops the start on an invalid configuration value, naming the variable", async () => {
    const bot = startBot({ DATA_DIR: tmp("d2"), MICROSOFT_APP_TYPE: "Sometimes" });
    await expect(bot.started).rejects.toThrow(/MICROSOFT_APP_TYPE: MICROSOFT_APP_TYPE must be SingleTenant, MultiTenant or UserAssignedMSI/);
    expect(await bot.exited).toBe(2);
  });
});
