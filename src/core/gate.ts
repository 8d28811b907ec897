/**
 * The anonymity gate (DESIGN.md §3 rule 3). Every path that shows survey or rubric figures (chat
 * results, summaries, exports, playground) asks this module whether a figure may appear.
 *
 * - A group's results appear only when its respondents reach the workspace threshold, which is
 *   never below THRESHOLD_FLOOR.
 * - Segments of a group (organisations, for instance) are gated one by one; when any is withheld,
 *   complementary suppression withholds further segments, smallest first, until the withheld
 *   segments together hold at least the threshold. Then subtracting the visible segments from the
 *   total recovers only a figure from enough respondents.
 */

export const THRESHOLD_FLOOR = 3;
/** Comments of an item appear only when at least this many people wrote one (never fewer). */
export const COMMENTERS_FLOOR = 2;
/** A round stays open at least this long before it can be closed by hand. */
export const MIN_OPEN_HOURS_FLOOR = 24;

/** The rules a round promises its invitees when it opens. */
export interface GateRules {
  threshold: number;
  commentThreshold: number;
  minCommenters: number;
  minOpenHours: number;
}

/** What a round opening now fixes: the current settings, floors applied. */
export function promiseOf(settings: GateRules): GateRules {
  return {
    threshold: effectiveThreshold(settings.threshold),
    commentThreshold: effectiveThreshold(settings.commentThreshold),
    minCommenters: Math.max(COMMENTERS_FLOOR, Math.ceil(settings.minCommenters || 0)),
    minOpenHours: Math.max(MIN_OPEN_HOURS_FLOOR, Math.ceil(settings.minOpenHours || 0)),
  };
}

/**
 * The rules that gate a round: the higher of what its invitations promised and what the
 * workspace says now (DESIGN.md §3 rule 11). Lowering a setting never reveals a round answered
 * under a higher one; raising it hides more.
 */
export function rulesFor(round: GateRules, current: GateRules): GateRules {
  const promised = promiseOf(round);
  const now = promiseOf(current);
  return {
    threshold: Math.max(promised.threshold, now.threshold),
    commentThreshold: Math.max(promised.commentThreshold, now.commentThreshold),
    minCommenters: Math.max(promised.minCommenters, now.minCommenters),
    minOpenHours: promised.minOpenHours,
  };
}

/** The threshold actually applied: settings below the floor are raised to it. */
export function effectiveThreshold(configured: number): number {
  if (!Number.isFinite(configured)) return THRESHOLD_FLOOR;
  return Math.max(THRESHOLD_FLOOR, Math.ceil(configured));
}

export type GateDecision =
  | { visible: true; respondents: number }
  /** `needed`: how many more responses would have made it visible (0 when withheld by suppression). */
  | { visible: false; needed: number; reason: "below_threshold" | "complementary" };

/** May the results of a group with this many respondents be shown? */
export function gate(respondents: number, threshold: number): GateDecision {
  const t = effectiveThreshold(threshold);
  const n = Math.max(0, Math.floor(respondents));
  if (n >= t) return { visible: true, respondents: n };
  return { visible: false, needed: t - n, reason: "below_threshold" };
}

export interface Segment<K> {
  key: K;
  respondents: number;
}

export interface SegmentedDecision<K> {
  total: GateDecision;
  segments: Map<K, GateDecision>;
}

/**
 * Gates a total and its segments (the segments partition the total's respondents). Segments with
 * no respondents carry no figure and stay "visible" as empty.
 */
export function gateSegments<K>(segments: Segment<K>[], threshold: number): SegmentedDecision<K> {
  const t = effectiveThreshold(threshold);
  const totalCount = segments.reduce((sum, s) => sum + Math.max(0, s.respondents), 0);
  const total = gate(totalCount, t);
  const result = new Map<K, GateDecision>();
  if (!total.visible) {
    for (const s of segments) result.set(s.key, gate(s.respondents, t));
    return { total, segments: result };
  }
  const withheld = new Set<K>();
  for (const s of segments) if (s.respondents > 0 && s.respondents < t) withheld.add(s.key);
  let withheldSum = segments.filter((s) => withheld.has(s.key)).reduce((sum, s) => sum + s.respondents, 0);
  // Complementary suppression: grow the withheld set with the smallest visible segments until the
  // withheld respondents together reach the threshold (or nothing is left to withhold).
  const candidates = segments.filter((s) => s.respondents > 0 && !withheld.has(s.key)).sort((a, b) => a.respondents - b.respondents);
  while (withheldSum > 0 && withheldSum < t && candidates.length > 0) {
    const next = candidates.shift()!;
    withheld.add(next.key);
    withheldSum += next.respondents;
  }
  for (const s of segments) {
    if (!withheld.has(s.key)) result.set(s.key, { visible: true, respondents: Math.max(0, s.respondents) });
    else if (s.respondents < t) result.set(s.key, { visible: false, needed: t - s.respondents, reason: "below_threshold" });
    else result.set(s.key, { visible: false, needed: 0, reason: "complementary" });
  }
  return { total, segments: result };
}

/** May free-text comments of a group with this many respondents be shown? */
export function gateComments(respondents: number, commentThreshold: number): GateDecision {
  return gate(respondents, commentThreshold);
}

/**
 * Comments grouped by item (question or element) that pass both comment rules: enough
 * respondents in the round, and at least `minCommenters` comments on the item, so a single
 * distinctive comment never stands alone. Each person writes at most one comment per item, so
 * comments on an item are also its commenters.
 */
export function gateCommentItems<C extends { itemKey: string }>(
  comments: C[],
  respondents: number,
  rules: Pick<GateRules, "commentThreshold" | "minCommenters">,
): { decision: GateDecision; shown: C[]; withheld: number } {
  const decision = gateComments(respondents, rules.commentThreshold);
  if (!decision.visible) return { decision, shown: [], withheld: comments.length };
  const minimum = Math.max(COMMENTERS_FLOOR, rules.minCommenters);
  const perItem = new Map<string, number>();
  for (const c of comments) perItem.set(c.itemKey, (perItem.get(c.itemKey) ?? 0) + 1);
  const shown = comments.filter((c) => perItem.get(c.itemKey)! >= minimum);
  return { decision, shown, withheld: comments.length - shown.length };
}
