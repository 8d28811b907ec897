/**
 * The core's view of the outbox: every outbound card is written durably with a dedupe key, then
 * the worker (src/outbox/worker.ts) sends it through the platform adapter. Writing twice with the
 * same key sends once, which makes handlers and jobs safe to retry.
 */
import type { Card } from "./card.ts";
import type { Destination } from "./adapter.ts";
import type { MessageRef, Platform } from "./events.ts";
import type { OutboxLane, OutboxStore } from "../store/types.ts";

export interface Outbox {
  /**
   * Queues a card; returns false when a message with this dedupe key already exists. A
   * `transient` message is deleted once delivered (or given up on): replies to one person leave
   * no lasting record of when that person acted (DESIGN.md §3 rule 10).
   */
  post(input: {
    workspaceId: string;
    platform: Platform;
    destination: Destination;
    card: Card;
    dedupeKey: string;
    notBefore?: Date;
    transient?: boolean;
    lane?: OutboxLane;
  }): Promise<boolean>;
  /** Queues the replacement of a posted card. */
  update(input: { workspaceId: string; platform: Platform; ref: MessageRef; card: Card; dedupeKey: string; transient?: boolean; lane?: OutboxLane }): Promise<boolean>;
}

/**
 * The dedupe-key prefix of every outbox row about one round's invitees: invitations, reminders
 * and replies to their clicks. Closing the round deletes every row under it.
 */
export const roundScope = (round: { kind: string; id: string }): string => `${round.kind}:${round.id}:`;

/** What the pacing key of a destination is: sends to one conversation are spaced out. */
function paceKeyFor(workspaceId: string, destination: Destination | { kind: "message"; ref: MessageRef }): string {
  switch (destination.kind) {
    case "conversation":
      return `${workspaceId}:c:${destination.conversationId}`;
    case "private":
      // Private replies are paced per person: a busy channel must not queue everyone's answers.
      return `${workspaceId}:p:${destination.conversationId}:${destination.userId}`;
    case "dm":
    case "home":
      return `${workspaceId}:u:${destination.userId}`;
    case "message":
      return `${workspaceId}:c:${destination.ref.conversationId}`;
    case "email":
      // One lane per workspace, without the address: the key outlives nothing, but says nothing either.
      return `${workspaceId}:mail`;
  }
}

export function createOutbox(store: OutboxStore, notify: () => void = () => {}): Outbox {
  return {
    async post({ workspaceId, platform, destination, card, dedupeKey, notBefore, transient, lane }) {
      const fresh = await store.enqueue({
        workspaceId,
        platform,
        dedupeKey,
        op: "post",
        destination,
        card,
        paceKey: paceKeyFor(workspaceId, destination),
        transient: transient ?? false,
        ...(lane ? { lane } : {}),
        ...(notBefore ? { notBefore } : {}),
      });
      if (fresh) notify();
      return fresh;
    },
    async update({ workspaceId, platform, ref, card, dedupeKey, transient, lane }) {
      const destination = { kind: "message" as const, ref };
      const fresh = await store.enqueue({
        workspaceId,
        platform,
        dedupeKey,
        op: "update",
        destination,
        card,
        paceKey: paceKeyFor(workspaceId, destination),
        transient: transient ?? false,
        ...(lane ? { lane } : {}),
      });
      if (fresh) notify();
      return fresh;
    },
  };
}
