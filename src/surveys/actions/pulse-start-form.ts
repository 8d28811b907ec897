/** The pulse form's submit: the same start as the typed command, with the form's choices. */
import { z } from "zod";
import { defineAction } from "../../core/actions.ts";
import { COORDINATORS } from "../../core/roles.ts";
import { runPulseStart } from "../commands/pulse-start.ts";
import { DEFAULT_TEMPLATE } from "../start.ts";

export const pulseStartFormAction = defineAction({
  name: "pulse.start-form",
  roles: COORDINATORS,
  command: "pulse.start",
  // The channel the form was asked for in: the audience. Old forms carried nothing.
  payload: z.object({ channel: z.string().max(120).optional() }),
  legacy: (id): { channel?: string } | null => (id === "pulse:start-form" ? {} : null),
  async handle(ctx, { channel }, event) {
    const days = Number(event.values.days ?? "7");
    const repeat = event.values.repeat;
    await runPulseStart(ctx, {
      template: event.values.template || DEFAULT_TEMPLATE,
      audience: { channels: [channel ?? event.conversationId], users: [] },
      closesIn: { amount: Number.isInteger(days) && days > 0 && days <= 90 ? days : 7, unit: "day" },
      ...(repeat === "monthly" || repeat === "quarterly" ? { recurrence: repeat } : {}),
    });
  },
});
