/** "Mark done" on an agreed action's reminder (owners close their own; coordinators any). */
import { z } from "zod";
import { defineAction } from "../../core/actions.ts";
import { errorCard } from "../../core/replies.ts";
import { ANYONE } from "../../core/roles.ts";
import { completeAction } from "../complete.ts";

export const actionDoneAction = defineAction({
  name: "action.done",
  roles: ANYONE,
  payload: z.object({ action: z.string().min(1).max(64) }),
  legacy: (id) => (id.startsWith("action:done:") && id.length > 12 ? { action: id.slice(12) } : null),
  async handle(ctx, { action: id }) {
    const found = (await ctx.deps.store.actions.list(ctx.workspace.id, { status: "open" })).find((a) => a.id === id);
    if (!found) {
      await ctx.reply(errorCard(ctx, ctx.t("action.no_longer_open")));
      return;
    }
    await completeAction(ctx, found);
  },
});
