/**
 * The workspace as one JSON document, for an admin to keep before asking for its deletion (or at
 * any time): settings, people and roles, the register (partnerships, their organisations, reviews,
 * actions), and every closed round with the results its results card shows: the same anonymity
 * gate, so the export reveals nothing a results card would not. Answers themselves, invitation
 * lists and who answered are never in it.
 */
import type { Card } from "../core/card.ts";
import { card, context, text } from "../core/card.ts";
import type { BotDeps, HandlerContext } from "../core/context.ts";
import type { Round, Workspace } from "../store/types.ts";
import { computePulseResults } from "../surveys/results.ts";
import { computeRubricResults } from "../rubrics/results.ts";

/** Bumped when the document's shape changes, so a reader can tell versions apart. */
const EXPORT_VERSION = 1;

/** A closed round's metadata and gated results (the round itself is summarised, not copied). */
function roundSummary(round: Round, results: Record<string, unknown>) {
  const { round: _omitted, ...rest } = results;
  return {
    ref: round.ref,
    kind: round.kind,
    mode: round.mode,
    status: round.status,
    opensAt: round.opensAt.toISOString(),
    closesAt: round.closesAt.toISOString(),
    closedAt: round.closedAt?.toISOString() ?? null,
    invited: round.invitedCount,
    promise: { threshold: round.threshold, commentThreshold: round.commentThreshold, minCommenters: round.minCommenters },
    results: rest,
  };
}

/** Builds the export document of a workspace (`exportedBy`: the admin, or "cli"). */
export async function exportWorkspace(deps: BotDeps, workspace: Workspace, locale: string, exportedBy: string): Promise<Record<string, unknown>> {
  const store = deps.store;
  const partnerships = await store.partnerships.list(workspace.id, { includeArchived: true });
  const rounds: unknown[] = [];
  for (const kind of ["pulse", "rubric"] as const) {
    for (const round of await store.rounds.list(workspace.id, { kind, limit: 100_000 })) {
      if (round.status !== "closed") {
        rounds.push({ ref: round.ref, kind, status: round.status, opensAt: round.opensAt.toISOString(), closesAt: round.closesAt.toISOString() });
        continue;
      }
      const results = kind === "pulse" ? await computePulseResults(deps, workspace, round, locale) : await computeRubricResults(deps, workspace, round, locale);
      rounds.push(roundSummary(round, results as unknown as Record<string, unknown>));
    }
  }
  const { id: _id, deletion, hadAdmin: _hadAdmin, ...settings } = workspace;
  return {
    format: "partnership-reflection-workspace",
    version: EXPORT_VERSION,
    exportedAt: deps.clock.now().toISOString(),
    exportedBy,
    workspace: { ...settings, deletion: deletion ? { after: deletion.after.toISOString(), reason: deletion.reason } : null },
    members: (await store.members.list(workspace.id)).map((m) => ({ userId: m.userId, displayName: m.displayName, role: m.role, organisation: m.organisation })),
    partnerships: await Promise.all(
      partnerships.map(async (p) => ({ ...p, organisations: (await store.partnerships.organisations(p.id)).map(({ name, side }) => ({ name, side })) })),
    ),
    reviews: [...(await store.reviews.listOpen(workspace.id)), ...(await store.reviews.listDone(workspace.id))],
    actions: await store.actions.list(workspace.id),
    summaries: await store.summaries.list(workspace.id),
    rounds,
  };
}

/** The export as a file card (a JSON download in Slack and the playground). */
export async function exportCard(ctx: HandlerContext, title: string, ...extra: Card["elements"]): Promise<Card> {
  const document = await exportWorkspace(ctx.deps, ctx.workspace, ctx.t.locale, ctx.member.userId);
  const date = ctx.deps.clock.now().toISOString().slice(0, 10);
  return card(
    title,
    text(title),
    { type: "file", filename: `workspace-${date}.json`, mimeType: "application/json", content: JSON.stringify(document, null, 2) },
    ...extra,
    context(ctx.t("workspace.export_note")),
  );
}
