/** Cards shared by many handlers: errors with usage and example, refusals, notices. */
import { card, context, heading, text, type Card } from "./card.ts";
import { usageFor, usages } from "./grammar/commands.ts";
import type { Translate } from "./i18n.ts";

/** A clear, specific error: what was wrong, the usage and an example of the right form. */
export function errorCard(t: Translate, message: string, area?: string): Card {
  const entries = area ? usageFor(area) : [];
  return card(
    message,
    text(`:warning: ${message}`),
    entries.length > 0 && text(entries.map((u) => `\`/reflect ${u.usage}\``).join("\n")),
    entries[0] && context(t("common.example", { example: entries[0].example })),
  );
}

export function noticeCard(title: string, body?: string): Card {
  return card(title, heading(title), body ? text(body) : undefined);
}

export function allUsageLines(): string[] {
  return Object.values(usages)
    .flat()
    .map((u) => u.usage);
}
