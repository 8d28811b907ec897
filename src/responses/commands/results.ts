/**
 * `/reflect results [round]`: the results of a closed round, for anyone it was addressed to
 * (partners included), with the coordinator's response and the progress of the actions it
 * promised. Coordinators and leads may read any round; others only rounds addressed to them.
 * Figures pass the same gate as every results card.
 */
import { card, context, heading, text } from "../../core/card.ts";
import { defineCommand } from "../../core/commands.ts";
import { phrase } from "../../core/grammar/options.ts";
import { errorCard } from "../../core/replies.ts";
import { ANYONE, READERS } from "../../core/roles.ts";
import type { Round } from "../../store/types.ts";
import { responseCard } from "../cards.ts";
import { addressees, roundResultsCard } from "../round-results.ts";

export const resultsCommand = defineCommand({
  name: "results",
  path: ["results"],
  area: "respond",
  roles: ANYONE,
  parse: (c) => {
    const round = phrase(c.rest());
    return round ? { round } : {};
  },
  async handle(ctx, { round: ref }: { round?: string }) {
    const { deps, t, workspace, member } = ctx;
    const reader = READERS.includes(member.role);
    const recent = [
      ...(await deps.store.rounds.list(workspace.id, { kind: "pulse", status: "closed", limit: 10 })),
      ...(await deps.store.rounds.list(workspace.id, { kind: "rubric", status: "closed", limit: 10 })),
    ].sort((a, b) => (b.closedAt?.getTime() ?? 0) - (a.closedAt?.getTime() ?? 0));
    const mine: Round[] = [];
    for (const round of recent) if (reader || (await addressees(deps, workspace, round)).some((a) => a.userId === member.userId)) mine.push(round);
    let round: Round | undefined;
    if (ref) {
      const found = await deps.store.rounds.get(workspace.id, ref);
      // Someone not addressed gets the same answer as for a round that does not exist.
      round = found && found.status === "closed" && (reader || mine.some((r) => r.id === found.id)) ? found : undefined;
      if (!round) {
        await ctx.reply(errorCard(ctx, t("results.unknown", { ref, yours: mine.map((r) => `\`${r.ref}\``).join(", ") || t("common.nothing") }), "respond"));
        return;
      }
    } else round = mine[0];
    if (!round) {
      const message = t("results.none_yet");
      await ctx.reply(card(message, heading(message), context(t("results.none_hint"))));
      return;
    }
    const zone = member.timezone ?? workspace.timezone;
    const results = await roundResultsCard(deps, workspace, round, t, zone);
    const response = await deps.store.roundResponses.get(round.id);
    const shown = response ? responseCard(t, round, response, await deps.store.actions.list(workspace.id, { roundId: round.id }), results) : results;
    const others = mine.filter((r) => r.id !== round.id).slice(0, 5);
    await ctx.reply({
      ...shown,
      elements: [
        ...shown.elements,
        ...(response ? [] : [context(t("results.no_response_yet"))]),
        ...(others.length ? [text(t("results.others", { refs: others.map((r) => `\`${r.ref}\``).join(", ") }))] : []),
      ],
    });
  },
});
