/** `/reflect action done <action>`: owners close their own actions; coordinators and admins any. */
import { completeAction } from "../complete.ts";
import { errorCard } from "../../core/replies.ts";
import { defineCommand } from "../../core/commands.ts";
import { ANYONE } from "../../core/roles.ts";
import { fail, word, type Cursor } from "../../core/grammar/options.ts";

export const actionDoneCommand = defineCommand({
  name: "action.done",
  path: ["action|actions", "done"],
  area: "action",
  roles: ANYONE,
  parse(c: Cursor): { action: string } {
    const action = word(c.next());
    if (!action) return fail("action", "error.action_id");
    return { action };
  },
  async handle(ctx, command) {
    const action = await ctx.deps.store.actions.get(ctx.workspace.id, command.action);
    if (!action) {
      await ctx.reply(errorCard(ctx, ctx.t("action.unknown", { ref: command.action }), "action"));
      return;
    }
    await completeAction(ctx, action);
  },
});
