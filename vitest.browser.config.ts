import { defineConfig } from "vitest/config";

// The playground driven in Debian's chromium through playwright-core (CHROMIUM_PATH, default /usr/bin/chromium).
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    fileParallelism: false,
  },
});
