/**
 * `npm run bench`: every benchmark, reported in numbers with its target. Benchmarks that need
 * PostgreSQL read BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/test).
 */
import { benchCoreCommands } from "./core-commands.bench.ts";
import { benchPulseResults } from "./pulse-results.bench.ts";
import { benchSummary } from "./summary.bench.ts";
import { benchSlackAck } from "./slack-ack.bench.ts";
import { benchTeams } from "./teams.bench.ts";
import { benchStartup } from "./startup.bench.ts";
import type { BenchResult } from "./stats.ts";

const suites: Record<string, () => Promise<BenchResult[]>> = {
  core: benchCoreCommands,
  pulse: benchPulseResults,
  summary: benchSummary,
  slack: benchSlackAck,
  teams: benchTeams,
  startup: benchStartup,
};

const only = process.argv.slice(2);
const results: BenchResult[] = [];
for (const [name, run] of Object.entries(suites)) {
  if (only.length && !only.includes(name)) continue;
  results.push(...(await run()));
}
const failed = results.filter((r) => r.pass === false);
process.stdout.write(`\n${results.length} measurements, ${failed.length} over target\n`);
process.exit(0);
