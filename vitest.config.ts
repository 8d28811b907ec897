import { defineConfig } from "vitest/config";

/** The slow tier (`npm run test:slow`): 10,000-payload fuzzing, real processes, year-long simulations. */
export const SLOW_TESTS = [
  "test/integration/slack-fuzz.test.ts",
  "test/integration/teams-fuzz.test.ts",
  "test/integration/process.test.ts",
  // A year of reminders simulated every 15 minutes in two time zones: about a minute of CPU.
  "test/unit/reminders-year.test.ts",
  // A 1,000-member fan-out on the platforms' real pacing, watched while it runs.
  "test/integration/lanes.test.ts",
  // Teams Action.Execute, including a core held past the invoke's wait on purpose.
  "test/integration/teams-channel.test.ts",
  // Email through a real SMTP server on loopback and the answer page over real HTTP.
  "test/integration/email.test.ts",
  // The bot as a real process stopped with 500 acknowledged events queued, then restarted.
  "test/integration/stop-handoff.test.ts",
  // A 5,000-member channel against Slack's rate tiers, in real time.
  "test/integration/slack-large-channel.test.ts",
  "test/integration/teams-large-team.test.ts",
  // The embedded database in its worker thread, on a data folder: transactions of several seconds.
  "test/integration/pglite-worker.test.ts",
  // The whole feature tour once per shipped locale, and once in a pseudo-locale, every card
  // through every renderer.
  "test/integration/every-locale.test.ts",
  "test/integration/pseudo-locale.test.ts",
];

// `npm test`: everything that runs on PGlite alone, no PostgreSQL server and no browser needed,
// and nothing that depends on wall-clock speed. Test files share their worker's module cache (no
// isolation): the app's modules and the migrated database template load once per worker.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/integration/pg/**", "test/e2e/**", ...SLOW_TESTS],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    isolate: false,
    // Both cores: the default leaves one free, which on a two-core machine means one worker.
    maxWorkers: 2,
  },
});
