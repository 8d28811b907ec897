/** What would be posted now, shown only to the person asking. */
import { parseSummaryOptions } from "../options.ts";
import { card, text } from "../../core/card.ts";
import { buildSummary } from "../build.ts";
import { renderSummary } from "../card.ts";
import { defineCommand } from "../../core/commands.ts";
import { READERS } from "../../core/roles.ts";
import type { Cursor } from "../../core/grammar/options.ts";

export const summaryPreviewCommand = defineCommand({
  name: "summary.preview",
  path: ["summary", "preview"],
  area: "summary",
  roles: READERS,
  parse(c: Cursor): { channel?: string; day?: string; time?: string } {
    return parseSummaryOptions(c, false);
  },
  async handle(ctx) {
    const { deps, t, workspace } = ctx;
    const summary = await renderSummary(t, await buildSummary(deps, workspace, deps.clock.now(), t.locale));
    await ctx.reply(summary ?? card(t("summary.quiet_skipped"), text(t("summary.quiet_skipped"))));
  },
});
