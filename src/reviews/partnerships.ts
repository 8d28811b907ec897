/** Finding partnerships by what people type, with close-name suggestions when nothing matches. */
import { distance } from "fastest-levenshtein";
import type { BotDeps } from "../core/context.ts";
import type { Partnership } from "../store/types.ts";

export type Resolved = { ok: true; partnership: Partnership } | { ok: false; suggestions: string[] };

export async function resolvePartnership(deps: BotDeps, workspaceId: string, typed: string): Promise<Resolved> {
  const exact = await deps.store.partnerships.findByName(workspaceId, typed);
  if (exact) return { ok: true, partnership: exact };
  const all = await deps.store.partnerships.list(workspaceId, { includeArchived: true });
  const q = typed.trim().toLowerCase();
  const prefix = all.filter((p) => p.name.toLowerCase().startsWith(q) || p.name.toLowerCase().split(/\s+/).includes(q));
  // A unique prefix or word ("Shanti" for "Shanti Network") is what people mean.
  if (prefix.length === 1 && q.length >= 3) return { ok: true, partnership: prefix[0]! };
  // Compare with the whole name, each of its words, and its start, so "Shantti" finds "Shanti Network".
  const closeness = (name: string) => {
    const n = name.toLowerCase();
    const parts = [n, n.slice(0, q.length), ...n.split(/\s+/)];
    return Math.min(...parts.map((part) => distance(q, part)), n.includes(q) ? 1 : Infinity);
  };
  const scored = all
    .map((p) => ({ name: p.name, d: closeness(p.name) }))
    .filter((s) => s.d <= Math.max(2, Math.floor(q.length / 3)))
    .sort((a, b) => a.d - b.d);
  const suggestions = [...new Set([...prefix.map((p) => p.name), ...scored.map((s) => s.name)])].slice(0, 3);
  return { ok: false, suggestions };
}
