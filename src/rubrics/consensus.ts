/**
 * How a set of ratings of one element becomes a compiled result (docs/RUBRICS.md explains the
 * rules for facilitators):
 *
 * - Consensus level: the median rating ("don't know" left out). With an even number of ratings
 *   whose two middle values differ, the lower level is taken: a tie resolves towards the level
 *   that asks for attention, so a split never hides a problem.
 * - Agreement: the share of ratings at the consensus level.
 * - Divergence: flagged when ratings sit at both ends of the scale (two or more levels apart), or
 *   when fewer than half of the ratings agree with the consensus. Divergence is the conversation
 *   the rubric exists to start, not a failure.
 * - Trend: the consensus now against the consensus of the previous round for the same element
 *   key (rubrics that share keys compare with each other): ↑ better, ↓ worse, → same.
 */

export interface Level {
  key: string;
  /** Higher is better (well-functioning 3, emerging 2, needs help 1). */
  score: number;
}

export interface ElementCompilation {
  /** Ratings per level key, "don't know" excluded. */
  distribution: Record<string, number>;
  ratings: number;
  dontKnow: number;
  consensus: string | null;
  agreement: number;
  divergent: boolean;
}

export function compileElement(levels: Level[], ratings: (string | null)[]): ElementCompilation {
  const byKey = new Map(levels.map((l) => [l.key, l]));
  const distribution: Record<string, number> = Object.fromEntries(levels.map((l) => [l.key, 0]));
  const scores: number[] = [];
  let dontKnow = 0;
  for (const r of ratings) {
    const level = r === null ? undefined : byKey.get(r);
    if (!level) {
      dontKnow++;
      continue;
    }
    distribution[level.key]! += 1;
    scores.push(level.score);
  }
  if (scores.length === 0) return { distribution, ratings: 0, dontKnow, consensus: null, agreement: 0, divergent: false };
  scores.sort((a, b) => a - b);
  // Lower median: for an even count, the lower of the two middle values.
  const median = scores[Math.floor((scores.length - 1) / 2)]!;
  const consensus = levels.find((l) => l.score === median)!.key;
  const agreement = distribution[consensus]! / scores.length;
  const sortedLevels = [...levels].sort((a, b) => a.score - b.score);
  const rank = (score: number) => sortedLevels.findIndex((l) => l.score === score);
  const span = rank(scores[scores.length - 1]!) - rank(scores[0]!);
  return { distribution, ratings: scores.length, dontKnow, consensus, agreement, divergent: span >= 2 || agreement < 0.5 };
}

export type Trend = "up" | "down" | "same" | null;

export function trend(levels: Level[], now: string | null, before: string | null): Trend {
  if (!now || !before) return null;
  const a = levels.find((l) => l.key === now)?.score;
  const b = levels.find((l) => l.key === before)?.score;
  if (a === undefined || b === undefined) return null;
  return a > b ? "up" : a < b ? "down" : "same";
}

export const trendArrow = (t: Trend): string => (t === "up" ? "↑" : t === "down" ? "↓" : t === "same" ? "→" : "");
