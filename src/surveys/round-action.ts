/** What every click on a round's card checks first: the round exists here, is of this kind, and is open. */
import type { HandlerContext, ReplyOptions } from "../core/context.ts";
import { formatDateTime } from "../core/dates.ts";
import { noticeFor } from "../core/replies.ts";
import type { Round, RoundKind } from "../store/types.ts";
import { z } from "zod";

/** The payload of a button about one round. */
export const roundPayload = z.object({ round: z.string().min(1).max(64) });

/** The legacy action id `<kind>:<verb>:<round>` of buttons posted before actions were typed. */
export const legacyRound = (prefix: string) => (actionId: string) =>
  actionId.startsWith(prefix) && actionId.length > prefix.length ? { round: actionId.slice(prefix.length) } : null;

export async function openRoundOfAction(ctx: HandlerContext, roundId: string, kind: RoundKind): Promise<{ round: Round; about: ReplyOptions } | null> {
  const { deps, t, workspace, member } = ctx;
  const round = await deps.store.rounds.byId(roundId);
  if (!round || round.workspaceId !== workspace.id || round.kind !== kind) {
    await ctx.reply(noticeFor(t("error.unknown_action")));
    return null;
  }
  // Every reply from here on is about the round: filed under its scope, gone at close.
  const about = { about: round };
  if (round.status !== "open" || round.closesAt <= deps.clock.now()) {
    const zone = member.timezone ?? workspace.timezone;
    await ctx.replaceSource(noticeFor(t("pulse.round_closed", { closed: formatDateTime(round.closedAt ?? round.closesAt, zone, t.locale) })), about);
    return null;
  }
  // A channel's shared invitation is pressed by anyone in the channel: only invitees get a form.
  if (!(await deps.store.rounds.isInvited(round.id, member.userId))) {
    await ctx.reply(noticeFor(t("pulse.not_invited")), about);
    return null;
  }
  return { round, about };
}
