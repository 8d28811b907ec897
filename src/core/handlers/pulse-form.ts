/**
 * `/reflect pulse new` (or `/pulse` alone): starting a pulse with a form instead of words. The
 * audience is the channel the form was asked for in; the text grammar keeps every other option.
 * On Slack the form opens as a modal.
 */
import { buttons, card, context, heading } from "../card.ts";
import type { Command } from "../grammar/commands.ts";
import { errorCard } from "../replies.ts";
import { pick } from "../../surveys/templates.ts";
import { pulseStart } from "./pulse-start.ts";
import type { ActionHandler, CommandHandler } from "./types.ts";
import { commandRoles } from "../roles.ts";

export const pulseForm: CommandHandler<"pulse.form"> = async (ctx) => {
  const { deps, t, event } = ctx;
  if (event.isDirect) {
    await ctx.reply(errorCard(t, t("pulse.form_in_channel"), "pulse"));
    return;
  }
  const title = t("pulse.form_title");
  await ctx.reply(
    card(
      title,
      heading(title),
      {
        type: "choices",
        id: "template",
        label: t("pulse.form_template"),
        display: "radio",
        required: true,
        initial: "partner-pulse",
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
      context(t("pulse.form_audience", { channel: `<#${event.conversationId}>` })),
      buttons({ actionId: "pulse:start-form", label: t("pulse.form_start"), style: "primary", submit: true }),
    ),
  );
};

/** The form's submit: the same start as the typed command, with the form's choices. */
export const pulseFormSubmit: ActionHandler = async (ctx, action) => {
  const { t, member } = ctx;
  if (!commandRoles["pulse.start"].includes(member.role)) {
    await ctx.reply(errorCard(t, t("role.refused", { command: "/reflect pulse start", roles: t("role.coordinator"), yours: t(`role.${member.role}`) })));
    return;
  }
  const days = Number(action.values.days ?? "7");
  const repeat = action.values.repeat;
  const command: Extract<Command, { name: "pulse.start" }> = {
    name: "pulse.start",
    template: action.values.template || "partner-pulse",
    audience: { channels: [action.conversationId], users: [] },
    closesIn: { amount: Number.isInteger(days) && days > 0 ? days : 7, unit: "day" },
    ...(repeat === "monthly" || repeat === "quarterly" ? { recurrence: repeat } : {}),
  };
  await pulseStart(ctx, command);
};
