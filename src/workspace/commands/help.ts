/** `/reflect help [topic]`: the commands the caller's role may use, or one topic in full. */
import { card, context, heading, text } from "../../core/card.ts";
import { defineCommand } from "../../core/commands.ts";
import { word } from "../../core/grammar/options.ts";
import { ANYONE } from "../../core/roles.ts";
import { markup, userText } from "../../core/text.ts";

/** "admin" is a topic of its own: roles and settings. */
const TOPIC_AREAS: Record<string, string[]> = { admin: ["role", "settings", "organisation", "workspace"], channel: ["language"], results: ["respond", "pulse", "rubric"] };

export const helpCommand = defineCommand({
  name: "help",
  path: ["help|?"],
  area: "help",
  roles: ANYONE,
  parse: (c) => ({ topic: word(c.next()) }),
  async handle(ctx, { topic }) {
    const { t, member, commands, deps } = ctx;
    const areas = topic ? (TOPIC_AREAS[topic] ?? [topic]) : commands.areas();
    const chosen = areas.flatMap((area) => commands.inArea(area));
    if (topic && chosen.length === 0) {
      const topics = [...commands.areas(), ...Object.keys(TOPIC_AREAS)].map((area) => `\`${area}\``);
      const message = t("help.unknown_topic", { topic, areas: markup(topics.join(", ")) });
      await ctx.reply(card(message, text(message)));
      return;
    }
    // A topic shows everything in it (so people learn what to ask for); the overview only what the role may run.
    const allowed = topic ? chosen : chosen.filter((spec) => spec.roles.includes(member.role));
    const hidden = chosen.length - allowed.length;
    const line = (name: string) => `• \`/reflect ${userText(deps.i18n.dynamic(t.locale, `usage.${name}`))}\``;
    const first = allowed[0];
    await ctx.reply(
      card(
        t("help.title"),
        heading(t("help.title")),
        text(t("help.intro", { role: markup(t(`role.${member.role}`)) })),
        text(allowed.map((spec) => line(spec.name)).join("\n")),
        topic && first ? context(t("common.example", { example: markup(deps.i18n.dynamic(t.locale, `example.${first.name}`)) })) : undefined,
        hidden > 0 ? context(t("help.hidden", { count: hidden })) : undefined,
        context(t("help.footer")),
      ),
    );
  },
});
