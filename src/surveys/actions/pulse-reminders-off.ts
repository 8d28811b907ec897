/**
 * "Stop reminding me" on a pulse reminder: for this round only, kept as a one-way code like
 * participation. A member row rewritten at this moment would say the person had not answered yet,
 * long after the round closed. (Buttons from before this was per round set the general preference.)
 */
import { z } from "zod";
import { defineAction } from "../../core/actions.ts";
import { noticeFor } from "../../core/replies.ts";
import { ANYONE } from "../../core/roles.ts";
import { personHash } from "../participation.ts";
import { openRoundOfAction } from "../round-action.ts";

export const pulseRemindersOffAction = defineAction({
  name: "pulse.reminders-off",
  roles: ANYONE,
  payload: z.object({ round: z.string().min(1).max(64).optional() }),
  legacy: (id) => (id === "pulse:reminders-off" ? {} : id.startsWith("pulse:reminders-off:") ? { round: id.slice("pulse:reminders-off:".length) } : null),
  async handle(ctx, { round: roundId }) {
    const { deps, t, workspace, member } = ctx;
    if (!roundId) {
      await deps.store.members.update(workspace.id, member.userId, { remindersOptOut: true });
      await ctx.reply(noticeFor(t("pulse.reminders_off")));
      return;
    }
    const found = await openRoundOfAction(ctx, roundId, "pulse");
    if (!found) return;
    const secret = await deps.store.rounds.secret(found.round.id);
    if (secret) await deps.store.responses.optOutOfReminders(found.round.id, personHash(secret, workspace.id, member.userId));
    await ctx.reply(noticeFor(t("pulse.reminders_off_round")), found.about);
  },
});
