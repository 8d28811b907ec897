/**
 * Buttons and forms on pulse cards: `pulse:open:<round>` shows the form, `pulse:submit:<round>`
 * records the answers, `pulse:reminders-off` stops reminders for this person.
 */
import { card, text } from "../card.ts";
import type { HandlerContext } from "../context.ts";
import type { ActionEvent } from "../events.ts";
import { formCard, noticeFor, thanksCard } from "../../surveys/cards.ts";
import { personHash } from "../../surveys/participation.ts";
import { templateOf } from "../../surveys/results.ts";
import { parsePulseValues, submitPulse } from "../../surveys/submit.ts";
import { formatDateTime } from "../dates.ts";
import type { ActionHandler } from "./types.ts";
import { refusalMessage } from "./submit-outcome.ts";
import { pulseFormSubmit } from "./pulse-form.ts";

export const pulseActions: ActionHandler = async (ctx: HandlerContext, action: ActionEvent) => {
  const [, verb, roundId] = action.actionId.split(":");
  const { deps, t, workspace, member } = ctx;
  const zone = member.timezone ?? workspace.timezone;
  if (verb === "start-form") {
    await pulseFormSubmit(ctx, action);
    return;
  }
  if (verb === "reminders-off") {
    await deps.store.members.update(workspace.id, member.userId, { remindersOptOut: true });
    await ctx.reply(noticeFor(t("pulse.reminders_off")));
    return;
  }
  const round = roundId ? await deps.store.rounds.byId(roundId) : null;
  if (!round || round.workspaceId !== workspace.id || round.kind !== "pulse") {
    await ctx.reply(noticeFor(t("error.unknown_action")));
    return;
  }
  const now = deps.clock.now();
  if (round.status !== "open" || round.closesAt <= now) {
    await ctx.replaceSource(noticeFor(t("pulse.round_closed", { closed: formatDateTime(round.closedAt ?? round.closesAt, zone, t.locale) })));
    return;
  }
  const template = await templateOf(deps, round);
  if (verb === "open") {
    const secret = await deps.store.rounds.secret(round.id);
    if (secret && (await deps.store.responses.hasParticipated(round.id, personHash(secret, workspace.id, member.userId)))) {
      await ctx.replaceSource(noticeFor(t("pulse.already_answered")));
      return;
    }
    await ctx.replaceSource(formCard({ t, zone }, round, template));
    return;
  }
  if (verb === "submit") {
    const parsed = parsePulseValues(round, template, action.values);
    if (!parsed.ok) {
      await ctx.reply(noticeFor(t("pulse.invalid_answer", { field: parsed.field, value: parsed.value })));
      return;
    }
    const outcome = await submitPulse(deps, workspace, round, member.userId, parsed);
    if (outcome.ok) {
      await ctx.replaceSource(thanksCard({ t, zone }, round, workspace));
      return;
    }
    const message = refusalMessage(t, outcome, round.closesAt, zone);
    await ctx.reply(card(message, text(`:warning: ${message}`)));
    return;
  }
  await ctx.reply(noticeFor(t("error.unknown_action")));
};
