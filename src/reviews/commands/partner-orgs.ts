/**
 * `/reflect partner orgs <partnership> [add "<organisation>" [host] | remove "<organisation>"]`:
 * the organisations taking part in a partnership, kept by coordinators. People are placed in one of
 * these (`/reflect organisation`); collective check-ins take one rating from each; results show each
 * side (host and partners) next to the other.
 */
import { card, context, heading, text } from "../../core/card.ts";
import { defineCommand } from "../../core/commands.ts";
import { type Cursor, fail, phrase, word } from "../../core/grammar/options.ts";
import { isWord } from "../../core/grammar/tokens.ts";
import { errorCard } from "../../core/replies.ts";
import { COORDINATORS } from "../../core/roles.ts";
import { lookupPartnership } from "../partner-lookup.ts";

interface OrgsArgs {
  partnership: string;
  change?: { verb: "add" | "remove"; organisation: string; host: boolean };
}

export const partnerOrgsCommand = defineCommand({
  name: "partner.orgs",
  path: ["partner|partners|partnership", "orgs|org|organisations|organisation|organizations"],
  area: "partner",
  roles: COORDINATORS,
  parse(c: Cursor): OrgsArgs {
    const first = c.next();
    if (!first) return fail("partner", "error.partnership_missing");
    const partnership = first.kind === "quoted" ? first.text : phrase([first, ...c.until(["add", "remove"])]);
    if (c.done()) return { partnership };
    const verb = word(c.next()) as "add" | "remove";
    const rest = c.rest();
    const host = verb === "add" && rest.length > 1 && isWord(rest[rest.length - 1], "host");
    const organisation = phrase(host ? rest.slice(0, -1) : rest);
    if (!organisation) return fail("partner", "error.organisation_missing");
    return { partnership, change: { verb, organisation: organisation.slice(0, 120), host } };
  },
  async handle(ctx, { partnership: typed, change }) {
    const { deps, t, workspace } = ctx;
    const partnership = await lookupPartnership(ctx, typed, "partner");
    if (!partnership) return;
    if (change?.verb === "add") {
      const added = await deps.store.partnerships.addOrganisation(workspace.id, partnership.id, change.organisation, change.host ? "host" : "partner");
      if ("duplicate" in added) {
        await ctx.reply(errorCard(ctx, t("org.duplicate", { organisation: change.organisation, partnership: partnership.name }), "partner"));
        return;
      }
      await ctx.audit("partner.org_add", partnership.id, { organisation: added.name, side: added.side });
    } else if (change?.verb === "remove") {
      if (!(await deps.store.partnerships.removeOrganisation(partnership.id, change.organisation))) {
        await ctx.reply(errorCard(ctx, t("org.unknown_in", { organisation: change.organisation, partnership: partnership.name }), "partner"));
        return;
      }
      await ctx.audit("partner.org_remove", partnership.id, { organisation: change.organisation });
    }
    const orgs = await deps.store.partnerships.organisations(partnership.id);
    const title = t("org.list_title", { partnership: partnership.name });
    const lines = orgs.map((o) => `• ${t(o.side === "host" ? "org.host_line" : "org.partner_line", { organisation: o.name })}`);
    await ctx.reply(card(title, heading(title), text(lines.length ? lines.join("\n") : t("org.none")), context(t("org.list_footer", { partnership: partnership.name }))));
  },
});
