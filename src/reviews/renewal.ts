/**
 * An agreement end date is a review event: IIRR 4.7 (agreements for a set time, with renewal
 * options). Adding or changing the end date creates or moves the open renewal event.
 */
import type { BotDeps } from "../core/context.ts";
import type { Partnership, ReviewEvent } from "../store/types.ts";

export async function syncRenewal(deps: BotDeps, partnership: Partnership, actor: string): Promise<ReviewEvent | null> {
  if (!partnership.agreementEndDate) return null;
  const existing = await deps.store.reviews.openOfKind(partnership.id, "agreement-renewal");
  if (existing) {
    if (existing.dueDate !== partnership.agreementEndDate) await deps.store.reviews.setDueDate(existing.id, partnership.agreementEndDate);
    return { ...existing, dueDate: partnership.agreementEndDate };
  }
  return deps.store.reviews.create(
    {
      workspaceId: partnership.workspaceId,
      partnershipId: partnership.id,
      kind: "agreement-renewal",
      label: null,
      dueDate: partnership.agreementEndDate,
      everyMonths: null,
      createdBy: actor,
    },
    deps.clock.now(),
  );
}
