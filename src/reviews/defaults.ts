/**
 * The calendar a new partnership starts with, so nobody has to build it by hand: an annual joint
 * reflection with the partner (Alert: a joint reflection with each partner every year; IIRR 4.9:
 * an annual joint review) and a rubric check-in every six months (CLARISSA). Both repeat when
 * marked done; a workspace can turn this off (`settings auto-schedule off`). Closing a rubric
 * check-in moves the partnership's calendar on to the next one.
 */
import type { BotDeps } from "../core/context.ts";
import type { Partnership, ReviewEvent, Round, Workspace } from "../store/types.ts";
import { addDays, addMonths, todayIn } from "./dates.ts";

/** Months between the scheduled events (the seeds' cadences). */
const JOINT_REFLECTION_MONTHS = 12;
const CHECKIN_MONTHS = 6;

/** Schedules the default reviews of a new partnership; returns what it created. */
export async function scheduleDefaults(deps: BotDeps, workspace: Workspace, partnership: Partnership, actor: string): Promise<ReviewEvent[]> {
  if (!workspace.autoSchedule) return [];
  const now = deps.clock.now();
  const today = todayIn(now, workspace.timezone);
  const created: ReviewEvent[] = [];
  for (const [kind, months] of [
    ["joint-reflection", JOINT_REFLECTION_MONTHS],
    ["rubric-checkin", CHECKIN_MONTHS],
  ] as const) {
    if (await deps.store.reviews.openOfKind(partnership.id, kind)) continue;
    created.push(
      await deps.store.reviews.create(
        { workspaceId: workspace.id, partnershipId: partnership.id, kind, label: null, dueDate: addMonths(today, months), everyMonths: months, createdBy: actor },
        now,
      ),
    );
  }
  return created;
}

/**
 * A rubric round of a partnership closed: its open "check-in due" event is done, and the next is
 * due one cadence later (`settings cadence`), so the calendar follows what actually happened.
 */
export async function checkinHeld(deps: BotDeps, workspace: Workspace, round: Round): Promise<ReviewEvent | null> {
  if (round.kind !== "rubric" || !round.partnershipId) return null;
  const now = deps.clock.now();
  const open = await deps.store.reviews.openOfKind(round.partnershipId, "rubric-checkin");
  if (open) await deps.store.reviews.markDone(open.id, `round ${round.ref}`, now);
  if (!open && !workspace.autoSchedule) return null;
  return deps.store.reviews.create(
    {
      workspaceId: workspace.id,
      partnershipId: round.partnershipId,
      kind: "rubric-checkin",
      label: null,
      dueDate: addDays(todayIn(now, workspace.timezone), workspace.rubricCadenceDays),
      everyMonths: open?.everyMonths ?? CHECKIN_MONTHS,
      createdBy: round.createdBy,
    },
    now,
  );
}
