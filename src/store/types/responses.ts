/** Anonymous answers, comments and participation codes (DESIGN.md §3). */

export interface AnswerInput {
  itemKey: string;
  /** 1–5 on a pulse scale; null for "prefer not to say" or "does not apply". */
  value?: number | null;
  /** A rubric level key; null for "don't know". On a pulse, "na" marks "does not apply". */
  level?: string | null;
}

export interface QuestionAggregate {
  itemKey: string;
  /** Submissions that gave a value (not "prefer not to say"). */
  answered: number;
  preferNot: number;
  /** "Does not apply" (items that assume, say, a funding relationship). */
  notApplicable: number;
  mean: number | null;
  /** Count per scale value 1..5. */
  counts: Record<number, number>;
}

/** Answer counts of a round broken down by the groups its answers recorded (rounds of a partnership). */
export interface SegmentCells {
  /** Submissions per recorded group (side and organisation may each be null). */
  groups: { side: "host" | "partner" | null; organisation: string | null; respondents: number }[];
  cells: { side: "host" | "partner" | null; organisation: string | null; itemKey: string; value: number | null; level: string | null; count: number }[];
}

export interface PulseAggregates {
  respondents: number;
  questions: QuestionAggregate[];
}

export interface ResponseStore {
  /** Records that a person (as an HMAC) took part; false when they already had. */
  recordParticipation(roundId: string, personHash: string): Promise<boolean>;
  removeParticipation(roundId: string, personHash: string): Promise<void>;
  hasParticipated(roundId: string, personHash: string): Promise<boolean>;
  participationCount(roundId: string): Promise<number>;
  participationHashes(roundId: string): Promise<Set<string>>;
  /** "Stop reminding me" for one open round, as an HMAC like participation (deleted at close). */
  optOutOfReminders(roundId: string, personHash: string): Promise<void>;
  reminderOptOuts(roundId: string): Promise<Set<string>>;
  /** Writes one anonymous submission and its answers in one transaction (never with participation). */
  submit(roundId: string, input: { organisation?: string | null; side?: "host" | "partner" | null; submittedOn: Date; answers: AnswerInput[] }): Promise<void>;
  addComment(roundId: string, input: { itemKey: string; text: string; organisation?: string | null; submittedOn: Date }): Promise<void>;
  submissionCount(roundId: string): Promise<number>;
  /** Submissions recorded on days before `day`: the slow count an open round may show. */
  countBefore(roundId: string, day: Date): Promise<number>;
  /** Aggregates a pulse round in SQL: respondents, and per question the distribution and mean. */
  pulseAggregates(roundId: string): Promise<PulseAggregates>;
  /** The same for many rounds in one query each (summaries and charts). */
  pulseAggregatesMany(roundIds: string[]): Promise<Map<string, PulseAggregates>>;
  comments(roundId: string): Promise<{ itemKey: string; text: string; organisation: string | null }[]>;
  /** Counts per recorded group (side, organisation), item and value or level, grouped in SQL. */
  segmentCells(roundId: string): Promise<SegmentCells>;
  /** Rubric ratings counted per element and level (null level: "don't know"), in SQL. */
  rubricDistribution(roundId: string): Promise<{ respondents: number; cells: { itemKey: string; level: string | null; count: number }[] }>;
  rubricDistributionMany(roundIds: string[]): Promise<Map<string, { respondents: number; cells: { itemKey: string; level: string | null; count: number }[] }>>;
  /** Collective rounds: each organisation's agreed rating per element. */
  rubricByOrganisation(roundId: string): Promise<{ organisation: string; itemKey: string; level: string | null }[]>;
  /** Collective rounds: whether an organisation already submitted its rating. */
  organisationSubmitted(roundId: string, organisation: string): Promise<boolean>;
}

export interface CommentStore {
  /** Deletes comments submitted before the cut-off in one workspace; returns how many. */
  deleteOlderThan(workspaceId: string, before: Date): Promise<number>;
  count(workspaceId?: string): Promise<number>;
}
