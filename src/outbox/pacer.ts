/**
 * In-process pacing: a minimum gap per conversation and a per-second budget per workspace
 * (tenant). Platform limits are per app, so with several replicas each paces its own share; the
 * platforms' Retry-After answers (handled by the worker) cover the rest.
 */
import type { PacingRules } from "../core/adapter.ts";

export interface Pacer {
  /** Reserves a send slot; returns how long to wait (ms) before sending. */
  reserve(paceKey: string, workspaceId: string): number;
  /** Holds a conversation back (after a 429 with Retry-After). */
  pause(paceKey: string, ms: number): void;
}

export function createPacer(rules: PacingRules, now: () => number = () => Date.now()): Pacer {
  const nextFree = new Map<string, number>();
  const windows = new Map<string, number[]>();
  return {
    reserve(paceKey, workspaceId) {
      const t = now();
      let at = Math.max(t, nextFree.get(paceKey) ?? 0);
      if (rules.perWorkspacePerSecond > 0) {
        const recent = (windows.get(workspaceId) ?? []).filter((s) => s > at - 1000);
        if (recent.length >= rules.perWorkspacePerSecond) at = Math.max(at, recent[recent.length - rules.perWorkspacePerSecond]! + 1000);
        recent.push(at);
        windows.set(workspaceId, recent);
      }
      nextFree.set(paceKey, at + rules.perConversationIntervalMs);
      return at - t;
    },
    pause(paceKey, ms) {
      nextFree.set(paceKey, Math.max(nextFree.get(paceKey) ?? 0, now() + ms));
    },
  };
}
