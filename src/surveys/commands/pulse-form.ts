/**
 * `/reflect pulse new` (or `/pulse` alone): starting a pulse with a form instead of words. The
 * audience is the channel the form was asked for in; the typed grammar keeps every other option.
 * Where the platform can (Slack), the form opens as a modal.
 */
import { actionButton } from "../../core/actions.ts";
import { buttons, card, context, heading } from "../../core/card.ts";
import { defineCommand } from "../../core/commands.ts";
import { errorCard } from "../../core/replies.ts";
import { COORDINATORS } from "../../core/roles.ts";
import { channelMention } from "../../core/text.ts";
import { pulseStartFormAction } from "../actions/pulse-start-form.ts";
import { DEFAULT_TEMPLATE } from "../start.ts";
import { pick } from "../templates.ts";

export const pulseFormCommand = defineCommand({
  name: "pulse.form",
  path: ["pulse", "new|form?"],
  area: "pulse",
  roles: COORDINATORS,
  async handle(ctx) {
    const { deps, t, event } = ctx;
    if (event.isDirect) {
      await ctx.reply(errorCard(ctx, t("pulse.form_in_channel"), "pulse"));
      return;
    }
    const title = t("pulse.form_title");
    await ctx.openForm(
      card(
        title,
        heading(title),
        {
          type: "choices",
          id: "template",
          label: t("pulse.form_template"),
          display: "radio",
          required: true,
          initial: DEFAULT_TEMPLATE,
          options: [...deps.prompts.surveys.values()].map((s) => ({ value: s.id, label: pick(s.title, t.locale), description: pick(s.description, t.locale) })),
        },
        {
          type: "choices",
          id: "days",
          label: t("pulse.form_days"),
          display: "dropdown",
          initial: "7",
          options: ["3", "7", "14", "30"].map((d) => ({ value: d, label: t("settings.days", { days: d }) })),
        },
        {
          type: "choices",
          id: "repeat",
          label: t("pulse.form_repeat"),
          display: "dropdown",
          initial: "none",
          options: [
            { value: "none", label: t("pulse.form_once") },
            { value: "monthly", label: t("pulse.form_monthly") },
            { value: "quarterly", label: t("pulse.form_quarterly") },
          ],
        },
        context(t("pulse.form_audience", { channel: channelMention(event.conversationId) })),
        buttons(actionButton(pulseStartFormAction, { channel: event.conversationId }, { label: t("pulse.form_start"), style: "primary", submit: true })),
      ),
    );
  },
});
