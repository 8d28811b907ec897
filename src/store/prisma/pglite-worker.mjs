// The embedded database in a worker thread. PGlite runs PostgreSQL compiled to WebAssembly, and
// every statement executes synchronously in the thread that owns it: in the bot's own thread, a
// slow statement (a close, a summary, a VACUUM) would hold up every acknowledgement behind it.
// Here it holds up only this thread. The main thread talks to it through pglite-remote.ts.
//
// Plain JavaScript on purpose: a worker does not inherit the TypeScript loader the bot runs under,
// and this file is small enough not to need one.
//
// Messages in: { id, op: "query" | "exec" | "begin" | "rollback" | "end" | "close", ... }.
// Messages out: { id, ok: true, result } or { id, ok: false, error } (a DatabaseError's fields).
import { setFlagsFromString } from "node:v8";
import { parentPort, workerData } from "node:worker_threads";

// PostgreSQL in WebAssembly is a large module of which the bot uses a small part. By default V8
// compiles all of it up front and recompiles hot functions with its optimising tier; compiled
// lazily with the baseline compiler only, it keeps about 90 MB less code in memory (a bare PGlite
// at 135 MB resident instead of 222 MB), and queries take the same time within noise here. V8
// flags are process-wide: the baseline-only flag is put back once PGlite is ready, so the bot's
// other WebAssembly (Prisma's query compiler, in the main thread) keeps the optimising tier; lazy
// compilation stays (it only defers each function's compilation to its first call).
setFlagsFromString("--liftoff-only");
setFlagsFromString("--wasm-lazy-compilation");
const { PGlite, messages } = await import("@electric-sql/pglite");

/** @type {{ dataDir: string; startParams: string[] }} */
const options = workerData;
const db = new PGlite(options.dataDir, { startParams: options.startParams });

/** Open transactions: the PGlite transaction object and how to end it. */
const transactions = new Map();
let nextTransaction = 1;

/** A DatabaseError (or any error) as plain fields that survive postMessage. */
function errorFields(error) {
  // instanceof, not the class name: PGlite's build is minified.
  const out = { message: String(error?.message ?? error), databaseError: error instanceof messages.DatabaseError };
  for (const key of ["length", "name", "severity", "code", "detail", "hint", "position", "where", "schema", "table", "column", "dataType", "constraint", "routine"]) {
    if (error && error[key] !== undefined) out[key] = error[key];
  }
  return out;
}

/** Parsers that return the text as PostgreSQL sent it, for the types the caller parses itself. */
function rawParsers(types) {
  if (!types || types.length === 0) return undefined;
  return Object.fromEntries(types.map((t) => [t, (value) => value]));
}

/** The target of a statement: an open transaction, or the database. */
function target(tx) {
  if (tx === undefined) return db;
  const open = transactions.get(tx);
  if (!open) throw new Error(`transaction ${tx} is not open`);
  return open.tx;
}

/** Statements of one transaction run in the order they were sent. */
function inOrder(tx, work) {
  const open = transactions.get(tx);
  if (!open) return work();
  const next = open.chain.then(work, work);
  open.chain = next.catch(() => undefined);
  return next;
}

async function handle(message) {
  switch (message.op) {
    case "query": {
      const parsers = rawParsers(message.rawTypes);
      const options = { ...(message.rowMode ? { rowMode: message.rowMode } : {}), ...(parsers ? { parsers } : {}) };
      const result = await target(message.tx).query(message.sql, message.params ?? [], options);
      return { rows: result.rows, fields: result.fields, affectedRows: result.affectedRows };
    }
    case "exec": {
      const results = await target(message.tx).exec(message.sql);
      return results.map((r) => ({ rows: r.rows, fields: r.fields, affectedRows: r.affectedRows }));
    }
    case "begin": {
      const id = nextTransaction++;
      return new Promise((started, failed) => {
        let finish;
        const ended = new Promise((resolve) => {
          finish = resolve;
        });
        // PGlite calls this after BEGIN, asynchronously: `done` is assigned by then, and "end"
        // waits on it to report how COMMIT or ROLLBACK went.
        const done = db.transaction(async (tx) => {
          transactions.set(id, { tx, chain: Promise.resolve(), finish, done });
          started(id);
          const { commit } = await ended;
          // Throwing makes PGlite roll back; returning commits (unless rolled back already).
          if (!commit) throw Object.assign(new Error("rolled back"), { rolledBack: true });
        });
        done.catch((error) => {
          if (!transactions.has(id)) failed(error);
        });
      });
    }
    case "rollback":
      return inOrder(message.tx, () => target(message.tx).rollback());
    case "end": {
      const open = transactions.get(message.tx);
      if (!open) return null;
      await open.chain;
      open.finish({ commit: message.commit });
      try {
        await open.done;
      } catch (error) {
        if (!error?.rolledBack) throw error;
      } finally {
        transactions.delete(message.tx);
      }
      return null;
    }
    case "close":
      await db.close();
      return null;
    default:
      throw new Error(`unknown operation ${message.op}`);
  }
}

parentPort.on("message", (message) => {
  const run = message.tx !== undefined && (message.op === "query" || message.op === "exec") ? inOrder(message.tx, () => handle(message)) : handle(message);
  run.then(
    (result) => parentPort.postMessage({ id: message.id, ok: true, result }),
    (error) => parentPort.postMessage({ id: message.id, ok: false, error: errorFields(error) }),
  );
});

db.waitReady.then(
  () => {
    setFlagsFromString("--no-liftoff-only");
    parentPort.postMessage({ ready: true });
  },
  (error) => parentPort.postMessage({ ready: false, error: errorFields(error) }),
);
