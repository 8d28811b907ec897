/** `/reflect privacy`: what is stored and who sees what (DESIGN.md §3 rule 6), for everyone, always. */
import { card, context, fields, heading, text } from "../../core/card.ts";
import { defineCommand } from "../../core/commands.ts";
import { promiseOf } from "../../core/gate.ts";
import { ANYONE } from "../../core/roles.ts";

export const privacyCommand = defineCommand({
  name: "privacy",
  path: ["privacy"],
  area: "privacy",
  roles: ANYONE,
  async handle(ctx) {
    const { t, workspace } = ctx;
    // What a round started now would promise; each round's invitation states its own.
    const { threshold, commentThreshold, minCommenters } = promiseOf(workspace);
    await ctx.reply(
      card(
        t("privacy.title"),
        heading(t("privacy.title")),
        text(t("privacy.stored")),
        text(t("privacy.not_stored")),
        fields([
          [t("privacy.who_coordinators"), t("privacy.sees_aggregates", { threshold })],
          [t("privacy.who_leads"), t("privacy.sees_aggregates", { threshold })],
          [t("privacy.who_comments"), t("privacy.comments_rule", { threshold: commentThreshold, commenters: minCommenters, months: workspace.retentionMonths })],
        ]),
        text(t("privacy.no_edit")),
        context(t("privacy.more")),
      ),
    );
  },
});
