/**
 * Store interfaces. They return plain objects (never Prisma types); only src/store/prisma/**
 * imports Prisma. Every method that touches workspace data takes the workspace id, so nothing
 * crosses workspaces.
 */
import type { Card } from "../core/card.ts";
import type { Destination } from "../core/adapter.ts";
import type { MessageRef, Platform } from "../core/events.ts";

export type Role = "admin" | "coordinator" | "lead" | "partner";

export interface WorkspaceSettings {
  threshold: number;
  commentThreshold: number;
  timezone: string;
  locale: string;
  retentionMonths: number;
  rubricCadenceDays: number;
  reminderOffsets: number[];
  quietWeek: "line" | "skip";
}

export interface Workspace extends WorkspaceSettings {
  id: string;
  platform: Platform;
  externalId: string;
  name: string;
}

export interface Member {
  workspaceId: string;
  userId: string;
  displayName: string;
  role: Role;
  organisation: string | null;
  locale: string | null;
  timezone: string | null;
  remindersOptOut: boolean;
}

export interface WorkspaceStore {
  /** Finds or creates the workspace row for a platform workspace. */
  ensure(input: { platform: Platform; externalId: string; name?: string }): Promise<Workspace>;
  get(id: string): Promise<Workspace | null>;
  list(): Promise<Workspace[]>;
  updateSettings(id: string, patch: Partial<WorkspaceSettings>): Promise<Workspace>;
  /** Deletes every row that belongs to the workspace (uninstall). */
  purge(id: string): Promise<void>;
}

export interface MemberStore {
  get(workspaceId: string, userId: string): Promise<Member | null>;
  /** Creates the member with the default role, or refreshes the display name. */
  ensure(workspaceId: string, userId: string, displayName?: string): Promise<Member>;
  setRole(workspaceId: string, userId: string, role: Role): Promise<Member>;
  update(workspaceId: string, userId: string, patch: Partial<Pick<Member, "locale" | "timezone" | "organisation" | "remindersOptOut" | "displayName">>): Promise<Member>;
  list(workspaceId: string, filter?: { role?: Role }): Promise<Member[]>;
  countByRole(workspaceId: string, role: Role): Promise<number>;
}

export interface ConversationRefStore {
  save(workspaceId: string, kind: "user" | "conversation", key: string, reference: unknown): Promise<void>;
  get(workspaceId: string, kind: "user" | "conversation", key: string): Promise<unknown | null>;
  remove(workspaceId: string, kind: "user" | "conversation", key: string): Promise<void>;
}

export type OutboxOp = "post" | "update";
export type OutboxStatus = "pending" | "sending" | "sent" | "dead";

export interface OutboxMessage {
  id: string;
  workspaceId: string;
  platform: Platform;
  dedupeKey: string;
  op: OutboxOp;
  destination: Destination | { kind: "message"; ref: MessageRef };
  card: Card;
  paceKey: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  sentRef: MessageRef | null;
}

export interface EnqueueInput {
  workspaceId: string;
  platform: Platform;
  dedupeKey: string;
  op: OutboxOp;
  destination: OutboxMessage["destination"];
  card: Card;
  paceKey: string;
  notBefore?: Date;
}

export interface OutboxStore {
  /** Writes a message unless one with the same dedupe key exists; returns whether it was new. */
  enqueue(input: EnqueueInput): Promise<boolean>;
  /** Claims due messages for this worker (FOR UPDATE SKIP LOCKED), locking them for `lockMs`. */
  claim(now: Date, limit: number, lockMs: number): Promise<OutboxMessage[]>;
  markSent(id: string, ref: MessageRef | null, now: Date): Promise<void>;
  /** Schedules another attempt, or marks the message dead. */
  markFailed(id: string, error: string, nextAttemptAt: Date | null): Promise<void>;
  /** Pushes a claimed message back without counting an attempt (pacing). */
  defer(id: string, nextAttemptAt: Date): Promise<void>;
  get(dedupeKey: string): Promise<OutboxMessage | null>;
  list(filter?: { status?: OutboxStatus; workspaceId?: string }): Promise<OutboxMessage[]>;
  /** Deletes every message whose dedupe key starts with the prefix (participation data of a closed round). */
  deleteByPrefix(prefix: string): Promise<number>;
  /** Deletes sent messages older than the cut-off (they hold who was messaged, not answers). */
  pruneSent(before: Date): Promise<number>;
}

