// Prisma's CLI tries to download native engines on every call unless told where they are.
// The Rust-free client and the WebAssembly schema engine need none, so point both variables at
// a placeholder file (see PLATFORM-NOTES.md). Shared by every script that runs the Prisma CLI.
import { mkdirSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";

export function prismaEnv(root) {
  const dir = join(root, ".prisma-engines");
  const dummy = join(dir, "placeholder");
  if (!existsSync(dummy)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(dummy, "placeholder: the Rust-free Prisma client needs no engine binary\n");
  }
  return {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: dummy,
    PRISMA_QUERY_ENGINE_LIBRARY: dummy,
    PRISMA_CLI_DATABASE_URL: process.env.PRISMA_CLI_DATABASE_URL ?? "postgresql://unused@localhost/unused",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  };
}
