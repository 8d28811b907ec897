import { afterAll } from "vitest";
import { defineStorageSuite } from "../storage-suite.ts";
import { freshDatabase } from "./db.ts";
import { createPrismaStore } from "../../../src/store/prisma/index.ts";
import { MIGRATIONS_DIR } from "../../../src/app.ts";
import { createRandomIds } from "../../../src/core/ids.ts";
import { createMemoryLogger } from "../../../src/core/logger.ts";

let drop: (() => Promise<void>) | undefined;
afterAll(async () => {
  await drop?.();
});

defineStorageSuite("PostgreSQL", async () => {
  const db = await freshDatabase("storage");
  drop = db.drop;
  return createPrismaStore({ databaseUrl: db.url, migrationsDir: MIGRATIONS_DIR, ids: createRandomIds(), logger: createMemoryLogger() });
});