export type JobRunStatus = "running" | "done" | "failed";

export interface JobRun {
  jobId: string;
  slot: Date;
  status: JobRunStatus;
  owner: string;
  leaseUntil: Date;
  startedAt: Date;
  finishedAt: Date | null;
  error: string | null;
}

export interface JobRunStore {
  /**
   * Claims a job slot. Succeeds when no row exists, or when a previous owner's lease expired
   * before finishing (it crashed). Returns null when another instance has it or it is done.
   */
  claim(jobId: string, slot: Date, owner: string, now: Date, leaseMs: number): Promise<JobRun | null>;
  finish(jobId: string, slot: Date, owner: string, now: Date, error?: string): Promise<void>;
  get(jobId: string, slot: Date): Promise<JobRun | null>;
  latest(jobId: string): Promise<JobRun | null>;
}

export interface ProcessedEventStore {
  /** Records an event id; false when it was already recorded (a retry). */
  markProcessed(platform: Platform, eventId: string, now: Date): Promise<boolean>;
  /**
   * The hot path of every event in one round trip: records the event id and reads the workspace
   * and the member (either may be missing, then the caller creates it).
   */
  begin(input: { platform: Platform; eventId: string; workspaceId: string; userId: string; now: Date }): Promise<{ fresh: boolean; workspace: Workspace | null; member: Member | null }>;
  prune(before: Date): Promise<number>;
}

export interface AuditEntry {
  workspaceId: string;
  actor: string;
  action: string;
  target?: string | null;
  detail?: Record<string, unknown> | null;
  createdAt: Date;
}

export interface AuditStore {
  record(entry: Omit<AuditEntry, "createdAt">, now: Date): Promise<void>;
  list(workspaceId: string, limit?: number): Promise<AuditEntry[]>;
}

export interface CommentStore {
  /** Deletes comments submitted before the cut-off in one workspace; returns how many. */
  deleteOlderThan(workspaceId: string, before: Date): Promise<number>;
  count(workspaceId?: string): Promise<number>;
}

export interface PlaygroundMessage {
  id: string;
  conversationId: string;
  seq: number;
  /** When set, only this persona sees the message (private replies). */
  audience: string | null;
  /** The persona who typed it (echoed commands and messages); null for the bot. */
  author: string | null;
  card: Card;
  createdAt: Date;
}

export interface PlaygroundStore {
  addMessage(input: { conversationId: string; card: Card; audience?: string | null; author?: string | null }, now: Date): Promise<PlaygroundMessage>;
  replaceMessage(id: string, card: Card): Promise<boolean>;
  listMessages(conversationIds: string[], afterSeq: number): Promise<PlaygroundMessage[]>;
  getMessage(id: string): Promise<PlaygroundMessage | null>;
  setChannelMembers(channelId: string, userIds: string[]): Promise<void>;
  addChannelMember(channelId: string, userId: string): Promise<void>;
  channelMembers(channelId: string): Promise<string[]>;
}

export type RoundKind = "pulse" | "rubric";
export type RoundStatus = "scheduled" | "open" | "closed";

/** The audience a coordinator named: channels and people (resolved to invitees when the round opens). */
export interface AudienceSpec {
  channels: string[];
  users: string[];
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
  recurrence: "monthly" | "quarterly" | null;
  sequence: number;
  status: RoundStatus;
  opensAt: Date;
  closesAt: Date;
  closedAt: Date | null;
}

