/**
 * The contract every platform adapter passes (web now; Slack and Teams with their issues):
 * outbound posts, private messages, DMs, updates and rosters through the adapter's own transport,
 * and an inbound `/reflect help` that comes back to the caller only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlatformAdapter } from "../../src/core/adapter.ts";
import type { Card } from "../../src/core/card.ts";

/** What a conversation looks like to one person, read back through the platform's own view. */
interface SeenMessage {
  conversationId: string;
  text: string;
  /** True when the platform shows it only to this person. */
  private: boolean;
}

export interface ContractSetup {
  adapter: PlatformAdapter;
  workspaceId: string;
  channelId: string;
  /** Members of channelId, as the platform would list them. */
  channelMembers: string[];
  seenBy(userId: string): Promise<SeenMessage[]>;
  /** Sends `/reflect <text>` as the user in the channel through the platform's inbound transport. */
  sendCommand(userId: string, text: string): Promise<void>;
  /** Waits until queued outbound messages were delivered. */
  settle(): Promise<void>;
  teardown(): Promise<void>;
}

const sample = (summary: string): Card => ({
  summary,
  elements: [
    { type: "text", text: summary, style: "heading" },
    { type: "text", text: "Body with *bold* and <@someone>", style: "plain" },
    { type: "buttons", buttons: [{ actionId: "noop:1", label: "Click", value: "v" }] },
  ],
});

export function adapterContract(name: string, setup: () => Promise<ContractSetup>): void {
  describe(`adapter contract: ${name}`, () => {
    let s: ContractSetup;
    beforeAll(async () => {
      s = await setup();
    });
    afterAll(async () => {
      await s?.teardown();
    });

    it("has sane pacing rules", () => {
      expect(s.adapter.pacing.maxAttempts).toBeGreaterThanOrEqual(1);
      expect(s.adapter.pacing.perConversationIntervalMs).toBeGreaterThanOrEqual(0);
    });

    it("posts to a channel everyone in it sees", async () => {
      const [a, b] = s.channelMembers;
      await s.adapter.post(s.workspaceId, { kind: "conversation", conversationId: s.channelId }, sample("Channel hello"));
      for (const user of [a!, b!]) {
        const seen = await s.seenBy(user);
        expect(seen.some((m) => m.conversationId === s.channelId && m.text.includes("Channel hello") && !m.private)).toBe(true);
      }
    });

    it("posts privately to one person in a channel", async () => {
      const [a, b] = s.channelMembers;
      await s.adapter.post(s.workspaceId, { kind: "private", conversationId: s.channelId, userId: a! }, sample("Only for you"));
      expect((await s.seenBy(a!)).some((m) => m.text.includes("Only for you") && m.private)).toBe(true);
      expect((await s.seenBy(b!)).some((m) => m.text.includes("Only for you"))).toBe(false);
    });

    it("opens a DM and posts into it", async () => {
      const [a, b] = s.channelMembers;
      const dm = await s.adapter.openDm(s.workspaceId, a!);
      expect(typeof dm).toBe("string");
      await s.adapter.post(s.workspaceId, { kind: "dm", userId: a! }, sample("Direct hello"));
      expect((await s.seenBy(a!)).some((m) => m.text.includes("Direct hello"))).toBe(true);
      expect((await s.seenBy(b!)).some((m) => m.text.includes("Direct hello"))).toBe(false);
    });

    it("replaces a posted card", async () => {
      const [a] = s.channelMembers;
      const ref = await s.adapter.post(s.workspaceId, { kind: "dm", userId: a! }, sample("Form v1"));
      await s.adapter.update(s.workspaceId, ref, sample("Confirmed v2"));
      const seen = await s.seenBy(a!);
      expect(seen.some((m) => m.text.includes("Confirmed v2"))).toBe(true);
      expect(seen.some((m) => m.text.includes("Form v1"))).toBe(false);
    });

    it("lists channel members", async () => {
      const members = await s.adapter.listMembers(s.workspaceId, s.channelId);
      expect(members.map((m) => m.userId).sort()).toEqual([...s.channelMembers].sort());
      expect(members.every((m) => typeof m.reachable === "boolean")).toBe(true);
    });

    it("answers an inbound /reflect help to the caller only", async () => {
      const [a, b] = s.channelMembers;
      await s.sendCommand(a!, "help");
      await s.settle();
      const mine = await s.seenBy(a!);
      expect(mine.some((m) => m.text.includes("Partnership reflection: commands") && m.private)).toBe(true);
      expect((await s.seenBy(b!)).some((m) => m.text.includes("Partnership reflection: commands"))).toBe(false);
    });
  });
}
