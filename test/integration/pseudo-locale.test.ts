/**
 * Pseudo-localisation through every card. The workspace, and most people, read the pseudo locale
 * (test/fakes/pseudo-locale.ts: accented, ~40% longer, [bracketed] messages, survey templates and
 * rubrics), and the bot runs every feature: help on every topic, privacy, settings, the register,
 * pulses and check-ins answered past the threshold, results, summary, home, errors and refusals.
 * Every card it sent goes through the Slack, Teams and playground renderers, which must keep each
 * platform's limits with longer text; and every bot text must have come from the message files
 * (English left in a card is wording assembled in code: listed below as known leaks).
 * `PSEUDO_EXPANSION=20 npx vitest run test/integration/pseudo-locale.test.ts` lengthens every
 * text twenty-fold instead, to see the limit checks fail where a renderer does not cut.
 */
import { readFileSync, rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardToBlockKit, cardToModal } from "../../adapters/slack/render.ts";
import { cardToAdaptiveCard } from "../../adapters/teams/render.ts";
import { cardToHtml } from "../../adapters/web/render.ts";
import { hasInputs } from "../../src/core/card.ts";
import { createI18n, languageName, messageArguments } from "../../src/core/i18n.ts";
import { adaptiveCardProblems } from "../fakes/adaptive-cards.ts";
import { createHarness, type Harness } from "../fakes/harness.ts";
import { runFeatureTour } from "../fakes/feature-tour.ts";
import {
  englishLeftovers,
  field,
  isCommandSyntax,
  isPseudo,
  modalProblems,
  PSEUDO,
  pseudoMessages,
  pseudoPromptsDir,
  shownTexts,
  slackProblems,
  TEAMS_MESSAGE_BYTES,
  teamsBytes,
  unaccent,
  unbalancedHtml,
} from "../fakes/pseudo-locale.ts";

const EXPANSION = Number(process.env.PSEUDO_EXPANSION ?? 0.4);
let h: Harness;
let dir: string;
/** Where the cards worth checking start (before it: the admin switching the language). */
let first = 0;
/** Round refs (random letters, shown as ids): data, not wording. */
const refs: string[] = [];

async function runEverything(): Promise<void> {
  dir = pseudoPromptsDir("prompts", EXPANSION);
  h = await createHarness({ admins: ["amina"], now: "2026-11-23T08:00:00Z", env: { PROMPTS_DIR: dir } });
  const tour = await runFeatureTour(h, PSEUDO);
  first = tour.first;
  refs.push(...tour.refs);
}

/** Every version of every card sent after the switch, with where it went. */
const delivered = () => h.fake.deliveries.slice(first).flatMap((d) => d.versions.map((card) => ({ card, home: d.conversationId.startsWith("HOME-") })));