export interface CreateRoundInput {
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
  /** Open rounds of a kind, across workspaces (reminders). */
  openRounds(kind: RoundKind): Promise<Round[]>;
  /** The last closed round before this one: same template for pulses; same partnership (any rubric, keys are shared) for rubrics. */
  previousClosed(round: Round): Promise<Round | null>;
  /** Number of rounds of a template key in a workspace (rotation of quick pulses). */
  countWithKey(workspaceId: string, kind: RoundKind, snapshotKey: string): Promise<number>;
  setInvitees(roundId: string, userIds: string[], unreachable: number): Promise<void>;
  invitees(roundId: string): Promise<string[]>;
  isInvited(roundId: string, userId: string): Promise<boolean>;
  /** Moves a scheduled round to open with its secret. */
  open(roundId: string, secret: Buffer): Promise<boolean>;
  secret(roundId: string): Promise<Buffer | null>;
  /**
   * Closes an open round: erases the secret and the invitee list. Returns true only for the caller
   * that actually closed it (replicas racing on the same round post results once).
   */
  close(roundId: string, now: Date): Promise<boolean>;
  /** Changes the deadline of an open round. */
  setClosesAt(roundId: string, closesAt: Date): Promise<void>;
}

export interface AnswerInput {
  itemKey: string;
  /** 1–5 on a pulse scale; null for "prefer not to say". */
  value?: number | null;
  /** A rubric level key; null for "don't know". */
  level?: string | null;
}

export interface QuestionAggregate {
  itemKey: string;
  /** Submissions that gave a value (not "prefer not to say"). */
  answered: number;
  preferNot: number;
  mean: number | null;
  /** Count per scale value 1..5. */
  counts: Record<number, number>;
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
  /** Writes one anonymous submission and its answers in one transaction (never with participation). */
  submit(roundId: string, input: { organisation?: string | null; submittedOn: Date; answers: AnswerInput[] }): Promise<void>;
  addComment(roundId: string, input: { itemKey: string; text: string; organisation?: string | null; submittedOn: Date }): Promise<void>;
  submissionCount(roundId: string): Promise<number>;
  /** Aggregates a pulse round in SQL: respondents, and per question the distribution and mean. */
  pulseAggregates(roundId: string): Promise<PulseAggregates>;
  /** The same for many rounds in one query each (summaries and charts). */
  pulseAggregatesMany(roundIds: string[]): Promise<Map<string, PulseAggregates>>;
  comments(roundId: string): Promise<{ itemKey: string; text: string; organisation: string | null }[]>;
  /** Rubric ratings counted per element and level (null level: "don't know"), in SQL. */
  rubricDistribution(roundId: string): Promise<{ respondents: number; cells: { itemKey: string; level: string | null; count: number }[] }>;
  rubricDistributionMany(roundIds: string[]): Promise<Map<string, { respondents: number; cells: { itemKey: string; level: string | null; count: number }[] }>>;
  /** Collective rounds: each organisation's agreed rating per element. */
  rubricByOrganisation(roundId: string): Promise<{ organisation: string; itemKey: string; level: string | null }[]>;
  /** Collective rounds: whether an organisation already submitted its rating. */
  organisationSubmitted(roundId: string, organisation: string): Promise<boolean>;
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
  get(id: string): Promise<PromptSnapshot | null>;
  latest(kind: "survey" | "rubric", key: string): Promise<PromptSnapshot | null>;
}

/** A calendar date as "YYYY-MM-DD" (no time, no zone). */
export type IsoDate = string;

export interface Partnership {
  id: string;
  workspaceId: string;
  name: string;
  categories: string[];
  spectrum: string | null;
  country: string | null;
  leadUserId: string | null;
  startDate: IsoDate | null;
  agreementEndDate: IsoDate | null;
  notes: string | null;
  pausedReason: string | null;
  pausedAt: Date | null;
  archivedAt: Date | null;
  createdAt: Date;
}

export type PartnershipInput = Pick<Partnership, "name"> & Partial<Pick<Partnership, "categories" | "spectrum" | "country" | "leadUserId" | "startDate" | "agreementEndDate" | "notes">>;

