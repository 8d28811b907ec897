import { defineConfig } from "vitest/config";

// Storage and migration tests against a real PostgreSQL (TEST_DATABASE_URL; .ci/run sets it).
export default defineConfig({
  test: {
    include: ["test/integration/pg/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    fileParallelism: false,
  },
});
