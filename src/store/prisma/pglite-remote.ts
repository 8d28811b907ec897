/**
 * The embedded database, run in a worker thread (pglite-worker.mjs), behind the part of PGlite's
 * interface the Prisma adapter and the migrations use: `query`, `exec`, `transaction` (with the
 * transaction's own `query`, `exec`, `rollback`), `waitReady`, `close`. Statements execute in the
 * worker, so the bot's thread keeps acknowledging Slack and Teams while the database works.
 *
 * Values cross the thread boundary by structured clone. Type parsers are functions and cannot:
 * for the types a caller parses itself, the worker returns PostgreSQL's text and the parser runs
 * here. Errors come back as their fields and are rebuilt as PGlite's DatabaseError, which the
 * Prisma adapter recognises.
 */
import { Worker } from "node:worker_threads";
import { messages } from "@electric-sql/pglite";

type Parser = (value: string, typeId: number) => unknown;
interface QueryOptions {
  rowMode?: "array" | "object";
  parsers?: Record<number, Parser>;
}
interface Field {
  name: string;
  dataTypeID: number;
}
interface Results<T = unknown> {
  rows: T[];
  fields: Field[];
  affectedRows?: number;
}
interface Queryable {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(sql: string): Promise<Results[]>;
}
interface RemoteTransaction extends Queryable {
  rollback(): Promise<void>;
}

/** What the worker sends back for a failed statement. */
interface ErrorFields {
  message: string;
  databaseError: boolean;
  [field: string]: unknown;
}

export interface RemotePGlite extends Queryable {
  readonly waitReady: Promise<void>;
  transaction<T>(callback: (tx: RemoteTransaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** Stops the worker at once without closing the database, as a crash would (tests). */
  terminate(): Promise<void>;
}

export interface RemoteOptions {
  /**
   * Called once if the worker stops when nobody closed it (out of memory, a crash in the
   * database): the bot cannot go on without its database, and says so (open.ts exits).
   */
  onFailure?: (error: Error) => void;
  dataDir: string;
  startParams: string[];
}

function rebuild(fields: ErrorFields): Error {
  if (!fields.databaseError) return new Error(fields.message);
  const error = new messages.DatabaseError(fields.message, Number(fields.length ?? 0), "error");
  for (const [key, value] of Object.entries(fields)) {
    if (key !== "message" && key !== "databaseError" && key !== "length" && key !== "name") (error as unknown as Record<string, unknown>)[key] = value;
  }
  return error;
}

/** Applies the caller's own parsers to the columns the worker left as text. */
function parseRows<T>(result: Results, parsers: Record<number, Parser> | undefined): Results<T> {
  if (!parsers) return result as Results<T>;
  const columns = result.fields.map((f, i) => ({ i, name: f.name, parse: parsers[f.dataTypeID], type: f.dataTypeID })).filter((c) => c.parse);
  if (columns.length === 0) return result as Results<T>;
  for (const row of result.rows as unknown[]) {
    for (const c of columns) {
      const key = Array.isArray(row) ? c.i : c.name;
      const cells = row as Record<string | number, unknown>;
      const value = cells[key];
      if (typeof value === "string") cells[key] = c.parse!(value, c.type);
    }
  }
  return result as Results<T>;
}

export function createRemotePGlite(options: RemoteOptions): RemotePGlite {
  const { onFailure, ...workerData } = options;
  const worker = new Worker(new URL("./pglite-worker.mjs", import.meta.url), { workerData });
  let closing = false;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let failure: Error | null = null;
  let markReady: () => void = () => {};
  let markFailed: (error: Error) => void = () => {};
  const waitReady = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    markFailed = reject;
  });
  // A caller that never awaits waitReady must not see an unhandled rejection.
  waitReady.catch(() => undefined);

  const failAll = (error: Error) => {
    const first = failure === null;
    failure = error;
    markFailed(error);
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    if (first && !closing) onFailure?.(error);
  };
  worker.on("message", (message: { id?: number; ok?: boolean; result?: unknown; error?: ErrorFields; ready?: boolean }) => {
    if (message.ready !== undefined) {
      if (message.ready) markReady();
      else failAll(rebuild(message.error!));
      return;
    }
    const p = pending.get(message.id!);
    if (!p) return;
    pending.delete(message.id!);
    if (message.ok) p.resolve(message.result);
    else p.reject(rebuild(message.error!));
  });
  worker.on("error", (error) => failAll(error));
  worker.on("exit", (code) => failAll(new Error(closing ? "the database is closed" : `the database worker stopped (exit code ${code})`)));

  const call = <T>(message: Record<string, unknown>): Promise<T> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...message, id });
    });
  };

  const queryable = (tx?: number): Queryable => ({
    async query<T>(sql: string, params: unknown[] = [], queryOptions: QueryOptions = {}) {
      const rawTypes = queryOptions.parsers ? Object.keys(queryOptions.parsers).map(Number) : undefined;
      const result = await call<Results>({ op: "query", sql, params, tx, ...(queryOptions.rowMode ? { rowMode: queryOptions.rowMode } : {}), ...(rawTypes ? { rawTypes } : {}) });
      return parseRows<T>(result, queryOptions.parsers);
    },
    exec: (sql: string) => call<Results[]>({ op: "exec", sql, tx }),
  });

  return {
    ...queryable(),
    waitReady,
    async transaction<T>(callback: (tx: RemoteTransaction) => Promise<T>): Promise<T> {
      const tx = await call<number>({ op: "begin" });
      let result: T;
      try {
        // The Prisma adapter calls rollback without waiting for it: it must never reject.
        result = await callback({ ...queryable(tx), rollback: () => call<void>({ op: "rollback", tx }).catch(() => undefined) });
      } catch (error) {
        await call({ op: "end", tx, commit: false }).catch(() => undefined);
        throw error;
      }
      await call({ op: "end", tx, commit: true });
      return result;
    },
    async terminate() {
      await worker.terminate();
    },
    async close() {
      if (closing) return;
      closing = true;
      if (!failure) await call({ op: "close" }).catch(() => undefined);
      await worker.terminate();
      // Whatever was still waiting (sent during the close) is told so, as PGlite would.
      failAll(new Error("the database is closed"));
    },
  };
}
