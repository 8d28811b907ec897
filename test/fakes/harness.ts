/**
 * Drives the whole bot in tests through the fake platform: real core, real store on an in-memory
 * PGlite (or PostgreSQL when databaseUrl is given), real outbox worker, fixed clock.
 */
import { createApp, type App } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { createFixedClock, type FixedClock } from "../../src/core/clock.ts";
import type { ActionEvent, BotEvent } from "../../src/core/events.ts";
import { createMemoryLogger } from "../../src/core/logger.ts";
import type { Card } from "../../src/core/card.ts";
import { createFakePlatform, type Delivery, type FakePlatform } from "./fake-platform.ts";

export const FAKE_TEAM = "T-FAKE";
export const FAKE_WORKSPACE = `fake:${FAKE_TEAM}`;

export interface Harness {
  app: App;
  fake: FakePlatform;
  clock: FixedClock;
  logs: ReturnType<typeof createMemoryLogger>["lines"];
  /** Every platform event id the harness has sent, in order (attacker tests look for them). */
  eventIds: string[];
  /** Runs a command as a person and returns the cards they received because of it. */
  command(userId: string, text: string, options?: { conversation?: string; command?: "reflect" | "pulse" | "rubric" }): Promise<Delivery[]>;
  /** Clicks a button (with form values) on a delivered card. */
  click(userId: string, delivery: Delivery, actionId: string, values?: Record<string, string>, value?: string): Promise<Delivery[]>;
  /** Delivers an arbitrary event and flushes the outbox. */
  send(event: BotEvent): Promise<void>;
  /** Sends everything due in the outbox. */
  flush(): Promise<void>;
  text(deliveries: Delivery[]): string;
  stop(): Promise<void>;
}

let eventCounter = 0;

export async function createHarness(
  options: {
    admins?: string[];
    databaseUrl?: string;
    now?: string;
    env?: Record<string, string>;
    /** Replicas (the soak test): harnesses sharing one database, one platform and one clock. */
    fake?: FakePlatform;
    clock?: FixedClock;
  } = {},
): Promise<Harness> {
  const clock = options.clock ?? createFixedClock(options.now ?? "2026-11-23T10:00:00Z");
  const logger = createMemoryLogger();
  const fake = options.fake ?? createFakePlatform();
  const config = loadConfig({
    PORT: "0",
    // One in-memory database per test worker, emptied for each harness (src/store/prisma/open.ts).
    DATA_DIR: "memory://shared",
    PLAYGROUND: "false",
    LOG_LEVEL: "debug",
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...options.env,
  });
  config.dataDir = options.databaseUrl ? "memory://" : "memory://shared";
  const app = await createApp(config, { clock, logger, adapters: [fake], scheduler: false });
  // Bootstrap admins the way ADMIN_USERS would (that variable only knows real platforms).
  const workspace = await app.store.workspaces.ensure({ platform: "fake", externalId: FAKE_TEAM });
  for (const admin of options.admins ?? ["admin1"]) await app.store.members.setRole(workspace.id, admin, "admin");

  const flush = async () => {
    await app.outboxWorker.drain();
  };
  const send = async (event: BotEvent) => {
    await app.bot.handle(event);
    await flush();
  };
  const eventIds: string[] = [];
  const origin = (userId: string, conversation: string) => {
    const eventId = `e${++eventCounter}-${Date.now()}`;
    eventIds.push(eventId);
    return {
      platform: "fake" as const,
      workspaceId: FAKE_WORKSPACE,
      workspaceExternalId: FAKE_TEAM,
      userId,
      conversationId: conversation,
      isDirect: conversation.startsWith("D-"),
      eventId,
    };
  };
  const since = async (fn: () => Promise<void>, userId: string) => {
    const before = new Map(fake.deliveries.map((d) => [d.id, d.versions.length]));
    await fn();
    return fake.visibleTo(userId).filter((d) => !before.has(d.id) || before.get(d.id)! < d.versions.length);
  };
  return {
    app,
    fake,
    clock,
    logs: logger.lines,
    eventIds,
    command(userId, text, opts = {}) {
      const conversation = opts.conversation ?? "C-GENERAL";
      return since(() => send({ ...origin(userId, conversation), kind: "command", command: opts.command ?? "reflect", text }), userId);
    },
    click(userId, delivery, actionId, values = {}, value) {
      const event: ActionEvent = {
        ...origin(userId, delivery.conversationId),
        kind: "action",
        actionId,
        values,
        ...(value !== undefined ? { value } : {}),
        messageRef: { platform: "fake", conversationId: delivery.conversationId, messageId: delivery.id },
      };
      return since(() => send(event), userId);
    },
    send,
    flush,
    text: (deliveries) => deliveries.map((d) => fake.textOf(d)).join("\n---\n"),
    stop: () => app.stop(),
  };
}

export function buttonsOf(card: Card): { actionId: string; label: string; value?: string }[] {
  return card.elements.flatMap((e) => (e.type === "buttons" ? e.buttons : []));
}
