/** `/reflect partner show <partnership>`: its fields, open reviews and open actions. */
import { partnershipCard } from "../cards.ts";
import { todayIn } from "../dates.ts";
import { lookupPartnership, partnershipArg } from "../partner-lookup.ts";
import { defineCommand } from "../../core/commands.ts";
import { READERS } from "../../core/roles.ts";

export const partnerShowCommand = defineCommand({
  name: "partner.show",
  path: ["partner|partners|partnership", "show"],
  area: "partner",
  roles: READERS,
  parse: partnershipArg("partner"),
  async handle(ctx, command) {
    const p = await lookupPartnership(ctx, command.partnership, "partner");
    if (!p) return;
    const { deps, t, workspace } = ctx;
    const reviews = await deps.store.reviews.listOpen(workspace.id, { partnershipId: p.id });
    const actions = await deps.store.actions.list(workspace.id, { status: "open", partnershipId: p.id });
    const organisations = await deps.store.partnerships.organisations(p.id);
    // Its pulses and check-ins, newest first (results: `/reflect pulse results <ref>`).
    const rounds = [
      ...(await deps.store.rounds.list(workspace.id, { kind: "pulse", partnershipId: p.id, limit: 10 })),
      ...(await deps.store.rounds.list(workspace.id, { kind: "rubric", partnershipId: p.id, limit: 10 })),
    ]
      .sort((a, b) => b.opensAt.getTime() - a.opensAt.getTime())
      .slice(0, 10);
    await ctx.reply(partnershipCard(t, p, reviews, actions, todayIn(deps.clock.now(), workspace.timezone), organisations, rounds));
  },
});
