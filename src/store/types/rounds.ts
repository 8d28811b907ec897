/** Pulse and rubric rounds, and the prompt snapshots they point at. */

export type RoundKind = "pulse" | "rubric";

export type RoundStatus = "scheduled" | "open" | "closed";

/** The audience a coordinator named: channels and people (resolved to invitees when the round opens). */
export interface AudienceSpec {
  channels: string[];
  users: string[];
  /** The partnership's email contacts from the register (addresses are looked up when it opens). */
  contacts?: boolean;
}

export interface Round {
  id: string;
  ref: string;
  workspaceId: string;
  kind: RoundKind;
  snapshotId: string;
  partnershipId: string | null;
  mode: "individual" | "collective";
  questionKeys: string[];
  originChannelId: string | null;
  audience: AudienceSpec;
  createdBy: string;
  invitedCount: number;
  unreachableCount: number;
  /** How the invitees were reached (counts per route), fixed when the round opened. */
  reach: Reach;
  recurrence: "monthly" | "quarterly" | null;
  sequence: number;
  status: RoundStatus;
  opensAt: Date;
  closesAt: Date;
  closedAt: Date | null;
  /** The thresholds the invitations promised, fixed when the round opened (DESIGN.md §3 rule 11). */
  threshold: number;
  commentThreshold: number;
  minCommenters: number;
  minOpenHours: number;
  /** Which sides and organisations its answers carry (rounds of a partnership), fixed when it opens. */
  segmentPlan: SegmentPlan | null;
}

/** How many invitees each route reached: a DM, a private message in a shared channel, an email. */
export interface Reach {
  dm: number;
  channel: number;
  email: number;
}

/**
 * One person invited to an open round and how to reach them privately. Email invitees have a
 * random person id (`mail:…`), not a member row; their address lives only here and is erased
 * with the row at close.
 */
export interface Invitee {
  userId: string;
  /** The channel to reach them in privately (Slack ephemeral) when the bot cannot DM them. */
  channelId?: string | null;
  email?: string | null;
  /** SHA-256 (hex) of their single-use link's token. */
  tokenHash?: string | null;
  locale?: string | null;
  /** An email invitee's organisation in a collective check-in (from the register's contacts). */
  organisation?: string | null;
}

/**
 * Which groups a round of a partnership records on its answers, so results can show each side.
 * Only groups with at least the threshold of invitees are recorded: a smaller group on an answer
 * would narrow who wrote it for anyone reading the database.
 */
export interface SegmentPlan {
  /** Sides recorded: "host" (the INGO) and/or "partner" (the partner organisations together). */
  sides: ("host" | "partner")[];
  /** Every organisation of the partnership when the round opened, with its side. */
  organisations: Record<string, "host" | "partner">;
  /** Organisations recorded by name (each with at least the threshold of invitees). */
  named: string[];
}

/** What a round fixes when it opens: the workspace's settings at that moment. */
type RoundPromise = Pick<Round, "threshold" | "commentThreshold" | "minCommenters" | "minOpenHours">;

interface CreateRoundInput {
  workspaceId: string;
  kind: RoundKind;
  snapshotId: string;
  partnershipId?: string | null;
  mode?: "individual" | "collective";
  questionKeys: string[];
  originChannelId: string | null;
  audience: AudienceSpec;
  createdBy: string;
  recurrence?: "monthly" | "quarterly" | null;
  sequence: number;
  status: RoundStatus;
  opensAt: Date;
  closesAt: Date;
  /** The participation secret (erased at close). */
  secret: Buffer | null;
  /** Thresholds and minimum open time; for scheduled rounds they are fixed again when they open. */
  promise: RoundPromise;
}

