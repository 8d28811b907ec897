/**
 * The embedded database on a data folder runs in a worker thread (src/store/prisma/pglite-remote.ts).
 * What the bot relies on must hold there as it did in-thread: database errors reach Prisma as
 * database errors, a transaction of many statements commits however long it takes, a rollback
 * undoes, a close answers everything still waiting, and a worker that dies is reported once.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR } from "../../src/app.ts";
import { createRandomIds } from "../../src/core/ids.ts";
import { createMemoryLogger } from "../../src/core/logger.ts";
import { createPrismaStore, type PrismaStore } from "../../src/store/prisma/index.ts";
import { PGLITE_START_PARAMS } from "../../src/store/prisma/open.ts";
import { createRemotePGlite } from "../../src/store/prisma/pglite-remote.ts";

let dir: string;
let store: PrismaStore;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "reflect-worker-"));
  store = await createPrismaStore({ dataDir: dir, migrationsDir: MIGRATIONS_DIR, logger: createMemoryLogger(), ids: createRandomIds() });
});
afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the embedded database in a worker thread", () => {
  it("reports a unique violation as a database error with its code, as in-thread PGlite does", async () => {
    await store.workspaces.ensure({ platform: "web", externalId: "T-errors", name: "x" });
    // Prisma maps a driver's database error to P2010 carrying PostgreSQL's own code (a plain Error would carry none).
    await expect(store.rawExecute(`INSERT INTO workspaces (id, platform, external_id, name) VALUES ($1, 'web', 'T-errors', 'dup')`, "another-id")).rejects.toMatchObject({
      code: "P2010",
      meta: { driverAdapterError: { cause: { kind: "postgres", code: "23505" } } },
    });
  });

  it("commits a transaction of many statements that takes longer than Prisma's default 5 seconds", async () => {
    const ws = await store.workspaces.ensure({ platform: "web", externalId: "T-long", name: "x" });
    const t0 = Date.now();
    // pg_sleep inside the transaction: wall-clock time the worker spends while the main thread is free.
    await store.rawTransaction(async (run) => {
      for (let i = 0; i < 3; i++) await run("SELECT pg_sleep(2)");
      await run(`UPDATE workspaces SET name = 'long one' WHERE id = $1`, ws.id);
    });
    expect(Date.now() - t0).toBeGreaterThan(5_000);
    expect((await store.workspaces.get(ws.id))?.name).toBe("long one");
  });

  it("undoes a transaction that fails, and keeps serving", async () => {
    const ws = await store.workspaces.ensure({ platform: "web", externalId: "T-rollback", name: "before" });
    await expect(
      store.rawTransaction(async (run) => {
        await run(`UPDATE workspaces SET name = 'during' WHERE id = $1`, ws.id);
        await run("SELECT 1/0");
      }),
    ).rejects.toMatchObject({ code: "P2010", meta: { driverAdapterError: { cause: { kind: "postgres", code: "22012" } } } });
    expect((await store.workspaces.get(ws.id))?.name).toBe("before");
  });

  it("answers statements sent during a close, and reports a worker that stops unasked exactly once", async () => {
    const folder = mkdtempSync(join(tmpdir(), "reflect-worker-close-"));
    try {
      const failures: Error[] = [];
      const db = createRemotePGlite({ dataDir: join(folder, "pglite"), startParams: PGLITE_START_PARAMS, onFailure: (e) => failures.push(e) });
      await db.waitReady;
      expect((await db.query<{ n: number }>("SELECT 1 AS n")).rows).toEqual([{ n: 1 }]);
      const closing = db.close();
      const late = db.query("SELECT 2").then(
        () => "answered",
        (e: Error) => e.message,
      );
      await closing;
      expect(await late).toMatch(/closed/);
      // Closed on purpose: not a failure.
      expect(failures).toEqual([]);

      const dying = createRemotePGlite({ dataDir: join(folder, "pglite"), startParams: PGLITE_START_PARAMS, onFailure: (e) => failures.push(e) });
      await dying.waitReady;
      const pending = dying.query("SELECT pg_sleep(5)").then(
        () => "answered",
        (e: Error) => e.message,
      );
      // The worker is killed from outside (as an out-of-memory would): everyone waiting hears of it.
      await dying.terminate();
      expect(await pending).toMatch(/stopped/);
      expect(failures).toHaveLength(1);
      await dying.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
