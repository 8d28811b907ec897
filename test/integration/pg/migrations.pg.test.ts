import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import { freshDatabase } from "./db.ts";
import { startBot } from "../../fakes/process.ts";
import { readMigrations } from "../../../src/store/migrate.ts";
import { MIGRATIONS_DIR } from "../../../src/app.ts";

describe("migrations on PostgreSQL", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
  });

  it("two processes started at once both come up, and each migration is applied exactly once", async () => {
    const db = await freshDatabase("migrate");
    cleanups.push(db.drop);
    const env = { DATABASE_URL: db.url, PLAYGROUND: "false" };
    const a = startBot(env);
    const b = startBot(env);
    const [portA, portB] = await Promise.all([a.started, b.started]);
    for (const port of [portA, portB]) {
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: "ok", database: "postgres" });
    }
    const expected = readMigrations(MIGRATIONS_DIR).map((m) => m.name);
    const applied = (a.output() + b.output()).match(/"msg":"migration applied"/g) ?? [];
    expect(applied).toHaveLength(expected.length);

    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const rows = (await client.query(`SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`)).rows;
    await client.end();
    expect(rows.map((r) => r.migration_name)).toEqual(expected);
    for (const r of rows) {
      expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(r.finished_at).not.toBeNull();
    }

    const [stopA, stopB] = await Promise.all([a.stop(), b.stop()]);
    expect(stopA.code).toBe(0);
    expect(stopB.code).toBe(0);
    expect(Math.max(stopA.ms, stopB.ms)).toBeLessThan(10_000);
  });

  it("refuses to start when an applied migration was edited", async () => {
    const db = await freshDatabase("edited");
    cleanups.push(db.drop);
    const first = startBot({ DATABASE_URL: db.url, PLAYGROUND: "false" });
    await first.started;
    await first.stop();
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query(`UPDATE "_prisma_migrations" SET checksum = repeat('0', 64)`);
    await client.end();
    const second = startBot({ DATABASE_URL: db.url, PLAYGROUND: "false" });
    await expect(second.started).rejects.toThrow(/was edited after it was applied/);
    expect(await second.exited).toBe(2);
  });

  it("fails with a clear message when PostgreSQL cannot be reached", async () => {
    const bot = startBot({ DATABASE_URL: "postgresql://postgres@127.0.0.1:1/none", PLAYGROUND: "false" });
    await expect(bot.started).rejects.toThrow(/Cannot connect to PostgreSQL at postgresql:\/\/postgres@127\.0\.0\.1:1\/none/);
    expect(await bot.exited).toBe(2);
  });
});
