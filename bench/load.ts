/** An open-loop load generator: sends at a fixed rate regardless of answers, records latencies. */
export async function constantRate(
  rate: number,
  seconds: number,
  send: (i: number) => Promise<Response>,
): Promise<{ latencies: number[]; errors: number; statuses: Map<number, number> }> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let errors = 0;
  const total = rate * seconds;
  const interval = 1000 / rate;
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(
      (async () => {
        const t0 = performance.now();
        try {
          const res = await send(i);
          await res.arrayBuffer();
          latencies.push(performance.now() - t0);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        } catch {
          errors++;
        }
      })(),
    );
  }
  await Promise.all(pending);
  return { latencies, errors, statuses };
}
