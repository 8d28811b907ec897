/**
 * The response form's submit: saves what was heard and what will be done, records each promised
 * action (linked to the round), and sends the response with the gated results to everyone the
 * round was addressed to, privately, and to the channel it was started from.
 */
import { z } from "zod";
import { defineAction } from "../../core/actions.ts";
import { card, inLanguage, text } from "../../core/card.ts";
import { channelTranslator } from "../../core/context.ts";
import { speakerLanguages } from "../../core/i18n.ts";
import { errorCard } from "../../core/replies.ts";
import { COORDINATORS } from "../../core/roles.ts";
import type { AgreedAction } from "../../store/types.ts";
import { responseCard } from "../cards.ts";
import { addressees, roundResultsCard } from "../round-results.ts";

const MAX_TEXT = 2000;
const MAX_ACTIONS = 10;

export const respondSubmitAction = defineAction({
  name: "respond.submit",
  roles: COORDINATORS,
  command: "respond",
  payload: z.object({ round: z.string().min(1).max(64) }).strict(),
  async handle(ctx, { round: roundId }, event) {
    const { deps, t, workspace, member } = ctx;
    const round = await deps.store.rounds.get(workspace.id, roundId);
    if (round?.status !== "closed") {
      await ctx.reply(errorCard(ctx, t("respond.unknown_round", { ref: roundId }), "respond"));
      return;
    }
    const heard = (event.values.heard ?? "").trim();
    const doing = (event.values.doing ?? "").trim();
    const lines = (event.values.actions ?? "")
      .split("\n")
      .map((l) => l.replace(/^[-•*\s]+/, "").trim())
      .filter(Boolean);
    // Nothing is lost: the reply says what to fix, and the form can be opened again.
    if (!heard || !doing || heard.length > MAX_TEXT || doing.length > MAX_TEXT) {
      await ctx.reply(errorCard(ctx, t("respond.fields_needed", { max: MAX_TEXT }), "respond"));
      return;
    }
    if (lines.length > MAX_ACTIONS || lines.some((l) => l.length > 300)) {
      await ctx.reply(errorCard(ctx, t("respond.too_many_actions", { max: MAX_ACTIONS }), "respond"));
      return;
    }
    const now = deps.clock.now();
    const saved = await deps.store.roundResponses.create({ workspaceId: workspace.id, roundId: round.id, heard, doing, createdBy: member.userId }, now);
    if ("exists" in saved) {
      await ctx.reply(errorCard(ctx, t("respond.already", { ref: round.ref }), "respond"));
      return;
    }
    const promised: AgreedAction[] = [];
    for (const line of lines) {
      promised.push(
        await deps.store.actions.create(
          {
            workspaceId: workspace.id,
            partnershipId: round.partnershipId,
            elementKey: null,
            roundId: round.id,
            text: line,
            ownerUserId: member.userId,
            dueDate: null,
            createdBy: member.userId,
          },
          now,
        ),
      );
    }
    const people = await addressees(deps, workspace, round);
    const shared = deps.directory.channelInvites(workspace.platform) === "shared-card";
    for (const person of people) {
      // Reached only in a channel on a platform without private messages there: the channel's
      // own post (below) reaches them.
      if (person.channelId && shared) continue;
      const reader = person.email ? null : await deps.store.members.get(workspace.id, person.userId);
      const pt = deps.i18n.forLocale(person.locale, ...speakerLanguages(reader), workspace.locale);
      const zone = reader?.timezone ?? workspace.timezone;
      const message = responseCard(pt, round, saved, promised, await roundResultsCard(deps, workspace, round, pt, zone));
      await deps.outbox.post({
        workspaceId: workspace.id,
        platform: workspace.platform,
        destination: person.email
          ? { kind: "email", to: person.email }
          : person.channelId
            ? { kind: "private", conversationId: person.channelId, userId: person.userId }
            : { kind: "dm", userId: person.userId },
        card: inLanguage(message, pt.locale),
        // Email rows carry an address: gone once sent. The key holds none (a hash of nothing personal).
        dedupeKey: `response:${round.id}:${person.email ? `mail:${people.indexOf(person)}` : person.userId}`,
        ...(person.email ? { transient: true } : {}),
      });
    }
    if (round.originChannelId) {
      const wt = await channelTranslator(deps, workspace, round.originChannelId);
      await deps.outbox.post({
        workspaceId: workspace.id,
        platform: workspace.platform,
        destination: { kind: "conversation", conversationId: round.originChannelId },
        card: inLanguage(responseCard(wt, round, saved, promised, await roundResultsCard(deps, workspace, round, wt, workspace.timezone)), wt.locale),
        dedupeKey: `response:${round.id}:channel`,
      });
    }
    await deps.store.roundResponses.markSent(saved.id, now);
    await ctx.audit("round.respond", round.id, { people: people.length, actions: promised.length });
    const message = t("respond.sent", { ref: round.ref, count: people.length, actions: promised.length });
    await ctx.reply(card(message, text(`:white_check_mark: ${message}`)));
  },
});
