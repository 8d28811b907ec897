/**
 * "Start anyway" on the pulse fatigue warning: starts the pulse that was asked for. The button
 * carries the typed options; they are validated here like a typed command (never trusted), and
 * the start runs every check the command runs except the cadence.
 */
import { EMAIL } from "../../core/grammar/options.ts";
import { z } from "zod";
import { defineAction } from "../../core/actions.ts";
import { COORDINATORS } from "../../core/roles.ts";
import { runPulseStart } from "../commands/pulse-start.ts";

const platformId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,150}$/);

const pulseConfirmPayload = z
  .object({
    template: z.string().min(1).max(80).optional(),
    partnership: z.string().min(1).max(200).optional(),
    audience: z.object({
      channels: z.array(platformId).max(20),
      users: z.array(platformId).max(500),
      emails: z.array(z.string().max(254).regex(EMAIL)).max(200).optional(),
      contacts: z.boolean().optional(),
    }),
    closesIn: z.object({ amount: z.number().int().min(1).max(2160), unit: z.enum(["hour", "day", "week"]) }).optional(),
    recurrence: z.enum(["monthly", "quarterly"]).optional(),
  })
  .strict();

export const pulseConfirmAction = defineAction({
  name: "pulse.confirm",
  roles: COORDINATORS,
  command: "pulse.start",
  payload: pulseConfirmPayload,
  async handle(ctx, payload) {
    await runPulseStart(ctx, { ...payload, confirmed: true });
  },
});