describe(`pseudo locale (${PSEUDO}, ×${1 + EXPANSION} text) through every card and renderer`, () => {
  beforeAll(runEverything, 300_000);
  afterAll(async () => {
    await h?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("keeps every message's ICU structure: the same arguments, and the English text once accents are off", () => {
    const english = JSON.parse(readFileSync("prompts/messages/en.json", "utf8")) as Record<string, string>;
    const pseudo = pseudoMessages(english, 0);
    const i18n = createI18n({ en: english, [PSEUDO]: pseudo });
    const [en, xa] = [i18n.forLocale("en"), i18n.forLocale(PSEUDO)];
    for (const key of Object.keys(english) as (keyof typeof english & Parameters<typeof en>[0])[]) {
      expect(messageArguments(pseudo[key]!), key).toEqual(messageArguments(english[key]!));
      const params = Object.fromEntries(("args" in messageArguments(english[key]!) ? (messageArguments(english[key]!) as { args: string[] }).args : []).map((a) => [a, 2]));
      const wanted = en(key, params);
      expect(unaccent(xa(key, params)), key).toBe(unaccent(isCommandSyntax(key) ? wanted : `[${wanted}]`));
    }
  });

  it("reached cards of every kind, written in the pseudo locale; English left in them is listed", () => {
    const cards = delivered();
    expect(cards.length).toBeGreaterThan(100);
    const shown = cards.flatMap(({ card }) => shownTexts(card));
    expect(shown.filter(([, t]) => isPseudo(t)).length / shown.length).toBeGreaterThan(0.8);
    expect(cards.filter(({ card }) => card.lang === PSEUDO).length / cards.length).toBeGreaterThan(0.8);
    // Every card but data (an export) says something in the pseudo locale.
    expect(cards.filter(({ card }) => !shownTexts(card).some(([, t]) => isPseudo(t))).map(({ card }) => card.summary)).toEqual([]);
    const leaks = new Map<string, string>();
    // `/reflect language` lists each language as its code and its own name ("`es` español"):
    // data, in every locale. Only such pairs are set aside, not the names wherever they appear.
    const pairs = h.app.deps.i18n.locales().map((code) => `\`${code}\` ${languageName(code)}`);
    for (const [where, text] of shown) {
      const words = englishLeftovers(
        pairs.reduce((rest, pair) => rest.replaceAll(pair, " "), text),
        refs,
      );
      if (words.length) leaks.set(`${where}: ${words.join(" ")}`, text.replace(/[\uE000\uE001]/g, "").slice(0, 160));
    }
    // Wording the renderers add themselves: select placeholders, a modal's buttons.
    for (const { card } of cards) {
      const selects = cardToBlockKit(card).blocks.filter((b) => field(b, "element", "type") === "static_select");
      for (const b of selects)
        if (!isPseudo(field(b, "element", "placeholder", "text") ?? "")) leaks.set(`slack select placeholder: ${field(b, "element", "placeholder", "text")}`, card.summary);
      if (!hasInputs(card)) continue;
      const modal = cardToModal(card, { channel: "C1", ts: "1.2", submitActionId: "x:y" });
      for (const part of ["submit", "close"]) if (!isPseudo(field(modal, part, "text") ?? "")) leaks.set(`slack modal ${part}: ${field(modal, part, "text")}`, card.summary);
    }
    if (leaks.size) console.info(`English left in cards (${leaks.size}):\n${[...leaks].map(([k, v]) => `  ${k}\n      in: ${v}`).join("\n")}`);
    expect([...leaks.keys()].sort()).toEqual(KNOWN_LEAKS);
  });

  it("Slack: every message, App Home and modal keeps Block Kit's limits", () => {
    const problems: string[] = [];
    for (const { card, home } of delivered()) {
      const rendered = cardToBlockKit(card, home ? { maxBlocks: 100 } : {});
      const found = slackProblems(rendered.blocks, home ? "view" : "message");
      if (rendered.text.length > 40_000) found.push(`text: ${rendered.text.length} characters`);
      if (hasInputs(card)) found.push(...modalProblems(cardToModal(card, { channel: "C1", ts: "1.2", submitActionId: "x:y" })));
      problems.push(...found.map((p) => `${card.summary.slice(0, 50)}: ${p}`));
    }
    expect([...new Set(problems)]).toEqual([]);
  });

  it("Teams: every card parses as an Adaptive Card and stays under the message size", () => {
    const problems: string[] = [];
    let largest = 0;
    for (const { card } of delivered()) {
      const json = cardToAdaptiveCard(card);
      largest = Math.max(largest, teamsBytes(json));
      if (teamsBytes(json) > TEAMS_MESSAGE_BYTES) problems.push(`${card.summary.slice(0, 50)}: ${teamsBytes(json)} bytes (limit ${TEAMS_MESSAGE_BYTES})`);
      problems.push(...adaptiveCardProblems(json).map((p) => `${card.summary.slice(0, 50)}: ${p}`));
    }
    console.info(`largest Teams message: ${largest} bytes in UTF-16 without base64 images`);
    expect(problems).toEqual([]);
  });

  it("playground: every card renders as balanced HTML in the pseudo locale, the pseudo text shown", () => {
    for (const [i, { card }] of delivered().entries()) {
      const html = cardToHtml(card, { messageId: `m${i}` });
      expect(unbalancedHtml(html), html.slice(0, 200)).toBeNull();
      expect(html).not.toMatch(/[\uE000\uE001]/);
      if (card.lang === PSEUDO) expect(html).toContain(`lang="${PSEUDO}"`);
      if (isPseudo(card.summary)) expect(isPseudo(html)).toBe(true);
    }
  });

  it("the limit checks are live: they catch text over each limit", () => {
    const over = (n: number) => "é".repeat(n);
    const blocks = [
      { type: "header", text: { type: "plain_text", text: over(151) } },
      { type: "section", text: { type: "mrkdwn", text: over(3001) } },
      { type: "actions", elements: [{ type: "button", action_id: "a", text: { type: "plain_text", text: over(76) } }] },
      {
        type: "input",
        label: { type: "plain_text", text: "l" },
        element: { type: "radio_buttons", action_id: "r", options: [{ text: { type: "plain_text", text: over(76) }, value: "v" }] },
      },
    ];
    expect(slackProblems(blocks, "message")).toHaveLength(4);
    expect(
      slackProblems(
        Array.from({ length: 51 }, () => ({ type: "divider" })),
        "message",
      ),
    ).toHaveLength(1);
    expect(modalProblems({ title: { text: over(25) }, submit: { text: "ok" }, close: { text: "x" }, blocks: [] })).toHaveLength(1);
    expect(unbalancedHtml("<form><div></form>")).not.toBeNull();
  });
});

/**
 * English left in cards: none. (The setting keys, help areas and on/off words people type are
 * shown as code; the Slack modal's close button and drop-down placeholder come with the card.)
 */
const KNOWN_LEAKS: string[] = [];
