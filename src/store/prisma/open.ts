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
import { startFromTemplate } from "./pglite-template.ts";
import { createRemotePGlite, type RemotePGlite } from "./pglite-remote.ts";

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** Where PGlite keeps its files; ignored with databaseUrl. "memory://" keeps nothing on disk. */
  dataDir?: string;
  migrationsDir: string;
  logger: Logger;
}

/** Statements that cannot run inside a transaction (VACUUM), on a connection of their own. */
export interface Maintenance {
  /**
   * Rewrites tables into new files (VACUUM FULL) so deleted and superseded row versions are gone
   * from disk. Gives up after a short lock wait rather than queue every writer behind it.
   */
  compact(tables: string[]): Promise<void>;
}

export interface OpenDatabase {
  kind: "pglite" | "postgres";
  prisma: PrismaClient;
  migrations: MigrationResult;
  maintenance: Maintenance;
  close(): Promise<void>;
}

/**
 * PGlite's defaults are PostgreSQL's: 128 MB of shared buffers, which PostgreSQL touches at start,
 * so they count in the bot's memory whether used or not. The bot's tables are small; 16 MB keeps
 * every hot page cached (and the data files are in the operating system's cache behind them).
 */
export const PGLITE_START_PARAMS = [
  "--single",
  "-F",
  "-O",
  "-j",
  ...[
    "search_path=public",
    "exit_on_error=false",
    "log_checkpoints=false",
    "max_worker_processes=0",
    "max_parallel_workers=0",
    "max_parallel_workers_per_gather=0",
    "io_method=sync",
    "max_parallel_maintenance_workers=0",
    "shared_buffers=16MB",
  ].flatMap((setting) => ["-c", setting]),
];

const safeTable = (t: string) => {
  if (!/^[a-z_]+$/.test(t)) throw new Error(`not a table name: ${t}`);
  return `"${t}"`;
};

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
  const maintenance: Maintenance = {
    async compact(tables) {
      const c = await pool.connect();
      try {
        await c.query("SET lock_timeout = '3s'");
        await c.query(`VACUUM (FULL) ${tables.map(safeTable).join(", ")}`);
      } finally {
        await c.query("RESET lock_timeout").catch(() => undefined);
        c.release();
      }
    },
  };
  return {
    kind: "postgres",
    prisma,
    migrations,
    maintenance,
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
/**
 * Kept on globalThis, not in module scope: a test runner that re-evaluates modules for each test
 * file in one process (vitest without isolation) still builds the template once per process.
 */
const processWide = globalThis as { __reflectMemoryTemplate?: Promise<Blob>; __reflectSharedDb?: SharedDb };

async function memoryDatabase(migrationFiles: ReturnType<typeof readMigrations>, logger: Logger): Promise<PGlite> {
  const memoryTemplate = (processWide.__reflectMemoryTemplate ??= (async () => {
    const template = new PGlite();
    await applyMigrations(pgliteSession(template), migrationFiles, logger);
    const dump = await template.dumpDataDir("none");
    await template.close();
    return dump;
  })());
  return new PGlite({ loadDataDir: await memoryTemplate, startParams: PGLITE_START_PARAMS });
}

function pgliteSession(db: Pick<PGlite | RemotePGlite, "exec" | "query">): SqlSession {
  return {
    exec: async (sql) => {
      await db.exec(sql);
    },
    query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
  };
}

/**
 * `memory://shared` (test harnesses): one in-memory database per process, emptied (TRUNCATE) for
 * each store that opens it instead of loading a new one: a few milliseconds instead of hundreds.
 * Only one store holds it at a time; a second one opened meanwhile gets a database of its own.
 */
interface SharedDb {
  db: PGlite;
  prisma: PrismaClient;
  migrations: MigrationResult;
  busy: boolean;
}

async function openShared(migrationFiles: ReturnType<typeof readMigrations>, logger: Logger): Promise<OpenDatabase> {
  let shared = processWide.__reflectSharedDb;
  if (shared?.busy) return openPglite("memory://", migrationFiles, logger);
  if (!shared) {
    const db = await memoryDatabase(migrationFiles, logger);
    await db.waitReady;
    const migrations = await applyMigrations(pgliteSession(db), migrationFiles, logger);
    shared = processWide.__reflectSharedDb = { db, prisma: new PrismaClient({ adapter: new PrismaPGlite(db) }), migrations, busy: false };
  } else {
    const tables = (await shared.db.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`)).rows;
    await shared.db.exec(`TRUNCATE ${tables.map((r) => safeTable(r.t)).join(", ")} RESTART IDENTITY`);
  }
  const current = shared;
  current.busy = true;
  return {
    kind: "pglite",
    prisma: current.prisma,
    migrations: current.migrations,
    maintenance: { compact: async (tables) => void (await current.db.exec(`VACUUM (FULL) ${tables.map(safeTable).join(", ")}`)) },
    close: async () => {
      current.busy = false;
    },
  };
}

async function openPglite(dataDir: string, migrationFiles: ReturnType<typeof readMigrations>, logger: Logger): Promise<OpenDatabase> {
  if (dataDir === "memory://shared") return openShared(migrationFiles, logger);
  const inMemory = dataDir === "memory://";
  let releaseLock = () => {};
  let db: PGlite | RemotePGlite;
  if (inMemory) {
    db = await memoryDatabase(migrationFiles, logger);
  } else {
    mkdirSync(dataDir, { recursive: true });
    releaseLock = acquireDataDirLock(dataDir);
    const dir = join(dataDir, "pglite");
    // A data folder (`npm start`) runs the database in a worker thread: see pglite-remote.ts.
    startFromTemplate(dir, migrationFiles);
    db = createRemotePGlite({
      dataDir: dir,
      startParams: PGLITE_START_PARAMS,
      // Without its database the bot can only fail every event: stop, so the service manager or
      // the container restarts it (and /readyz never pretends).
      onFailure: (error) => {
        logger.error("the embedded database stopped; exiting", { error: error.message });
        process.exitCode = 1;
        setImmediate(() => process.exit(1));
      },
    });
  }
  try {
    await db.waitReady;
    const migrations = await applyMigrations(pgliteSession(db), migrationFiles, logger);
    // The adapter uses only query, exec and transaction, which the worker's client provides.
    // Transactions get more than Prisma's default 5 s: statements now take real time on their own
    // thread (they used to block the timer), and closing a large round or importing a register is
    // one transaction of many statements.
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(db as PGlite), transactionOptions: { timeout: 120_000, maxWait: 30_000 } });
    const maintenance: Maintenance = {
      // PGlite has one connection and no concurrent writers: nothing to wait for.
      compact: async (tables) => {
        await db.exec(`VACUUM (FULL) ${tables.map(safeTable).join(", ")}`);
      },
    };
    return {
      kind: "pglite",
      prisma,
      migrations,
      maintenance,
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
