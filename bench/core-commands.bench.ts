/** Command handling in the core (parse, role check, handler, outbox write, delivery) on PGlite. */
import { createHarness } from "../test/fakes/harness.ts";
import { report, summarise, type BenchResult } from "./stats.ts";

export async function benchCoreCommands(): Promise<BenchResult[]> {
  const h = await createHarness({ admins: ["amina"] });
  try {
    const samples: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t0 = performance.now();
      await h.command("amina", i % 2 ? "help" : "privacy");
      samples.push(performance.now() - t0);
    }
    const s = summarise(samples.slice(50));
    const result: BenchResult = { name: "core: command round trip (PGlite, in-process)", metrics: { p50_ms: s.p50, p99_ms: s.p99, n: s.n } };
    report(result);
    return [result];
  } finally {
    await h.stop();
  }
}
