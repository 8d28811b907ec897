/**
 * Results of one pulse round with 10,000 submissions on PostgreSQL (target: under 200 ms).
 * Aggregation is in SQL; the gate and the card are applied to the aggregated rows.
 */
import type { BotDeps } from "../src/core/context.ts";
import { loadPrompts } from "../src/core/prompts/load.ts";
import { createI18n } from "../src/core/i18n.ts";
import { computePulseResults } from "../src/surveys/results.ts";
import { resultsCard } from "../src/surveys/results-card.ts";
import { benchDatabase } from "./pg.ts";
import { report, summarise, type BenchResult } from "./stats.ts";

export async function benchPulseResults(): Promise<BenchResult[]> {
  const { store, drop } = await benchDatabase("pulse");
  try {
    const prompts = loadPrompts("prompts");
    const template = prompts.surveys.get("partner-pulse")!;
    const workspace = await store.workspaces.ensure({ platform: "slack", externalId: "TBENCH" });
    const snapshot = await store.snapshots.ensure("survey", template.id, template.version, template);
    if ("conflict" in snapshot) throw new Error("snapshot conflict");
    const round = await store.rounds.create({
      workspaceId: workspace.id,
      kind: "pulse",
      snapshotId: snapshot.id,
      questionKeys: template.questions.map((q) => q.key),
      originChannelId: "C1",
      audience: { channels: ["C1"], users: [] },
      createdBy: "U1",
      sequence: 1,
      status: "open",
      opensAt: new Date("2026-01-01"),
      closesAt: new Date("2026-01-08"),
      secret: null,
      promise: { threshold: 5, commentThreshold: 5, minCommenters: 2, minOpenHours: 48 },
    });
    const keys = template.questions.filter((q) => q.type === "scale").map((q) => q.key);
    await store.rawExecute(`INSERT INTO submissions (id, round_id, submitted_on) SELECT 's' || g, $1, DATE '2026-01-02' FROM generate_series(1, 10000) g`, round.id);
    await store.rawExecute(
      `INSERT INTO answers (id, submission_id, round_id, item_key, value)
       SELECT 'a' || g || '-' || k.i, 's' || g, $1, k.key, CASE WHEN random() < 0.05 THEN NULL ELSE 1 + floor(random() * 5)::int END
       FROM generate_series(1, 10000) g CROSS JOIN unnest($2::text[]) WITH ORDINALITY AS k(key, i)`,
      round.id,
      keys,
    );
    await store.rawExecute(
      `INSERT INTO comments (id, round_id, item_key, text, submitted_on) SELECT 'c' || g, $1, 'comment', 'comment ' || g, DATE '2026-01-02' FROM generate_series(1, 300) g`,
      round.id,
    );
    // Closing stores the round's counts (one GROUP BY over its answers); results then read those.
    const closeStarted = performance.now();
    await store.rounds.close(round.id, new Date("2026-01-08"), `pulse:${round.id}:`);
    const closeMs = performance.now() - closeStarted;
    await store.rawExecute("ANALYZE");
    const closed = (await store.rounds.byId(round.id))!;
    const deps = { store } as unknown as BotDeps;
    const t = createI18n(prompts.messages).forLocale("en");
    const samples: number[] = [];
    for (let i = 0; i < 25; i++) {
      const t0 = performance.now();
      const results = await computePulseResults(deps, workspace, closed, "en");
      resultsCard(t, results, "UTC");
      samples.push(performance.now() - t0);
      if (i === 0 && results.respondents !== 10_000) throw new Error(`expected 10000 respondents, got ${results.respondents}`);
    }
    const s = summarise(samples.slice(3));
    // The aggregation itself, run live over the 110,000 answers (what close stores once).
    const liveSamples: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      await store.rawQuery(`SELECT item_key, value, count(*) FROM answers WHERE round_id = $1 GROUP BY item_key, value`, round.id);
      liveSamples.push(performance.now() - t0);
    }
    const live = summarise(liveSamples.slice(2));
    const result: BenchResult = {
      name: "pulse: results of 10,000 submissions (PostgreSQL)",
      metrics: { p50_ms: s.p50, p99_ms: s.p99, n: s.n, close_with_aggregation_ms: closeMs, live_p50_ms: live.p50 },
      target: "p50 < 200 ms (and live aggregation too)",
      pass: s.p50 < 200 && live.p50 < 200,
    };
    report(result);
    return [result];
  } finally {
    await drop();
  }
}
