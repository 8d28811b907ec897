/** Percentiles and a uniform report line for every benchmark. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export interface BenchResult {
  name: string;
  metrics: Record<string, number | string>;
  target?: string;
  pass?: boolean;
}

export function report(r: BenchResult): void {
  const metrics = Object.entries(r.metrics)
    .map(([k, v]) => `${k}=${typeof v === "number" ? (Number.isInteger(v) ? v : v.toFixed(2)) : v}`)
    .join("  ");
  const verdict = r.target ? `  target: ${r.target} → ${r.pass ? "PASS" : "FAIL"}` : "";
  process.stdout.write(`${r.name.padEnd(44)} ${metrics}${verdict}\n`);
}

export function summarise(samples: number[]): { p50: number; p99: number; mean: number; n: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), mean: samples.reduce((a, b) => a + b, 0) / samples.length, n: samples.length };
}
