/** Pausing check-ins when trust is weak (CLARISSA): starting is refused, due-reminders held back. */
import { card, context, text } from "../../core/card.ts";
import { lookupPartnership } from "../../reviews/partner-lookup.ts";
import { defineCommand } from "../../core/commands.ts";
import { COORDINATORS } from "../../core/roles.ts";
import { fail, phrase, type Cursor } from "../../core/grammar/options.ts";

export const rubricPauseCommand = defineCommand({
  name: "rubric.pause",
  path: ["rubric", "pause"],
  area: "rubric",
  roles: COORDINATORS,
  parse(c: Cursor): { partnership: string; reason: string } {
    const first = c.next();
    if (!first) return fail("rubric", "error.partnership_missing");
    // A quoted name is unambiguous; otherwise the first word is the partnership and the rest the reason.
    const partnership = first.kind === "quoted" ? first.text : phrase([first]);
    const reason = phrase(c.rest());
    if (!reason) return fail("rubric", "error.pause_reason");
    return { partnership, reason };
  },
  async handle(ctx, command) {
    const p = await lookupPartnership(ctx, command.partnership, "rubric");
    if (!p) return;
    await ctx.deps.store.partnerships.setPause(p.id, command.reason.slice(0, 300), ctx.deps.clock.now());
    await ctx.audit("rubric.pause", p.id, { reason: command.reason.slice(0, 300) });
    const message = ctx.t("rubric.paused", { partnership: p.name, reason: command.reason });
    await ctx.reply(card(message, text(message), text(ctx.t("rubric.other_formats")), context(ctx.t("rubric.resume_hint", { partnership: p.name }))));
  },
});
