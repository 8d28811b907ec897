/**
 * Store interfaces. They return plain objects (never Prisma types); only src/store/prisma/**
 * imports Prisma. Every method that touches workspace data takes the workspace id, so nothing
 * crosses workspaces. The contracts live by area in src/store/types/, beside their
 * implementations in src/store/prisma/; this file gathers them.
 */
export type * from "./types/workspaces.ts";
export type * from "./types/platform.ts";
export type * from "./types/outbox.ts";
export type * from "./types/jobs.ts";
export type * from "./types/rounds.ts";
export type * from "./types/responses.ts";
export type * from "./types/register.ts";

import type { AuditStore, ChannelStore, MemberStore, WorkspaceStore } from "./types/workspaces.ts";
import type { ConversationRefStore, EventHandoffStore, InstallationStore, PlaygroundStore, ProcessedEventStore } from "./types/platform.ts";
import type { OutboxStore } from "./types/outbox.ts";
import type { JobRunStore } from "./types/jobs.ts";
import type { PromptSnapshotStore, RoundStore } from "./types/rounds.ts";
import type { CommentStore, ResponseStore } from "./types/responses.ts";
import type { ActionStore, PartnershipStore, ReviewStore, RoundResponseStore, SummaryStore } from "./types/register.ts";

/** Everything the core needs from storage. */
export interface Store {
  workspaces: WorkspaceStore;
  members: MemberStore;
  channels: ChannelStore;
  conversations: ConversationRefStore;
  outbox: OutboxStore;
  jobs: JobRunStore;
  events: ProcessedEventStore;
  /** Acknowledged events a stopping process handed to the next start, sealed. */
  handoffs: EventHandoffStore;
  audit: AuditStore;
  comments: CommentStore;
  playground: PlaygroundStore;
  rounds: RoundStore;
  responses: ResponseStore;
  partnerships: PartnershipStore;
  reviews: ReviewStore;
  actions: ActionStore;
  summaries: SummaryStore;
  roundResponses: RoundResponseStore;
  installations: InstallationStore;
  snapshots: PromptSnapshotStore;
  /**
   * Rewrites the tables a round's close deletes from (answers, comments, participations, the
   * outbox…) into new files, so no old row version stays on disk. A close does this at once; the
   * retention job repeats it nightly in case a close could not get the lock.
   */
  compactClosedRounds(): Promise<void>;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