export interface PartnershipStore {
  /** Creates a partnership; `duplicate` when the name (case-insensitive) is taken in the workspace. */
  create(workspaceId: string, input: PartnershipInput, now: Date): Promise<Partnership | { duplicate: true }>;
  /**
   * Creates all or none (CSV import), each with its agreement-renewal event when it has an end
   * date, in one transaction; returns the names that already exist instead when any does.
   */
  createMany(workspaceId: string, inputs: PartnershipInput[], now: Date, createdBy: string): Promise<Partnership[] | { duplicates: string[] }>;
  update(id: string, patch: Partial<PartnershipInput>): Promise<Partnership | { duplicate: true }>;
  get(id: string): Promise<Partnership | null>;
  findByName(workspaceId: string, name: string): Promise<Partnership | null>;
  list(workspaceId: string, options?: { includeArchived?: boolean }): Promise<Partnership[]>;
  archive(id: string, now: Date): Promise<void>;
  setPause(id: string, reason: string | null, now: Date): Promise<void>;
}

export interface ReviewEvent {
  id: string;
  ref: string;
  workspaceId: string;
  partnershipId: string;
  kind: string;
  label: string | null;
  dueDate: IsoDate;
  everyMonths: number | null;
  status: "open" | "done";
  notes: string | null;
  doneAt: Date | null;
  createdBy: string | null;
  createdAt: Date;
}

export interface ReviewStore {
  create(input: Pick<ReviewEvent, "workspaceId" | "partnershipId" | "kind" | "label" | "dueDate" | "everyMonths" | "createdBy">, now: Date): Promise<ReviewEvent>;
  get(workspaceId: string, ref: string): Promise<ReviewEvent | null>;
  /** Open events (optionally due on or before a date), soonest first. */
  listOpen(workspaceId: string, options?: { dueOnOrBefore?: IsoDate; partnershipId?: string }): Promise<ReviewEvent[]>;
  listDone(workspaceId: string, options?: { partnershipId?: string; limit?: number }): Promise<ReviewEvent[]>;
  markDone(id: string, notes: string | null, now: Date): Promise<boolean>;
  setDueDate(id: string, dueDate: IsoDate): Promise<void>;
  /** The open renewal event of a partnership, if any. */
  openOfKind(partnershipId: string, kind: string): Promise<ReviewEvent | null>;
}

export interface AgreedAction {
  id: string;
  ref: string;
  workspaceId: string;
  partnershipId: string | null;
  elementKey: string | null;
  text: string;
  ownerUserId: string | null;
  dueDate: IsoDate | null;
  status: "open" | "done";
  doneAt: Date | null;
  createdBy: string | null;
  createdAt: Date;
}

export interface ActionStore {
  create(input: Pick<AgreedAction, "workspaceId" | "partnershipId" | "elementKey" | "text" | "ownerUserId" | "dueDate" | "createdBy">, now: Date): Promise<AgreedAction>;
  get(workspaceId: string, ref: string): Promise<AgreedAction | null>;
  list(workspaceId: string, options?: { status?: "open" | "done"; ownerUserId?: string; partnershipId?: string }): Promise<AgreedAction[]>;
  markDone(id: string, now: Date): Promise<boolean>;
}

export interface SummarySubscription {
  id: string;
  workspaceId: string;
  channelId: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** "HH:MM" in the workspace's time zone. */
  localTime: string;
  createdBy: string;
}

export interface SummaryStore {
  subscribe(input: Omit<SummarySubscription, "id">): Promise<SummarySubscription>;
  unsubscribe(workspaceId: string, channelId: string): Promise<boolean>;
  list(workspaceId?: string): Promise<SummarySubscription[]>;
}

/** Platform installations (Slack OAuth); `data` is already encrypted by the adapter. */
export interface InstallationStore {
  save(workspaceId: string, data: string): Promise<void>;
  get(workspaceId: string): Promise<string | null>;
  delete(workspaceId: string): Promise<void>;
}

/** Everything the core needs from storage. */
export interface Store {
  workspaces: WorkspaceStore;
  members: MemberStore;
  conversations: ConversationRefStore;
  outbox: OutboxStore;
  jobs: JobRunStore;
  events: ProcessedEventStore;
  audit: AuditStore;
  comments: CommentStore;
  playground: PlaygroundStore;
  rounds: RoundStore;
  responses: ResponseStore;
  partnerships: PartnershipStore;
  reviews: ReviewStore;
  actions: ActionStore;
  summaries: SummaryStore;
  installations: InstallationStore;
  snapshots: PromptSnapshotStore;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
