import { card, context, fields, heading, text } from "../card.ts";
import { effectiveThreshold } from "../gate.ts";
import type { CommandHandler } from "./types.ts";

/** What is stored and who sees what (DESIGN.md §3 rule 6), always available to everyone. */
export const privacy: CommandHandler<"privacy"> = async (ctx) => {
  const { t, workspace } = ctx;
  const threshold = effectiveThreshold(workspace.threshold);
  const commentThreshold = effectiveThreshold(workspace.commentThreshold);
  await ctx.reply(
    card(
      t("privacy.title"),
      heading(t("privacy.title")),
      text(t("privacy.stored")),
      text(t("privacy.not_stored")),
      fields([
        [t("privacy.who_coordinators"), t("privacy.sees_aggregates", { threshold })],
        [t("privacy.who_leads"), t("privacy.sees_aggregates", { threshold })],
        [t("privacy.who_comments"), t("privacy.comments_rule", { threshold: commentThreshold, months: workspace.retentionMonths })],
      ]),
      text(t("privacy.no_edit")),
      context(t("privacy.more")),
    ),
  );
};
