/**
 * Opens the database: embedded PGlite under DATA_DIR when no DATABASE_URL is given, PostgreSQL
 * otherwise. Applies migrations, then returns a Prisma client running on a driver adapter.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client.ts";
import { BotError } from "../../core/errors.ts";
import type { Logger } from "../../core/logger.ts";
import { applyMigrations, readMigrations, type MigrationResult, type SqlSession } from "../migrate.ts";
import { acquireDataDirLock } from "../data-dir-lock.ts";

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** Where PGlite keeps its files; ignored with databaseUrl. "memory://" keeps nothing on disk. */
  dataDir?: string;
  migrationsDir: string;
  logger: Logger;
}

export interface OpenDatabase {
  kind: "pglite" | "postgres";
  prisma: PrismaClient;
  migrations: MigrationResult;
  close(): Promise<void>;
}

export async function openDatabase(options: OpenOptions): Promise<OpenDatabase> {
  const migrations = readMigrations(options.migrationsDir);
  if (options.databaseUrl) return openPostgres(options.databaseUrl, migrations, options.logger);
  return openPglite(options.dataDir ?? "./data", migrations, options.logger);
}

async function openPostgres(url: string, migrationFiles: ReturnType<typeof readMigrations>, logger: Logger): Promise<OpenDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 10_000 });
  // An idle connection the server closes (restart, failover) must not crash the process; the pool
  // replaces it on the next query, and /healthz reports the database meanwhile.
  pool.on("error", (error) => logger.warn("idle PostgreSQL connection lost", { error }));
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new BotError(
      "DATABASE_UNAVAILABLE",
      `Cannot connect to PostgreSQL at ${redact(url)}: ${(error as Error).message}. Check DATABASE_URL, or unset it to use the embedded PGlite.`,
      { cause: error },
    );
  }
  let migrations: MigrationResult;
  try {
    const session: SqlSession = {
      exec: async (sql) => {
        await client.query(sql);
      },
      query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
    };
    migrations = await applyMigrations(session, migrationFiles, logger);
  } finally {
    client.release();
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    kind: "postgres",
    prisma,
    migrations,
    close: async () => {
      await prisma.$disconnect().catch(() => undefined);
      await pool.end().catch(() => undefined);
    },
  };
}

/**
 * In-memory databases (tests, benchmarks) start from a migrated template: PGlite's initdb takes
 * seconds, loading a dump a fraction of that.
 */
let memoryTemplate: Promise<Blob> | undefined;

async function memoryDatabase(migrationFiles: ReturnType<typeof readMigrations>, logger: Logger): Promise<PGlite> {
  memoryTemplate ??= (async () => {
    const template = new PGlite();
    await applyMigrations(pgliteSession(template), migrationFiles, logger);
    const dump = await template.dumpDataDir("none");
    await template.close();
    return dump;
  })();
  return new PGlite({ loadDataDir: await memoryTemplate });
}

function pgliteSession(db: PGlite): SqlSession {
  return {
    exec: async (sql) => {
      await db.exec(sql);
    },
    query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
  };
}

async function openPglite(dataDir: string, migrationFiles: ReturnType<typeof readMigrations>, logger: Logger): Promise<OpenDatabase> {
  const inMemory = dataDir === "memory://";
  let releaseLock = () => {};
  let db: PGlite;
  if (inMemory) {
    db = await memoryDatabase(migrationFiles, logger);
  } else {
    mkdirSync(dataDir, { recursive: true });
    releaseLock = acquireDataDirLock(dataDir);
    db = new PGlite(join(dataDir, "pglite"));
  }
  try {
    await db.waitReady;
    const migrations = await applyMigrations(pgliteSession(db), migrationFiles, logger);
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(db) });
    return {
      kind: "pglite",
      prisma,
      migrations,
      close: async () => {
        await prisma.$disconnect().catch(() => undefined);
        await db.close().catch(() => undefined);
        releaseLock();
      },
    };
  } catch (error) {
    await db.close().catch(() => undefined);
    releaseLock();
    throw error;
  }
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}
