/**
 * `/reflect organisation [@person] <organisation>`: which organisation a person belongs to (for
 * collective check-ins and the sides of results). The organisation must be one coordinators keep
 * for a partnership (`/reflect partner orgs`). Anyone may pick their own; placing someone else
 * needs coordinator or admin; nobody's changes while a collective check-in they are invited to is
 * open, since its rating is attributed to the organisation.
 */
import { card, text } from "../../core/card.ts";
import { defineCommand } from "../../core/commands.ts";
import { fail, phrase } from "../../core/grammar/options.ts";
import { errorCard } from "../../core/replies.ts";
import { ANYONE } from "../../core/roles.ts";
import { mention } from "../../core/text.ts";

export const organisationCommand = defineCommand({
  name: "organisation",
  path: ["organisation|organization|org"],
  area: "organisation",
  roles: ANYONE,
  parse(c): { user?: string; organisation: string } {
    const first = c.peek();
    const user = first?.kind === "user" ? first.id : undefined;
    if (user) c.next();
    const organisation = phrase(c.rest());
    if (!organisation) return fail("organisation", "error.organisation_missing");
    return user ? { user, organisation } : { organisation };
  },
  async handle(ctx, args) {
    const { deps, t, workspace, member } = ctx;
    const target = args.user ?? member.userId;
    if (target !== member.userId && member.role !== "admin" && member.role !== "coordinator") {
      await ctx.reply(errorCard(ctx, t("organisation.others_need_role")));
      return;
    }
    // People pick their own organisation once; changing it is a coordinator's decision, so nobody
    // can move into another organisation to answer for it.
    const self = target === member.userId && member.role !== "admin" && member.role !== "coordinator";
    if (self && member.organisation) {
      await ctx.reply(errorCard(ctx, t("organisation.change_needs_coordinator", { organisation: member.organisation }), "organisation"));
      return;
    }
    const typed = args.organisation.trim().replace(/\s+/g, " ").toLowerCase();
    const known = await deps.store.partnerships.organisationsIn(workspace.id);
    const listed = known.find((o) => o.name.toLowerCase() === typed);
    if (!listed) {
      const names = [...new Set(known.map((o) => o.name))];
      await ctx.reply(errorCard(ctx, t("organisation.unknown", { organisation: args.organisation, known: names.length ? names.join(", ") : t("common.nothing") }), "organisation"));
      return;
    }
    // Locked while a round records the person's group: a collective one (attributed) or one of a
    // partnership whose answers carry sides (moving people mid-round could single someone out).
    const open = [
      ...(await deps.store.rounds.list(workspace.id, { kind: "rubric", status: "open" })),
      ...(await deps.store.rounds.list(workspace.id, { kind: "pulse", status: "open" })),
    ];
    for (const round of open) {
      if ((round.mode === "collective" || round.segmentPlan) && (await deps.store.rounds.isInvited(round.id, target))) {
        await ctx.reply(errorCard(ctx, t("organisation.locked", { user: mention(target), ref: round.ref })));
        return;
      }
    }
    const name = listed.name;
    await deps.store.members.update(workspace.id, target, { organisation: name });
    await ctx.audit("organisation.set", target, { organisation: name });
    const message = t("organisation.set", { user: mention(target), organisation: name });
    await ctx.reply(card(message, text(message)));
  },
});
