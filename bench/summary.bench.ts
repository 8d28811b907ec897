/**
 * The weekly summary of a large workspace on PostgreSQL: 200 partnerships, 100,000 pulse
 * submissions (20 rounds), 20,000 rubric ratings (400 check-ins), open actions and reviews.
 * Target: under 500 ms to build and render (chart included).
 */
import type { BotDeps } from "../src/core/context.ts";
import { loadPrompts } from "../src/core/prompts/load.ts";
import { createI18n } from "../src/core/i18n.ts";
import { createJsonLogger } from "../src/core/logger.ts";
import { buildSummary } from "../src/summaries/build.ts";
import { renderSummary } from "../src/summaries/card.ts";
import { benchDatabase } from "./pg.ts";
import { report, summarise, type BenchResult } from "./stats.ts";

export async function benchSummary(): Promise<BenchResult[]> {
  const { store, drop } = await benchDatabase("summary");
  try {
    const prompts = loadPrompts("prompts");
    const template = prompts.surveys.get("partner-pulse")!;
    const rubric = prompts.rubrics.get("clarissa")!;
    const now = new Date("2026-11-30T09:00:00Z");
    const workspace = await store.workspaces.ensure({ platform: "slack", externalId: "TSUMMARY" });
    const survey = await store.snapshots.ensure("survey", template.id, template.version, template);
    const rub = await store.snapshots.ensure("rubric", rubric.id, rubric.version, rubric);
    if ("conflict" in survey || "conflict" in rub) throw new Error("snapshot conflict");
    const ws = workspace.id;
    await store.rawExecute(
      `INSERT INTO partnerships (id, workspace_id, name, name_key, categories, created_at)
       SELECT 'p' || g, $1, 'Partner ' || g, 'partner ' || g, ARRAY['consortium'], now() FROM generate_series(1, 200) g`,
      ws,
    );
    // 20 closed pulse rounds of 5,000 submissions, one closing every week back from now.
    await store.rawExecute(
      `INSERT INTO rounds (id, ref, workspace_id, kind, snapshot_id, question_keys, created_by, invited_count, sequence, status, opens_at, closes_at, closed_at)
       SELECT 'pr' || g, 'pr' || g, $1, 'pulse', $2, $3::text[], 'U1', 6000, g, 'open',
              $4::timestamptz - (g * 7 + 7) * interval '1 day', $4::timestamptz - (g * 7) * interval '1 day' + interval '1 hour', $4::timestamptz - (g * 7) * interval '1 day' + interval '1 hour'
       FROM generate_series(0, 19) g`,
      ws,
      survey.id,
      template.questions.map((q) => q.key),
      now,
    );
    await store.rawExecute(`INSERT INTO submissions (id, round_id, submitted_on) SELECT 's' || g, 'pr' || (g % 20), DATE '2026-06-01' FROM generate_series(1, 100000) g`);
    const keys = template.questions.filter((q) => q.type === "scale").map((q) => q.key);
    await store.rawExecute(
      `INSERT INTO answers (id, submission_id, round_id, item_key, value)
       SELECT 'a' || g || '-' || k.i, 's' || g, 'pr' || (g % 20), k.key, CASE WHEN random() < 0.05 THEN NULL ELSE 1 + floor(random() * 5)::int END
       FROM generate_series(1, 100000) g CROSS JOIN unnest($1::text[]) WITH ORDINALITY AS k(key, i)`,
      keys,
    );
    // 400 rubric check-ins (2 per partnership) over six months, ten of them closed this week; 7 raters × 7 elements each.
    await store.rawExecute(
      `INSERT INTO rounds (id, ref, workspace_id, kind, snapshot_id, partnership_id, mode, question_keys, created_by, invited_count, sequence, status, opens_at, closes_at, closed_at)
       SELECT 'rr' || g, 'rr' || g, $1, 'rubric', $2, 'p' || (1 + g % 200), 'individual', $3::text[], 'U1', 8, 1 + g / 200, 'open',
              $4::timestamptz - ((g % 180) + 14) * interval '1 day', $4::timestamptz - (g % 180) * interval '1 day' - interval '1 hour', $4::timestamptz - (g % 180) * interval '1 day' - interval '1 hour'
       FROM generate_series(0, 399) g`,
      ws,
      rub.id,
      rubric.elements.map((e) => e.key),
      now,
    );
    await store.rawExecute(
      `INSERT INTO submissions (id, round_id, submitted_on) SELECT 'rs' || r || '-' || k, 'rr' || r, DATE '2026-06-01' FROM generate_series(0, 399) r CROSS JOIN generate_series(1, 7) k`,
    );
    await store.rawExecute(
      `INSERT INTO answers (id, submission_id, round_id, item_key, level)
       SELECT 'ra' || r || '-' || k || '-' || e.i, 'rs' || r || '-' || k, 'rr' || r, e.key, (ARRAY['well-functioning','emerging','needs-help'])[1 + floor(random() * 3)::int]
       FROM generate_series(0, 399) r CROSS JOIN generate_series(1, 7) k CROSS JOIN unnest($1::text[]) WITH ORDINALITY AS e(key, i)`,
      rubric.elements.map((e) => e.key),
    );
    await store.rawExecute(
      `INSERT INTO actions (id, ref, workspace_id, partnership_id, text, owner_user_id, due_date, status, created_at)
       SELECT 'ac' || g, 'ac' || g, $1, 'p' || (1 + g % 200), 'Action ' || g, 'U1', DATE '2026-11-20' + (g % 60), 'open', now() FROM generate_series(1, 400) g`,
      ws,
    );
    await store.rawExecute(
      `INSERT INTO review_events (id, ref, workspace_id, partnership_id, kind, due_date, status, created_at)
       SELECT 'rv' || g, 'rv' || g, $1, 'p' || (1 + g % 200), 'annual-review', DATE '2026-12-01' + (g % 365), 'open', now() FROM generate_series(1, 400) g`,
      ws,
    );
    // Close every round the way the bot does, which stores its counts (round_aggregates).
    const closeStarted = performance.now();
    const toClose = await store.rawQuery<{ id: string; closed_at: Date }>(`SELECT id, closed_at FROM rounds WHERE workspace_id = $1`, ws);
    for (const r of toClose) await store.rounds.close(r.id, new Date(r.closed_at), `round:${r.id}:`);
    const closeMs = (performance.now() - closeStarted) / toClose.length;
    await store.rawExecute("ANALYZE");
    const counts = (
      await store.rawQuery<{ s: unknown; r: unknown }>(
        `SELECT (SELECT count(*) FROM submissions WHERE round_id LIKE 'pr%') AS s, (SELECT count(*) FROM answers WHERE round_id LIKE 'rr%') AS r`,
      )
    )[0]!;
    const i18n = createI18n(prompts.messages);
    const deps = { store, i18n, prompts, logger: createJsonLogger({ level: "silent" }) } as unknown as BotDeps;
    const t = i18n.forLocale("en");
    const fresh = (await store.workspaces.get(ws))!;
    const samples: number[] = [];
    const buildSamples: number[] = [];
    let sections = "";
    for (let i = 0; i < 12; i++) {
      const t0 = performance.now();
      const data = await buildSummary(deps, fresh, now, "en");
      buildSamples.push(performance.now() - t0);
      const card = await renderSummary(t, data);
      samples.push(performance.now() - t0);
      if (i === 0) sections = card!.elements.filter((e) => e.type === "text").length + " text blocks";
    }
    const s = summarise(samples.slice(2));
    const result: BenchResult = {
      name: "summary: 200 partnerships, 100k pulse, 20k rubric (PostgreSQL)",
      metrics: {
        p50_ms: s.p50,
        p99_ms: s.p99,
        n: s.n,
        build_p50_ms: summarise(buildSamples.slice(2)).p50,
        close_mean_ms: closeMs,
        first_ms: samples[0]!,
        pulse_submissions: Number(counts.s),
        rubric_ratings: Number(counts.r),
        card: sections,
      },
      target: "p50 < 500 ms",
      pass: s.p50 < 500,
    };
    report(result);
    return [result];
  } finally {
    await drop();
  }
}
