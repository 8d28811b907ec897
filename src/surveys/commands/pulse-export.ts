/** CSV of gated aggregates only (no per-submission rows), safe for spreadsheets. */
import { card, context, text } from "../../core/card.ts";
import { computePulseResults } from "../results.ts";
import { resultsCsv } from "../export.ts";
import { findPulseRound, roundArg } from "../find-round.ts";
import { defineCommand } from "../../core/commands.ts";
import { READERS } from "../../core/roles.ts";

export const pulseExportCommand = defineCommand({
  name: "pulse.export",
  path: ["pulse", "export"],
  area: "pulse",
  roles: READERS,
  parse: roundArg,
  async handle(ctx, command) {
    const round = await findPulseRound(ctx, command.round, "any");
    if (!round) return;
    const results = await computePulseResults(ctx.deps, ctx.workspace, round, ctx.t.locale);
    const message = ctx.t("pulse.export_ready", { ref: round.ref });
    await ctx.audit("pulse.export", round.id);
    await ctx.reply(
      card(message, text(message), { type: "file", filename: `pulse-${round.ref}.csv`, mimeType: "text/csv", content: resultsCsv(results) }, context(ctx.t("pulse.export_note"))),
    );
  },
});
