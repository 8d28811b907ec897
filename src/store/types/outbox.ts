/** The durable outbox the core writes and the worker sends. */
import type { Destination } from "../../core/adapter.ts";
import type { Card } from "../../core/card.ts";
import type { MessageRef, Platform } from "../../core/events.ts";

type OutboxOp = "post" | "update";

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
  /** Deleted once delivered or dead, instead of kept as sent. */
  transient: boolean;
  /** "reply": to the person who just acted, sent ahead of and paced apart from "bulk". */
  lane: OutboxLane;
}

export type OutboxLane = "reply" | "bulk";

interface EnqueueInput {
  workspaceId: string;
  platform: Platform;
  dedupeKey: string;
  op: OutboxOp;
  destination: OutboxMessage["destination"];
  card: Card;
  paceKey: string;
  notBefore?: Date;
  transient?: boolean;
  lane?: OutboxLane;
}

export interface OutboxStore {
  /** Writes a message unless one with the same dedupe key exists; returns whether it was new. */
  enqueue(input: EnqueueInput): Promise<boolean>;
  /** Claims due messages for this worker (FOR UPDATE SKIP LOCKED), locking them for `lockMs`. */
  claim(now: Date, limit: number, lockMs: number, lane?: OutboxLane): Promise<OutboxMessage[]>;
  markSent(id: string, ref: MessageRef | null, now: Date): Promise<void>;
  /** Deletes one message (a transient message, delivered or given up on). */
  remove(id: string): Promise<void>;
  /** Schedules another attempt, or marks the message dead. */
  markFailed(id: string, error: string, nextAttemptAt: Date | null): Promise<void>;
  /** Pushes a claimed message back without counting an attempt (pacing). */
  defer(id: string, nextAttemptAt: Date): Promise<void>;
  get(dedupeKey: string): Promise<OutboxMessage | null>;
  /** How many messages under a dedupe-key prefix still wait, and how many were given up on (progress of a fan-out). */
  progress(prefix: string): Promise<{ pending: number; dead: number }>;
  list(filter?: { status?: OutboxStatus; workspaceId?: string }): Promise<OutboxMessage[]>;
  /** Deletes every message whose dedupe key starts with the prefix (participation data of a closed round). */
  deleteByPrefix(prefix: string): Promise<number>;
  /** Deletes sent messages older than the cut-off (they hold who was messaged, not answers). */
  pruneSent(before: Date): Promise<number>;
}
