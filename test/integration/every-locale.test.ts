/**
 * Every card in every shipped locale. For each language the bot ships, the whole feature tour
 * (test/fakes/feature-tour.ts) runs with the workspace and most people in that language, and
 * every card it sent goes through the Slack, Teams and playground renderers: each platform's
 * limits hold, the card says it is in that language (so renderers set lang and dir), and no
 * message key or ICU syntax shows through where a translation is broken.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cardToBlockKit, cardToModal } from "../../adapters/slack/render.ts";
import { cardToAdaptiveCard } from "../../adapters/teams/render.ts";
import { cardToHtml } from "../../adapters/web/render.ts";
import { hasInputs } from "../../src/core/card.ts";
import { adaptiveCardProblems } from "../fakes/adaptive-cards.ts";
import { runFeatureTour } from "../fakes/feature-tour.ts";
import { createHarness } from "../fakes/harness.ts";
import { modalProblems, shownTexts, slackProblems, TEAMS_MESSAGE_BYTES, teamsBytes, unbalancedHtml } from "../fakes/pseudo-locale.ts";

const LOCALES = readdirSync("prompts/messages")
  .filter((f) => f.endsWith(".json"))
  .map((f) => f.replace(/\.json$/, ""))
  .sort();
const KEYS = new Set(Object.keys(JSON.parse(readFileSync("prompts/messages/en.json", "utf8")) as Record<string, string>));
/** A message key shown instead of its text, or an ICU argument or block left unformatted. */
const raw = (text: string) => text.split(/\s+/).some((word) => KEYS.has(word.replace(/[.,:;]$/, ""))) || /\{[a-z_]+(, ?(plural|select)[^}]*)?\}/.test(text);

describe.each(LOCALES)("every card in %s", (locale) => {
  it("keeps Slack's, Teams' and the playground's limits, says its language, and shows no raw key or ICU syntax", async () => {
    const h = await createHarness({ admins: ["amina"], now: "2026-11-23T08:00:00Z" });
    try {
      const { first } = await runFeatureTour(h, locale);
      const cards = h.fake.deliveries.slice(first).flatMap((d) => d.versions.map((card) => ({ card, home: d.conversationId.startsWith("HOME-") })));
      expect(cards.length).toBeGreaterThan(100);
      const problems: string[] = [];
      for (const [i, { card, home }] of cards.entries()) {
        const where = card.summary.slice(0, 50);
        const slack = cardToBlockKit(card, home ? { maxBlocks: 100 } : {});
        problems.push(...slackProblems(slack.blocks, home ? "view" : "message").map((p) => `slack ${where}: ${p}`));
        if (hasInputs(card)) problems.push(...modalProblems(cardToModal(card, { channel: "C1", ts: "1.2", submitActionId: "x:y" })).map((p) => `modal ${where}: ${p}`));
        const teams = cardToAdaptiveCard(card);
        if (teamsBytes(teams) > TEAMS_MESSAGE_BYTES) problems.push(`teams ${where}: ${teamsBytes(teams)} bytes`);
        problems.push(...adaptiveCardProblems(teams).map((p) => `teams ${where}: ${p}`));
        const html = cardToHtml(card, { messageId: `m${i}` });
        if (unbalancedHtml(html)) problems.push(`html ${where}: unbalanced`);
        for (const [part, text] of shownTexts(card)) if (raw(text.replace(/`[^`]*`/g, ""))) problems.push(`raw ${where} ${part}: ${text.slice(0, 80)}`);
      }
      expect([...new Set(problems)]).toEqual([]);
      // Cards to people who chose the language, and to the workspace's channels, are marked with it.
      expect(cards.filter(({ card }) => card.lang === locale).length / cards.length).toBeGreaterThan(0.8);
    } finally {
      await h.stop();
    }
  }, 180_000);
});
