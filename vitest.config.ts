import { defineConfig } from "vitest/config";

// `npm test`: everything that runs on PGlite alone, no PostgreSQL server and no browser needed.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/integration/pg/**", "test/e2e/**"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
