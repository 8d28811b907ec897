/**
 * `/reflect partner emails <partnership> [add email:<address>[,…] [language <code>] [org "<organisation>"] | remove email:<address>]`:
 * the partnership's email contacts, kept by coordinators so a round started `for` the partnership
 * `to contacts` reaches partners who have no account on the platform. Addresses are kept only
 * here (never in the audit log); each round copies them into its invitations, erased at close.
 * A contact's organisation (one of the partnership's list) is the one a collective check-in they
 * answer by email is rated for.
 */
import { card, context, heading, text } from "../../core/card.ts";
import { defineCommand } from "../../core/commands.ts";
import { type Cursor, EMAIL, fail, normaliseEmail, phrase, word } from "../../core/grammar/options.ts";
import { isWord } from "../../core/grammar/tokens.ts";
import { errorCard } from "../../core/replies.ts";
import { COORDINATORS } from "../../core/roles.ts";
import { lookupPartnership } from "../partner-lookup.ts";

interface EmailsArgs {
  partnership: string;
  change?: { verb: "add" | "remove"; emails: string[]; locale: string | null; organisation: string | null };
}

export const partnerEmailsCommand = defineCommand({
  name: "partner.emails",
  path: ["partner|partners|partnership", "emails|email|contacts"],
  area: "partner",
  roles: COORDINATORS,
  parse(c: Cursor): EmailsArgs {
    const first = c.next();
    if (!first) return fail("partner", "error.partnership_missing");
    const partnership = first.kind === "quoted" ? first.text : phrase([first, ...c.until(["add", "remove"])]);
    if (c.done()) return { partnership };
    const verb = word(c.next());
    if (verb !== "add" && verb !== "remove") return fail("partner", "error.email", { value: verb ?? "" });
    const emails: string[] = [];
    let locale: string | null = null;
    let organisation: string | null = null;
    while (!c.done()) {
      const t = c.next()!;
      if (isWord(t, "org", "organisation", "organization")) {
        const name = c.next();
        if (!name) return fail("partner", "error.organisation_missing");
        organisation = name.kind === "quoted" ? name.text : phrase([name, ...c.until(["language", "lang"])]);
        continue;
      }
      if (isWord(t, "language", "lang")) {
        const code = word(c.next());
        if (!code || !/^[a-z]{2,3}(-[a-z0-9]{2,8})?$/.test(code)) return fail("partner", "error.language_code", { value: code ?? "" });
        locale = code;
        continue;
      }
      const raw = t.kind === "word" ? t.text.replace(/^email:/i, "").replace(/<mailto:([^|>]+)(?:\|[^>]*)?>/g, "$1") : "";
      for (const a of raw
        .split(/[,;]/)
        .map((x) => x.trim().toLowerCase())
        .filter(Boolean)) {
        if (a.length > 254 || !EMAIL.test(a)) return fail("partner", "error.email", { value: a });
        emails.push(normaliseEmail(a));
      }
      if (!raw) return fail("partner", "error.email", { value: t.kind === "word" || t.kind === "quoted" ? t.text : "" });
    }
    if (emails.length === 0) return fail("partner", "error.email", { value: "" });
    return { partnership, change: { verb, emails: [...new Set(emails)], locale, organisation } };
  },
  async handle(ctx, { partnership: typed, change }) {
    const { deps, t, workspace } = ctx;
    const partnership = await lookupPartnership(ctx, typed, "partner");
    if (!partnership) return;
    if (change?.verb === "add") {
      // Organisations come from the partnership's own list (never free text on a rating).
      let organisation: string | null = null;
      if (change.organisation) {
        const listed = await deps.store.partnerships.organisations(partnership.id);
        organisation = listed.find((o) => o.name.toLowerCase() === change.organisation!.toLowerCase())?.name ?? null;
        if (!organisation) {
          const known = listed.map((o) => o.name).join(", ") || t("org.none");
          await ctx.reply(errorCard(ctx, t("contacts.org_unknown", { value: change.organisation, partnership: partnership.name, known }), "partner"));
          return;
        }
      }
      let added = 0;
      for (const email of change.emails)
        if (!("duplicate" in (await deps.store.partnerships.addContact(workspace.id, partnership.id, email, change.locale, organisation)))) added++;
      // Who placed contacts in which organisation is on record (a collective rating by email is
      // that organisation's): the organisation and how many, never the addresses.
      await ctx.audit("partner.contacts_add", partnership.id, { count: added, ...(organisation ? { organisation, placed: change.emails.length } : {}) });
    } else if (change?.verb === "remove") {
      let removed = 0;
      for (const email of change.emails) if (await deps.store.partnerships.removeContact(partnership.id, email)) removed++;
      if (removed === 0) {
        await ctx.reply(errorCard(ctx, t("contacts.unknown", { partnership: partnership.name }), "partner"));
        return;
      }
      await ctx.audit("partner.contacts_remove", partnership.id, { count: removed });
    }
    const contacts = await deps.store.partnerships.contacts(partnership.id);
    const title = t("contacts.title", { partnership: partnership.name });
    const lines = contacts.map((c) => {
      const about = [c.locale, c.organisation].filter(Boolean).join(", ");
      return `• ${c.email}${about ? ` (${about})` : ""}`;
    });
    await ctx.reply(
      card(
        title,
        heading(title),
        text(lines.length ? lines.join("\n") : t("org.none")),
        context(t(deps.links.email ? "contacts.footer" : "contacts.footer_no_email", { partnership: partnership.name })),
      ),
    );
  },
});
