/**
 * One storage suite, run on PGlite (npm test) and on PostgreSQL (test:pg, in CI): the same
 * migrations, the same SQL, the same behaviour.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaStore } from "../../src/store/prisma/index.ts";

export function defineStorageSuite(label: string, open: () => Promise<PrismaStore>): void {
  describe(`storage on ${label}`, () => {
    let store: PrismaStore;
    const ws = `test:${label}-${Date.now()}`;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store?.close();
    });

    it("answers ping", async () => {
      expect(await store.ping()).toBe(true);
    });

    it("creates workspaces with defaults and updates settings", async () => {
      const w = await store.workspaces.ensure({ platform: "slack", externalId: `T${ws}` });
      expect(w).toMatchObject({ id: `slack:T${ws}`, threshold: 5, commentThreshold: 5, timezone: "UTC", retentionMonths: 24, reminderOffsets: [30, 7, 1] });
      const again = await store.workspaces.ensure({ platform: "slack", externalId: `T${ws}` });
      expect(again.id).toBe(w.id);
      const updated = await store.workspaces.updateSettings(w.id, { threshold: 7, timezone: "Asia/Kathmandu", reminderOffsets: [14, 2] });
      expect(updated).toMatchObject({ threshold: 7, timezone: "Asia/Kathmandu", reminderOffsets: [14, 2] });
      // Plain objects, not Prisma models.
      expect(Object.getPrototypeOf(updated)).toBe(Object.prototype);
    });

    it("keeps members and roles per workspace", async () => {
      const a = await store.workspaces.ensure({ platform: "slack", externalId: `A${ws}` });
      const b = await store.workspaces.ensure({ platform: "slack", externalId: `B${ws}` });
      await store.members.ensure(a.id, "U1", "Amina");
      await store.members.setRole(a.id, "U1", "admin");
      await store.members.ensure(b.id, "U1", "Amina elsewhere");
      expect((await store.members.get(a.id, "U1"))?.role).toBe("admin");
      expect((await store.members.get(b.id, "U1"))?.role).toBe("partner");
      expect(await store.members.countByRole(a.id, "admin")).toBe(1);
      expect(await store.members.countByRole(b.id, "admin")).toBe(0);
      await store.members.update(a.id, "U1", { locale: "fr", remindersOptOut: true });
      expect(await store.members.get(a.id, "U1")).toMatchObject({ locale: "fr", remindersOptOut: true, displayName: "Amina" });
    });

    it("deduplicates outbox messages by key and claims each message once", async () => {
      const base = {
        workspaceId: ws,
        platform: "fake" as const,
        op: "post" as const,
        destination: { kind: "dm" as const, userId: "U1" },
        paceKey: "p",
        card: { summary: "hi", elements: [] },
      };
      expect(await store.outbox.enqueue({ ...base, dedupeKey: `${ws}:k1` })).toBe(true);
      expect(await store.outbox.enqueue({ ...base, dedupeKey: `${ws}:k1` })).toBe(false);
      expect(await store.outbox.enqueue({ ...base, dedupeKey: `${ws}:k2` })).toBe(true);
      const now = new Date();
      const [first, second] = await Promise.all([store.outbox.claim(now, 10, 60_000), store.outbox.claim(now, 10, 60_000)]);
      const mine = [...first!, ...second!]
        .filter((m) => m.workspaceId === ws)
        .map((m) => m.dedupeKey)
        .sort();
      expect(mine).toEqual([`${ws}:k1`, `${ws}:k2`]);
      // Locked messages are not claimed again until the lock expires.
      expect((await store.outbox.claim(now, 10, 60_000)).filter((m) => m.workspaceId === ws)).toEqual([]);
      const later = new Date(now.getTime() + 61_000);
      const reclaimed = (await store.outbox.claim(later, 10, 60_000)).filter((m) => m.workspaceId === ws);
      expect(reclaimed).toHaveLength(2);
      await store.outbox.markSent(reclaimed[0]!.id, { platform: "fake", conversationId: "D", messageId: "m1" }, later);
      await store.outbox.markFailed(reclaimed[1]!.id, "boom", null);
      expect((await store.outbox.get(`${ws}:k1`))?.status).toMatch(/sent|dead/);
      expect(await store.outbox.list({ workspaceId: ws, status: "dead" })).toHaveLength(1);
    });

    it("runs a job slot once: a second claim fails, an expired unfinished claim is taken over", async () => {
      const slot = new Date("2026-01-01T09:00:00Z");
      const job = `job-${ws}`;
      const now = new Date("2026-01-01T09:00:05Z");
      expect(await store.jobs.claim(job, slot, "a", now, 60_000)).not.toBeNull();
      expect(await store.jobs.claim(job, slot, "b", now, 60_000)).toBeNull();
      // "a" crashed: after its lease, "b" may take over.
      expect(await store.jobs.claim(job, slot, "b", new Date(now.getTime() + 61_000), 60_000)).not.toBeNull();
      await store.jobs.finish(job, slot, "b", new Date(now.getTime() + 62_000));
      expect((await store.jobs.get(job, slot))?.status).toBe("done");
      expect(await store.jobs.claim(job, slot, "c", new Date(now.getTime() + 10 * 60_000_000), 60_000)).toBeNull();
    });

    it("records processed events once", async () => {
      const now = new Date();
      expect(await store.events.markProcessed("slack", `${ws}-ev1`, now)).toBe(true);
      expect(await store.events.markProcessed("slack", `${ws}-ev1`, now)).toBe(false);
      expect(await store.events.markProcessed("teams", `${ws}-ev1`, now)).toBe(true);
    });

    it("writes an audit log", async () => {
      await store.audit.record({ workspaceId: ws, actor: "U1", action: "role.set", target: "U2", detail: { role: "lead" } }, new Date());
      const entries = await store.audit.list(ws);
      expect(entries[0]).toMatchObject({ actor: "U1", action: "role.set", target: "U2", detail: { role: "lead" } });
    });

    it("stores conversation references", async () => {
      await store.conversations.save(ws, "user", "U1", { serviceUrl: "https://example", conversation: { id: "a:1" } });
      expect(await store.conversations.get(ws, "user", "U1")).toEqual({ serviceUrl: "https://example", conversation: { id: "a:1" } });
      await store.conversations.remove(ws, "user", "U1");
      expect(await store.conversations.get(ws, "user", "U1")).toBeNull();
    });

    it("purges everything of a workspace and nothing of another", async () => {
      const gone = await store.workspaces.ensure({ platform: "teams", externalId: `gone-${ws}` });
      const kept = await store.workspaces.ensure({ platform: "teams", externalId: `kept-${ws}` });
      for (const w of [gone, kept]) {
        await store.members.ensure(w.id, "U1");
        await store.audit.record({ workspaceId: w.id, actor: "U1", action: "x" }, new Date());
      }
      await store.workspaces.purge(gone.id);
      expect(await store.workspaces.get(gone.id)).toBeNull();
      expect(await store.members.get(gone.id, "U1")).toBeNull();
      expect(await store.audit.list(gone.id)).toEqual([]);
      expect(await store.members.get(kept.id, "U1")).not.toBeNull();
    });
  });
}
