import { card, context, heading, text } from "../card.ts";
import { usages } from "../grammar/commands.ts";
import { commandRoles } from "../roles.ts";
import type { CommandHandler } from "./types.ts";

/** Lists the commands the caller's role may use, or one topic in detail. */
export const help: CommandHandler<"help"> = async (ctx, command) => {
  const { t, member } = ctx;
  const all = Object.values(usages).flat();
  const topic = command.topic;
  const chosen = topic ? all.filter((u) => u.area === topic || (topic === "admin" && ["role", "settings"].includes(u.area))) : all;
  if (topic && chosen.length === 0) {
    const areas = [...new Set(all.map((u) => u.area))].join(", ");
    await ctx.reply(card(t("help.unknown_topic", { topic, areas }), text(t("help.unknown_topic", { topic, areas }))));
    return;
  }
  // A topic shows everything in it (so people learn what to ask for); the overview only what the role may run.
  const allowed = topic ? chosen : chosen.filter((u) => commandRoles[u.command].includes(member.role));
  const hidden = chosen.length - allowed.length;
  await ctx.reply(
    card(
      t("help.title"),
      heading(t("help.title")),
      text(t("help.intro", { role: t(`role.${member.role}`) })),
      text(allowed.map((u) => `• \`/reflect ${u.usage}\``).join("\n")),
      topic && allowed[0] ? context(t("common.example", { example: allowed[0].example })) : undefined,
      hidden > 0 ? context(t("help.hidden", { count: hidden })) : undefined,
      context(t("help.footer")),
    ),
  );
};
