/**
 * A fake platform adapter (hubot/errbot style): records every post and update, serves channel
 * rosters from a map, and can be told to fail the next sends (429 with Retry-After, 5xx).
 */
import type { ConversationMember, Destination, PacingRules, PlatformAdapter } from "../../src/core/adapter.ts";
import type { Card } from "../../src/core/card.ts";
import { plain } from "../../src/core/text.ts";
import type { MessageRef } from "../../src/core/events.ts";
import { BotError } from "../../src/core/errors.ts";

export interface Delivery {
  id: string;
  workspaceId: string;
  conversationId: string;
  /** Set for private (ephemeral) messages. */
  audience: string | null;
  card: Card;
  /** Updated cards keep their id and record the history here. */
  versions: Card[];
}

export interface FakePlatform extends PlatformAdapter {
  deliveries: Delivery[];
  rosters: Map<string, ConversationMember[]>;
  failNext(count: number, error: { retryAfterMs?: number; retryable?: boolean; message?: string }): void;
  /** Everything one person can see: DMs to them, private messages to them, and channel posts they are in. */
  visibleTo(userId: string): Delivery[];
  textOf(d: Delivery): string;
  reset(): void;
  started: boolean;
}

/** What a person reads: the card's text with the user-text markers removed. */
export function cardText(card: Card): string {
  return plain(rawCardText(card));
}

function rawCardText(card: Card): string {
  return card.elements
    .map((e) => {
      switch (e.type) {
        case "text":
        case "context":
          return e.text;
        case "fields":
          return e.fields.map((f) => `${f.label}: ${f.value}`).join("\n");
        case "choices":
          return `${e.label} [${e.options.map((o) => o.label).join(" | ")}]`;
        case "input":
          return `${e.label} [input]`;
        case "buttons":
          return e.buttons.map((b) => `[${b.label}]`).join(" ");
        case "image":
          return `[image: ${e.alt}]`;
        case "file":
          return `[file: ${e.filename}]\n${e.content}`;
        default:
          return "";
      }
    })
    .filter(Boolean)
    .join("\n");
}

export function createFakePlatform(pacing: Partial<PacingRules> = {}): FakePlatform {
  let n = 0;
  let failures: { count: number; error: { retryAfterMs?: number; retryable?: boolean; message?: string } } = { count: 0, error: {} };
  const deliveries: Delivery[] = [];
  const rosters = new Map<string, ConversationMember[]>();
  const maybeFail = () => {
    if (failures.count > 0) {
      failures.count--;
      const e = failures.error;
      throw new BotError("ADAPTER_SEND_FAILED", e.message ?? "fake platform failure", {
        retryable: e.retryable ?? true,
        ...(e.retryAfterMs !== undefined ? { retryAfterMs: e.retryAfterMs } : {}),
      });
    }
  };
  const fake: FakePlatform = {
    platform: "fake",
    pacing: { perConversationIntervalMs: 0, perWorkspacePerSecond: 0, maxAttempts: 4, ...pacing },
    deliveries,
    rosters,
    started: false,
    async start() {
      fake.started = true;
    },
    async stop() {
      fake.started = false;
    },
    async post(workspaceId: string, destination: Destination, card: Card): Promise<MessageRef> {
      maybeFail();
      if (destination.kind === "email") throw new Error("email goes to the mail sender");
      const conversationId = destination.kind === "dm" ? `D-${destination.userId}` : destination.kind === "home" ? `HOME-${destination.userId}` : destination.conversationId;
      const d: Delivery = {
        id: `m${++n}`,
        workspaceId,
        conversationId,
        audience: destination.kind === "private" ? destination.userId : null,
        card,
        versions: [card],
      };
      deliveries.push(d);
      return { platform: "fake", conversationId, messageId: d.id };
    },
    async update(_workspaceId, ref, card) {
      maybeFail();
      const d = deliveries.find((x) => x.id === ref.messageId);
      if (!d) throw new BotError("ADAPTER_SEND_FAILED", `no message ${ref.messageId}`, { retryable: false });
      d.card = card;
      d.versions.push(card);
    },
    async openDm(_workspaceId, userId) {
      return `D-${userId}`;
    },
    async listMembers(_workspaceId, conversationId) {
      return rosters.get(conversationId) ?? [];
    },
    failNext(count, error) {
      failures = { count, error };
    },
    visibleTo(userId) {
      return deliveries.filter((d) => {
        if (d.audience !== null) return d.audience === userId;
        if (d.conversationId.startsWith("D-")) return d.conversationId === `D-${userId}`;
        if (d.conversationId.startsWith("HOME-")) return d.conversationId === `HOME-${userId}`;
        const roster = rosters.get(d.conversationId);
        return !roster || roster.some((m) => m.userId === userId);
      });
    },
    textOf: (d) => cardText(d.card),
    reset() {
      deliveries.length = 0;
    },
  };
  return fake;
}
