// Prisma CLI configuration: lets `prisma migrate diff` and `db pull` run offline through the
// WebAssembly schema engine and an in-process PGlite (see scripts/new-migration.mjs).
// The application never uses the CLI at run time; it applies prisma/migrations itself.
import { readFileSync } from "node:fs";
import { defineConfig } from "prisma/config";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";

export default defineConfig({
  schema: "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    const db = new PGlite();
    // scripts/new-migration.mjs passes the migrations to replay, one path per line.
    const files = process.env.PRISMA_CLI_REPLAY_SQL?.split("\n").filter(Boolean) ?? [];
    for (const file of files) await db.exec(readFileSync(file, "utf8"));
    return new PrismaPGlite(db);
  },
});
