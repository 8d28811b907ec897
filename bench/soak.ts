/**
 * `npm run soak`: two replicas of the bot on one PostgreSQL database (loopback, BENCH_DATABASE_URL)
 * under mixed load for a bounded time (SOAK_SECONDS, default 540, at most 600): coordinators start
 * pulses, partners open and answer them, people ask for help and status, and every iteration moves
 * the shared clock 30 minutes and runs the jobs' slots on either replica, so reminders, closes and
 * summaries happen every few seconds of real time. Both replicas drain one outbox.
 *
 * Passes when: no error was logged by either replica; no outbox message was sent twice (each send
 * ends in exactly one mark-sent or removal, across both replicas) and none is left pending or
 * dead; and the heap after warm-up grew by no more than 10%.
 */
import { createFixedClock } from "../src/core/clock.ts";
import { slotContaining } from "../src/jobs/slots.ts";
import { createFakePlatform } from "../test/fakes/fake-platform.ts";
import { createHarness, FAKE_WORKSPACE, type Harness } from "../test/fakes/harness.ts";
import { answerPulse, fullAnswers, invitationOf } from "../test/fakes/pulse-flow.ts";
import { benchDatabase } from "./pg.ts";

const SECONDS = Math.min(600, Number(process.env.SOAK_SECONDS ?? 540));
const WARM_UP = Math.min(60, SECONDS / 5);
const members = Array.from({ length: 30 }, (_, i) => `p${i}`);
const JOBS = ["pulse-rounds", "pulse-reminders", "review-reminders", "weekly-summary", "rubric-rounds", "retention"];

const gc = (globalThis as { gc?: () => void }).gc;
const heapMb = () => {
  gc?.();
  return process.memoryUsage().heapUsed / 1048576;
};

/** Records every outbox message a replica finished sending, to find one sent twice. */
function watchSends(h: Harness, finished: Map<string, number>) {
  const outbox = h.app.store.outbox;
  const markSent = outbox.markSent.bind(outbox);
  const remove = outbox.remove.bind(outbox);
  const note = (id: string) => finished.set(id, (finished.get(id) ?? 0) + 1);
  outbox.markSent = async (id, ...rest) => {
    note(id);
    return markSent(id, ...rest);
  };
  outbox.remove = async (id) => {
    note(id);
    return remove(id);
  };
}

async function main() {
  const db = await benchDatabase("soak");
  await db.store.close();
  const fake = createFakePlatform();
  const clock = createFixedClock("2027-01-04T08:00:00Z");
  const replicas = [
    await createHarness({ databaseUrl: db.url, fake, clock, admins: ["amina"], env: { LOG_LEVEL: "info" } }),
    await createHarness({ databaseUrl: db.url, fake, clock, admins: ["amina"], env: { LOG_LEVEL: "info" } }),
  ];
  const [a] = replicas as [Harness, Harness];
  const finished = new Map<string, number>();
  for (const r of replicas) watchSends(r, finished);
  fake.rosters.set(
    "C-SOAK",
    members.map((userId) => ({ userId, reachable: true })),
  );
  await a.command("amina", "role <@carlos> coordinator");

  const started = Date.now();
  const samples: { at: number; heap: number }[] = [];
  const answered = new Set<string>();
  let iterations = 0;
  let latest: string | undefined;
  const errors: Harness["logs"] = [];
  let commands = 0;
  let answers = 0;
  let lastSample = 0;
  try {
    while ((Date.now() - started) / 1000 < SECONDS) {
      const r = replicas[iterations % 2]!;
      iterations++;
      if (iterations % 12 === 1) {
        await r.command("carlos", "pulse start quick-pulse closes in 2d confirm", { conversation: "C-SOAK" });
        latest = (await r.app.store.rounds.list(FAKE_WORKSPACE, { kind: "pulse", limit: 1 }))[0]?.id;
        commands++;
      }
      for (let k = 0; latest && k < 4; k++) {
        const user = members[Math.floor(Math.random() * members.length)]!;
        if (answered.has(`${latest}:${user}`)) continue;
        try {
          invitationOf(r, user, latest);
        } catch {
          continue;
        }
        answered.add(`${latest}:${user}`);
        await answerPulse(r, user, fullAnswers(2 + (k % 3)), latest);
        answers++;
      }
      await r.command(members[iterations % members.length]!, iterations % 3 ? "help" : "privacy");
      await r.command("carlos", "pulse status", { conversation: "C-SOAK" });
      commands += 2;
      clock.advance(30 * 60_000);
      for (const id of JOBS) {
        const job = r.app.jobs.get(id);
        await replicas[Math.floor(Math.random() * 2)]!.app.jobs.runSlot(job, slotContaining(job, clock.now()));
      }
      await Promise.all(replicas.map((x) => x.flush()));
      // What the harness keeps for tests (log lines, event ids, deliveries) grows by design and is
      // let go here: the bot's own memory is what must not grow.
      for (const x of replicas) {
        errors.push(...x.logs.filter((l) => l.level === "error"));
        x.logs.length = 0;
        x.eventIds.length = 0;
      }
      if (fake.deliveries.length > 5000) fake.deliveries.splice(0, fake.deliveries.length - 2000);
      const elapsed = (Date.now() - started) / 1000;
      if (elapsed > WARM_UP && elapsed - lastSample >= 10) {
        lastSample = elapsed;
        samples.push({ at: elapsed, heap: heapMb() });
      }
    }
    await Promise.all(replicas.map((x) => x.flush()));
    const leftover = await a.app.store.rawQuery<{ status: string; n: number }>("SELECT status, count(*)::int AS n FROM outbox WHERE status <> 'sent' GROUP BY status");
    errors.push(...replicas.flatMap((x) => x.logs.filter((l) => l.level === "error")));
    const twice = [...finished.values()].filter((n) => n > 1).length;
    const window = Math.max(1, Math.floor(samples.length / 4));
    const avg = (xs: { heap: number }[]) => xs.reduce((s, x) => s + x.heap, 0) / Math.max(1, xs.length);
    const early = avg(samples.slice(0, window));
    const late = avg(samples.slice(-window));
    const growth = early > 0 ? (late - early) / early : 0;
    const pass = errors.length === 0 && twice === 0 && leftover.length === 0 && growth <= 0.1;
    process.stdout.write(
      `${JSON.stringify({
        seconds: Math.round((Date.now() - started) / 1000),
        iterations,
        commands,
        answers,
        outbox_sent: finished.size,
        sent_twice: twice,
        left_in_outbox: leftover,
        errors: errors.length,
        heap_mb_after_warm_up: Math.round(early),
        heap_mb_at_end: Math.round(late),
        heap_growth_percent: Math.round(growth * 1000) / 10,
        pass,
      })}\n`,
    );
    for (const e of errors.slice(0, 5)) process.stdout.write(`${JSON.stringify(e)}\n`);
    process.exitCode = pass ? 0 : 1;
  } finally {
    for (const r of replicas) await r.stop();
    await db.drop();
  }
}

await main();