export interface RoundStore {
  create(input: CreateRoundInput): Promise<Round>;
  /** By id or by the short ref people type. */
  get(workspaceId: string, idOrRef: string): Promise<Round | null>;
  byId(id: string): Promise<Round | null>;
  /** Most recent rounds of a kind in a workspace, newest first. */
  list(workspaceId: string, filter: { kind: RoundKind; status?: RoundStatus; snapshotKey?: string; partnershipId?: string; limit?: number }): Promise<Round[]>;
  /** Rounds in a status whose time has come (opens or closes at or before `before`), across workspaces. */
  due(status: "scheduled" | "open", before: Date): Promise<Round[]>;
  /** Records that every invitation of the round is queued. */
  markInvitationsQueued(roundId: string): Promise<void>;
  /** Open rounds opened before the moment whose invitations were not all queued (a process died meanwhile). */
  awaitingInvitations(openedBefore: Date): Promise<Round[]>;
  /** Open rounds of a kind, across workspaces (reminders). */
  openRounds(kind: RoundKind): Promise<Round[]>;
  /** The last closed round before this one: same template for pulses; same partnership (any rubric, keys are shared) for rubrics. */
  previousClosed(round: Round): Promise<Round | null>;
  /** Number of rounds of a template key in a workspace (rotation of quick pulses). */
  countWithKey(workspaceId: string, kind: RoundKind, snapshotKey: string): Promise<number>;
  /** The invitees and, for a round of a partnership, the groups its answers record. */
  setInvitees(roundId: string, invitees: (string | Invitee)[], unreachable: number, plan?: SegmentPlan | null): Promise<void>;
  invitees(roundId: string): Promise<string[]>;
  /** The invitees with their routes (reminders go the way the invitation went). */
  inviteeRoutes(roundId: string): Promise<Invitee[]>;
  /** The invitation a link's token belongs to, while the round is open and the token unspent. */
  inviteeByToken(tokenHash: string): Promise<(Invitee & { roundId: string }) | null>;
  /**
   * Gives an email invitee a new link for reminder number `reminder`: true only for the one
   * caller that moved them to it (a re-run slot, or another replica, gets false and sends nothing).
   */
  replaceToken(roundId: string, userId: string, tokenHash: string | null, reminder: number): Promise<boolean>;
  /**
   * Gives an invitee the link about to be sent (by email, or privately in a Teams channel, with
   * the organisation a collective rating through it is for); false when the invitation is gone.
   */
  setToken(roundId: string, userId: string, tokenHash: string, organisation?: string | null): Promise<boolean>;
  isInvited(roundId: string, userId: string): Promise<boolean>;
  /**
   * Moves a scheduled round to open with its secret and the thresholds in force now. A round
   * opened late (the bot was down) opens `now` and stays open at least its minimum open time.
   */
  open(roundId: string, secret: Buffer, promise: RoundPromise, now: Date): Promise<boolean>;
  secret(roundId: string): Promise<Buffer | null>;
  /**
   * Closes an open round in one transaction: erases the secret, the invitee list, the
   * participation codes and the round's outbox rows (dedupe keys under `outboxPrefix`), stores
   * the answer counts, and rewrites the submissions, answers and comments in a random order under
   * fresh ids, so nothing of the order people answered in survives (DESIGN.md §3 rule 10).
   * Returns true only for the caller that actually closed it (replicas racing on the same round
   * post results once). Then compacts the tables so no old row version stays on disk.
   */
  close(roundId: string, now: Date, outboxPrefix: string): Promise<boolean>;
  /** Changes the deadline of an open round. */
  setClosesAt(roundId: string, closesAt: Date): Promise<void>;
}

export interface PromptSnapshot {
  id: string;
  kind: "survey" | "rubric";
  key: string;
  version: number;
  definition: unknown;
}

export interface PromptSnapshotStore {
  /**
   * Records a template or rubric version. Returns the existing snapshot when the same version is
   * stored with the same content; `conflict` when the same version is stored with other content.
   */
  ensure(kind: "survey" | "rubric", key: string, version: number, definition: unknown): Promise<PromptSnapshot | { conflict: true }>;
  /** False when this version is recorded (a round used it) with other content. */
  matches(kind: "survey" | "rubric", key: string, version: number, definition: unknown): Promise<boolean>;
  get(id: string): Promise<PromptSnapshot | null>;
}
