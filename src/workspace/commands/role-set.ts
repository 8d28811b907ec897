/** `/reflect role @person admin|coordinator|lead|partner`. The last admin cannot drop their own role. */
import { card, text } from "../../core/card.ts";
import { defineCommand } from "../../core/commands.ts";
import { fail, word } from "../../core/grammar/options.ts";
import { ADMINS, isRole, type Role } from "../../core/roles.ts";
import { markup, mention } from "../../core/text.ts";

export const roleSetCommand = defineCommand({
  name: "role.set",
  path: ["role|roles"],
  area: "role",
  roles: ADMINS,
  parse(c): { user: string; role: Role } {
    const first = c.next();
    if (first?.kind !== "user") return fail("role", "error.role_mention");
    const role = word(c.next());
    if (!isRole(role)) return fail("role", "error.role_name", { value: role ?? "(nothing)" });
    return { user: first.id, role };
  },
  async handle(ctx, { user, role }) {
    const { deps, t, workspace } = ctx;
    const current = await deps.store.members.get(workspace.id, user);
    if (current?.role === "admin" && role !== "admin" && (await deps.store.members.countByRole(workspace.id, "admin")) <= 1) {
      const message = t("role.last_admin");
      await ctx.reply(card(message, text(`:warning: ${message}`)));
      return;
    }
    const demotesAdmin = current?.role === "admin" && role !== "admin" && user !== ctx.member.userId;
    // While a deletion an admin asked for is pending, every admin must stay able to cancel it.
    if (demotesAdmin && workspace.deletion?.reason === "requested") {
      const message = t("role.deletion_pending", { date: workspace.deletion.after.toISOString().slice(0, 10) });
      await ctx.reply(card(message, text(`:warning: ${message}`)));
      return;
    }
    await deps.store.members.setRole(workspace.id, user, role);
    await ctx.audit("role.set", user, { role, previous: current?.role ?? "partner" });
    const message = t("role.set", { user: mention(user), role: markup(t(`role.${role}`)) });
    await ctx.reply(card(message, text(message)));
    if (demotesAdmin) {
      // An admin is never removed without knowing it.
      const notice = t("role.demoted_notice", { by: mention(ctx.member.userId), role: markup(t(`role.${role}`)) });
      await ctx.send({ kind: "dm", userId: user }, card(notice, text(`:warning: ${notice}`)), `role-demoted:${workspace.id}:${ctx.event.eventId}`);
    }
  },
});
