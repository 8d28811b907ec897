/**
 * Buttons and forms on rubric cards: `rubric:open:<round>` shows the rating form,
 * `rubric:submit:<round>` records it, `rubric:confirm` starts a check-in past the cadence.
 */
import { card, text } from "../card.ts";
import type { Command } from "../grammar/commands.ts";
import { formatDateTime } from "../dates.ts";
import { commandRoles } from "../roles.ts";
import { errorCard } from "../replies.ts";
import { rubricFormCard, rubricThanksCard } from "../../rubrics/cards.ts";
import { rubricOf } from "../../rubrics/definitions.ts";
import { parseRubricValues, submitRubric } from "../../rubrics/submit.ts";
import { personHash } from "../../surveys/participation.ts";
import { noticeFor } from "../../surveys/cards.ts";
import { startConfirmed } from "./rubric-start.ts";
import { resolvePartnership } from "../../reviews/partnerships.ts";
import type { ActionHandler } from "./types.ts";
import { refusalMessage } from "./submit-outcome.ts";

export const rubricActions: ActionHandler = async (ctx, action) => {
  const [, verb, roundId] = action.actionId.split(":");
  const { deps, t, workspace, member } = ctx;
  const zone = member.timezone ?? workspace.timezone;
  if (verb === "confirm") {
    if (!commandRoles["rubric.start"].includes(member.role)) {
      await ctx.reply(errorCard(t, t("role.refused", { command: "/reflect rubric start", roles: "coordinator", yours: t(`role.${member.role}`) })));
      return;
    }
    let command: Extract<Command, { name: "rubric.start" }>;
    try {
      command = JSON.parse(action.value ?? "") as typeof command;
    } catch {
      await ctx.reply(noticeFor(t("error.unknown_action")));
      return;
    }
    const rubric = deps.prompts.rubrics.get(command.rubric ?? "clarissa");
    const found = await resolvePartnership(deps, workspace.id, String(command.partnership ?? ""));
    if (!rubric || !found.ok) {
      await ctx.reply(noticeFor(t("error.unknown_action")));
      return;
    }
    await startConfirmed(ctx, { ...command, confirmed: true }, rubric.id, found.partnership.id);
    return;
  }
  const round = roundId ? await deps.store.rounds.byId(roundId) : null;
  if (!round || round.workspaceId !== workspace.id || round.kind !== "rubric") {
    await ctx.reply(noticeFor(t("error.unknown_action")));
    return;
  }
  if (round.status !== "open" || round.closesAt <= deps.clock.now()) {
    await ctx.replaceSource(noticeFor(t("pulse.round_closed", { closed: formatDateTime(round.closedAt ?? round.closesAt, zone, t.locale) })));
    return;
  }
  const rubric = await rubricOf(deps, round);
  const partnership = round.partnershipId ? (await deps.store.partnerships.get(round.partnershipId))?.name ?? "" : "";
  const organisation = member.organisation;
  if (verb === "open") {
    if (round.mode === "collective") {
      if (!organisation) {
        await ctx.reply(noticeFor(t("rubric.collective_no_org")));
        return;
      }
      if (await deps.store.responses.organisationSubmitted(round.id, organisation)) {
        await ctx.replaceSource(noticeFor(t("rubric.org_already", { organisation })));
        return;
      }
    } else {
      const secret = await deps.store.rounds.secret(round.id);
      if (secret && (await deps.store.responses.hasParticipated(round.id, personHash(secret, workspace.id, member.userId)))) {
        await ctx.replaceSource(noticeFor(t("pulse.already_answered")));
        return;
      }
    }
    await ctx.replaceSource(rubricFormCard(t, round, rubric, partnership, organisation));
    return;
  }
  if (verb === "submit") {
    const parsed = parseRubricValues(rubric, action.values);
    if (!parsed.ok) {
      const message = parsed.problem === "unknown_element" ? t("rubric.unknown_element", { element: parsed.element, known: parsed.known }) : t("rubric.unknown_level", { element: parsed.element, level: parsed.level, known: parsed.known });
      await ctx.reply(card(message, text(`:warning: ${message}`)));
      return;
    }
    const outcome = await submitRubric(deps, workspace, round, member.userId, organisation, parsed);
    if (outcome.ok) {
      await ctx.replaceSource(rubricThanksCard(t, zone, round, round.mode === "collective", organisation));
      return;
    }
    const message = refusalMessage(t, outcome, round.closesAt, zone);
    await ctx.reply(card(message, text(`:warning: ${message}`)));
    return;
  }
  await ctx.reply(noticeFor(t("error.unknown_action")));
};
