/**
 * "Start anyway" on the rubric-fatigue warning: starts the check-in that was asked for. The button
 * carries the typed options; they are validated here like a typed command (never trusted).
 */
import { EMAIL } from "../../core/grammar/options.ts";
import { z } from "zod";
import { defineAction } from "../../core/actions.ts";
import { noticeFor } from "../../core/replies.ts";
import { COORDINATORS } from "../../core/roles.ts";
import { resolvePartnership } from "../../reviews/partnerships.ts";
import { startConfirmed } from "../start-confirmed.ts";

const platformId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,150}$/);

const rubricConfirmPayload = z
  .object({
    rubric: z.string().min(1).max(80).optional(),
    partnership: z.string().min(1).max(200),
    audience: z.object({
      channels: z.array(platformId).max(20),
      users: z.array(platformId).max(500),
      emails: z.array(z.string().max(254).regex(EMAIL)).max(200).optional(),
      contacts: z.boolean().optional(),
    }),
    mode: z.enum(["individual", "collective"]),
    closesIn: z.object({ amount: z.number().int().min(1).max(2160), unit: z.enum(["hour", "day", "week"]) }).optional(),
  })
  .strict();

export const rubricConfirmAction = defineAction({
  name: "rubric.confirm",
  roles: COORDINATORS,
  command: "rubric.start",
  payload: rubricConfirmPayload,
  async handle(ctx, payload) {
    const { deps, t, workspace } = ctx;
    const rubric = deps.prompts.rubrics.get(payload.rubric ?? "clarissa");
    const found = await resolvePartnership(deps, workspace.id, payload.partnership);
    if (!rubric || !found.ok) {
      await ctx.reply(noticeFor(t("error.unknown_action")));
      return;
    }
    await startConfirmed(ctx, { ...payload, confirmed: true }, rubric.id, found.partnership.id);
  },
});
