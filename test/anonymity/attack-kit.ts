/**
 * What the anonymity attacks share: twelve partners in #partners, a coordinator, a way to answer
 * as any of them, and a search of rows for anything that names a partner. The attacks themselves
 * are in attacks-db.ts (a database reader) and attacks-chat.ts (a coordinator or admin in chat).
 */
import { afterEach, expect } from "vitest";
import type { Harness } from "../fakes/harness.ts";
import { FAKE_WORKSPACE } from "../fakes/harness.ts";
import type { Delivery } from "../fakes/fake-platform.ts";

export interface AttackEnv {
  /** A fresh bot (own database) with amina as admin. */
  harness(name: string): Promise<Harness>;
  /** PostgreSQL only: raw heap pages can be read with pageinspect. */
  rawPages: boolean;
}

export const PARTNERS = Array.from({ length: 12 }, (_, i) => ({ id: `UP${String(i + 1).padStart(2, "0")}X${(i * 7919) % 1000}`, name: `Partner Person ${i + 1}` }));
/** A profile per person that identifies their submission among the answers (respect, long-term). */
export const profile = (i: number) => ({ respect: (i % 5) + 1, longTerm: (Math.floor(i / 5) % 5) + 1 });
const START = "2026-11-23T08:00:00Z";
export const HOUR = 3_600_000;

/** The answering order the attacker hopes to recover: a fixed shuffle of the twelve people. */
export const ANSWER_ORDER = [7, 2, 10, 0, 5, 11, 3, 8, 1, 9, 4, 6];

/** The harness of the current test and what the attacks do with it. */
export interface AttackKit {
  readonly h: Harness;
  setup(name: string, people?: number): Promise<void>;
  invitationOf(userId: string, contains?: string): Delivery;
  openRound(kind: "pulse" | "rubric"): Promise<string>;
  answer(index: number, roundId: string, extra?: Record<string, string>): Promise<void>;
  answeredRound(name: string): Promise<string>;
  mentionsPartner(row: unknown): string | null;
}

export function useAttackKit(env: AttackEnv): AttackKit {
  let h: Harness;
  afterEach(async () => {
    await h?.stop();
  });

  async function setup(name: string, people = PARTNERS.length): Promise<void> {
    h = await env.harness(name);
    h.clock.set(START);
    await h.command("amina", "role <@carlos> coordinator");
    h.fake.rosters.set(
      "C-PARTNERS",
      PARTNERS.slice(0, people).map((p) => ({ userId: p.id, displayName: p.name, reachable: true })),
    );
  }

  const invitationOf = (userId: string, contains = "anonymous pulse"): Delivery =>
    h.fake.deliveries.filter((d) => d.conversationId === `D-${userId}` && h.fake.textOf({ ...d, card: d.versions[0]! }).includes(contains)).at(-1)!;

  async function openRound(kind: "pulse" | "rubric"): Promise<string> {
    const rounds = await h.app.store.rounds.list(FAKE_WORKSPACE, { kind });
    return rounds[0]!.id;
  }

  async function answer(index: number, roundId: string, extra: Record<string, string> = {}): Promise<void> {
    const p = PARTNERS[index]!;
    const invitation = invitationOf(p.id);
    await h.click(p.id, invitation, `pulse:open:${roundId}`);
    const { respect, longTerm } = profile(index);
    await h.click(p.id, invitation, `pulse:submit:${roundId}`, {
      "q:respect": String(respect),
      "q:long-term": String(longTerm),
      "q:comment": `comment of person ${index}`,
      ...extra,
    });
  }

  /** Twelve people answer in ANSWER_ORDER, minutes apart; the round closes two days later. */
  async function answeredRound(name: string): Promise<string> {
    await setup(name);
    await h.command("carlos", "pulse start partner-pulse closes in 3d", { conversation: "C-PARTNERS" });
    const id = await openRound("pulse");
    for (const i of ANSWER_ORDER) {
      h.clock.advance(7 * 60_000 + i * 1000);
      await answer(i, id);
    }
    h.clock.set(new Date(new Date(START).getTime() + 49 * HOUR));
    const closed = h.text(await h.command("carlos", "pulse close"));
    expect(closed).toContain("is closed");
    return id;
  }

  const mentionsPartner = (row: unknown): string | null => {
    const text = JSON.stringify(row, (_k, v) => (typeof v === "bigint" ? String(v) : v));
    return PARTNERS.find((p) => text.includes(p.id) || text.includes(p.name))?.id ?? null;
  };

  return {
    get h() {
      return h;
    },
    setup,
    invitationOf,
    openRound,
    answer,
    answeredRound,
    mentionsPartner,
  };
}
