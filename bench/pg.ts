/** A fresh PostgreSQL database for a benchmark (BENCH_DATABASE_URL, default the local test server). */
import pg from "pg";
import { createPrismaStore, type PrismaStore } from "../src/store/prisma/index.ts";
import { MIGRATIONS_DIR } from "../src/app.ts";
import { createRandomIds } from "../src/core/ids.ts";
import { createJsonLogger } from "../src/core/logger.ts";

export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

export async function benchDatabase(name: string): Promise<{ store: PrismaStore; url: string; drop: () => Promise<void> }> {
  const admin = new pg.Client({ connectionString: BENCH_DATABASE_URL });
  await admin.connect();
  const db = `bench_${name}_${process.pid}`;
  await admin.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${db}"`);
  await admin.end();
  const url = new URL(BENCH_DATABASE_URL);
  url.pathname = `/${db}`;
  const store = await createPrismaStore({ databaseUrl: url.toString(), migrationsDir: MIGRATIONS_DIR, ids: createRandomIds(), logger: createJsonLogger({ level: "warn" }) });
  return {
    store,
    url: url.toString(),
    drop: async () => {
      await store.close();
      const c = new pg.Client({ connectionString: BENCH_DATABASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
      await c.end();
    },
  };
}
