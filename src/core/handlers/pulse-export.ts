import { card, context, text } from "../card.ts";
import { computePulseResults } from "../../surveys/results.ts";
import { resultsCsv } from "../../surveys/export.ts";
import { findPulseRound } from "./pulse-round.ts";
import type { CommandHandler } from "./types.ts";

/** CSV of gated aggregates only (no per-submission rows), safe for spreadsheets. */
export const pulseExport: CommandHandler<"pulse.export"> = async (ctx, command) => {
  const round = await findPulseRound(ctx, command.round, "any");
  if (!round) return;
  const results = await computePulseResults(ctx.deps, ctx.workspace, round, ctx.t.locale);
  const message = ctx.t("pulse.export_ready", { ref: round.ref });
  await ctx.audit("pulse.export", round.id);
  await ctx.reply(
    card(message, text(message), { type: "file", filename: `pulse-${round.ref}.csv`, mimeType: "text/csv", content: resultsCsv(results) }, context(ctx.t("pulse.export_note"))),
  );
};
