/** How far a round's invitations have gone out, in words (the start reply shows it as it moves). */
import type { Translate } from "../core/i18n.ts";
import type { Round } from "../store/types.ts";

/** How many invitation messages a round queued (a shared channel card counts once per channel). */
export const inviteMessages = (round: Pick<Round, "reach">): number => round.reach.dm + round.reach.channel + round.reach.email;

export function progressLine(t: Translate, p: { done: number; failed: number; total: number }): string {
  if (p.done + p.failed >= p.total) {
    return p.failed > 0 ? t("progress.done_failed", { done: p.done, failed: p.failed }) : t("progress.done", { total: p.total });
  }
  return t("progress.sending", { done: p.done, total: p.total, failed: p.failed });
}
