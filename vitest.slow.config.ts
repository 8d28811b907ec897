import { defineConfig } from "vitest/config";
import { SLOW_TESTS } from "./vitest.config.ts";

// `npm run test:slow`: fuzzing with 10,000 payloads per platform, and the bot and CLI as real
// processes. Run by CI; generous timeouts because a real process on a busy machine is slow.
export default defineConfig({
  test: {
    include: SLOW_TESTS,
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: "forks",
    fileParallelism: false,
  },
});
