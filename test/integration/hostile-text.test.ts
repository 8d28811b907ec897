/**
 * A partner with a hostile string. Every field people type (partnership, organisation, action,
 * review and rubric-note text, pulse comments, display names, words of a mistyped command) is
 * filled from a corpus of strings that would ping, link, phish or reorder text if a renderer took
 * them as markup. The whole bot runs (commands, answers, close, results, summary), and every card
 * it produced goes through the Slack, Teams and playground renderers: nothing may come out live.
 */
import { beforeAll, afterAll, describe, expect, it } from "vitest";
import { cardToBlockKit } from "../../adapters/slack/render.ts";
import { cardToAdaptiveCard } from "../../adapters/teams/render.ts";
import { cardToHtml } from "../../adapters/web/render.ts";
import type { Card } from "../../src/core/card.ts";
import { plain } from "../../src/core/text.ts";
import { roundOfAction } from "../fakes/actions.ts";
import { buttonsOf, createHarness, FAKE_WORKSPACE, type Harness } from "../fakes/harness.ts";
import { slotContaining } from "../../src/jobs/slots.ts";

/** Each payload is what an attacker would type; none contains a double quote (commands quote names). */
const CORPUS = [
  "<!channel> budget news",
  "<!here> look",
  "<!everyone> all",
  "<!subteam^S0HOSTILE|@partners> please",
  "<@U0HOSTILE> said so",
  "<#C0HOSTILE> join",
  "<https://evil.example/phish|Re-submit here>",
  "[Re-submit here](https://evil.example/phish)",
  "visit https://evil.example/a or www.evil.example",
  "@everyone and @channel",
  "<at>Everyone</at> meeting",
  "<script>alert(1)</script><img src=x onerror=alert(2)>",
  "invisible\u200Bjoin \u202Egnp.exe\u202C \u2066isolate\u2069 \uFEFFbom",
  "bell\u0007 escape\u001b[31m red\u0000 nul\u007f del",
];
const LONG = `long ${"x".repeat(10_000)}`;

/** Pieces that must never survive rendering, per platform. */
const SLACK_LIVE = [/<!(channel|here|everyone|subteam)/, /<@U0HOSTILE/, /<#C0HOSTILE/, /<https:\/\/evil/];
const TEAMS_LIVE = [/\]\(https?:\/\/evil/, /https?:\/\/evil/, /www\.evil/, /<at>/i];
const HTML_LIVE = [/<script/i, /<img src=x/i, /href="https?:\/\/evil/, /<a [^>]*evil/];
/** Characters that can make text read differently from what it is, and control characters. */
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F\u200B\u202A-\u202E\u2066-\u2069\uFEFF\uE000\uE001]/;

/** What a platform would show for a mention: a display name that is itself hostile. */
const hostileName = () => "[Re-submit](https://evil.example/x) <at>Everyone</at> <!channel>";

/** The mrkdwn text of Block Kit (plain_text objects are never parsed for mentions or links). */
function mrkdwnTexts(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) mrkdwnTexts(v, out);
  else if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (o.type === "mrkdwn" && typeof o.text === "string") out.push(o.text);
    for (const v of Object.values(o)) mrkdwnTexts(v, out);
  }
  return out;
}

/** Every string in a rendered value (Block Kit, Adaptive Card JSON). */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) strings(v, out);
  return out;
}

let h: Harness;
const partners = ["p1", "p2", "p3", "p4", "p5", "p6"];

/** Runs every feature that shows typed text, with hostile text everywhere. */
async function playTheAttacker(): Promise<void> {
  h = await createHarness({ admins: ["amina"], now: "2026-11-23T08:00:00Z" });
  await h.command("amina", "role <@carlos> coordinator");
  await h.command("amina", "role <@lena> lead");
  h.fake.rosters.set(
    "C-P",
    partners.map((userId, i) => ({ userId, displayName: CORPUS[i % CORPUS.length]!, reachable: true })),
  );
  h.fake.rosters.set("C-LEADS", [{ userId: "lena", displayName: CORPUS[4]!, reachable: true }]);

  // The register: a partnership per payload, its organisations, actions and reviews.
  for (const [i, payload] of [...CORPUS, LONG].entries()) {
    await h.command("carlos", `partner add "P${i} ${payload}" country ${payload}`);
    await h.command("carlos", `partner orgs "P${i} ${payload}" add "O${i} ${payload}"`);
    await h.command("carlos", `action add "A${i} ${payload}" due in ${i + 1} days for "P${i} ${payload}"`);
    await h.command("carlos", `review add "P${i} ${payload}" "R${i} ${payload}" in ${i + 3} days`);
    // Mistyped commands echo the words back in their error.
    await h.command("p1", `${payload} now`);
    await h.command("carlos", `partner show ${payload}`);
    await h.command("amina", `workspace delete ${payload}`);
  }
  await h.command("carlos", "partner list");
  await h.command("carlos", "action list");
  await h.command("carlos", "review list 120d");
  await h.command("carlos", 'partner show "P0 <!channel> budget news"');
  await h.command("carlos", 'partner orgs "P0 <!channel> budget news"');
  const named = `O0 ${CORPUS[0]}`;
  for (const p of partners) await h.command("carlos", `organisation <@${p}> ${named}`);
  await h.command("p1", "organisation");
  await h.command("amina", "role list");

  // A pulse with hostile comments, closed, results shown and posted.
  await h.command("carlos", "pulse start partner-pulse closes in 3d", { conversation: "C-P" });
  const pulse = (await h.app.store.rounds.list(FAKE_WORKSPACE, { kind: "pulse" }))[0]!.id;
  for (const [i, p] of partners.entries()) {
    const invitation = h.fake.deliveries.filter((d) => d.conversationId === `D-${p}`).at(-1)!;
    await h.click(p, invitation, `pulse:open:${pulse}`);
    h.clock.advance(60_000);
    await h.click(p, invitation, `pulse:submit:${pulse}`, { "q:respect": String((i % 5) + 1), "q:long-term": "4", "q:comment": i === 5 ? LONG : CORPUS[i]! });
  }
  h.clock.advance(49 * 3_600_000);
  await h.command("carlos", "pulse close");
  await h.command("carlos", "pulse results");
  // The coordinator's response ("you said, we did") is typed text too, shown to every partner.
  const respondForm = (await h.command("carlos", "respond")).find((d) => buttonsOf(d.card).some((b) => b.actionId.startsWith("respond.submit:")))!;
  await h.click("carlos", respondForm, buttonsOf(respondForm.card).find((b) => b.actionId.startsWith("respond.submit:"))!.actionId, {
    heard: `H ${CORPUS[0]} ${CORPUS[5]}`,
    doing: `D ${CORPUS[7]} ${CORPUS[10]}`,
    actions: CORPUS.slice(0, 6).join("\n"),
  });
  await h.command("p1", "results");

  // A rubric check-in on the hostile partnership, with hostile notes.
  await h.command("carlos", `rubric start for "P0 ${CORPUS[0]}" confirm`, { conversation: "C-P" });
  for (const [i, p] of partners.entries()) {
    const invitation = h.fake.deliveries.filter((d) => d.conversationId === `D-${p}` && buttonsOf(d.versions[0]!).some((b) => b.actionId.startsWith("rubric.open:"))).at(-1);
    if (!invitation) continue;
    const round = roundOfAction(buttonsOf(invitation.versions[0]!)[0]!.actionId);
    await h.click(p, invitation, `rubric:open:${round}`);
    await h.click(p, invitation, `rubric:submit:${round}`, {
      "e:communications": "established",
      "n:communications": CORPUS[(i + 6) % CORPUS.length]!,
      "e:openness-trust": "emerging",
      "n:openness-trust": CORPUS[(i + 9) % CORPUS.length]!,
    });
  }
  h.clock.advance(8 * 24 * 3_600_000);
  await h.command("carlos", `rubric close "P0 ${CORPUS[0]}"`);
  await h.command("carlos", `rubric results "P0 ${CORPUS[0]}"`);
  await h.command("carlos", `rubric history "P0 ${CORPUS[0]}"`);
  await h.command("carlos", `rubric pause "P1 ${CORPUS[1]}" ${CORPUS[2]}`);
  await h.command("carlos", `partner show "P1 ${CORPUS[1]}"`);
  await h.command("lena", "summary preview", { conversation: "C-LEADS" });
  // Reminders of reviews and actions (whose cards name the partnership), and a workspace export.
  for (const days of [1, 4, 8, 15, 20]) {
    h.clock.set(new Date(Date.UTC(2026, 11, 3 + days, 9)));
    const job = h.app.jobs.get("review-reminders");
    await h.app.jobs.runSlot(job, slotContaining(job, h.clock.now()));
  }
  await h.flush();
  await h.command("amina", "workspace export");
}

/** Every version of every card the bot sent during the attack. */
const cards = (): Card[] => h.fake.deliveries.flatMap((d) => d.versions);

describe("hostile text through every card and renderer", () => {
  beforeAll(playTheAttacker, 300_000);
  afterAll(() => h?.stop());

  it("reached cards of every kind: the corpus was shown, so the checks below mean something", () => {
    const shown = cards()
      .map((c) => plain(JSON.stringify(c)))
      .join("\n");
    // Partnership, organisation, action, review, pause reason, pulse comment, rubric note and echoed command text.
    expect(shown).toContain("is due today"); // an action reminder naming its partnership
    expect(shown).toContain("You said, we did");
    for (const marker of [
      "bell escape[31m red nul del",
      "P0 <!channel>",
      "O0 <!channel>",
      "A3 <!subteam",
      "R5 <#C0HOSTILE>",
      "<!everyone> all",
      "\\u003cat>Everyone",
      "www.evil.example",
    ]) {
      expect(shown.replace(/\\u003c/g, "<"), marker).toContain(marker.replace(/\\u003c/g, "<"));
    }
    const comments = cards().filter((c) => plain(JSON.stringify(c)).includes("[Re-submit here](https://evil.example/phish)"));
    expect(comments.length).toBeGreaterThan(0);
    expect(cards().length).toBeGreaterThan(100);
    // Hostile text is refused or shown, never a crash (NUL once failed the database write).
    expect(shown).not.toContain("something went wrong on our side");
  });

  it("Slack: typed text is escaped in every mrkdwn field and the notification text; nothing pings or links", () => {
    expect(cards().some((c) => mrkdwnTexts(cardToBlockKit(c).blocks).some((t) => t.includes("&lt;!channel&gt;")))).toBe(true);
    for (const card of cards()) {
      const rendered = cardToBlockKit(card);
      // The notification text is parsed as mrkdwn too.
      for (const text of [rendered.text, ...mrkdwnTexts(rendered.blocks)]) {
        for (const live of SLACK_LIVE) expect(text, `${JSON.stringify(card).slice(0, 600)}: ${text.slice(0, 200)}`).not.toMatch(live);
      }
      for (const text of strings(rendered.blocks)) expect(text).not.toMatch(INVISIBLE);
      for (const block of rendered.blocks) {
        const section = block as { type: string; text?: { text: string } };
        if (section.type === "section" && section.text) expect(section.text.text.length).toBeLessThanOrEqual(3000);
      }
      expect(rendered.blocks.length).toBeLessThanOrEqual(50);
    }
  });

  it("Teams: no link or mention is built from typed text or display names", () => {
    for (const card of cards()) {
      const rendered = cardToAdaptiveCard(card, { nameOf: hostileName });
      for (const text of strings(rendered)) {
        for (const live of TEAMS_LIVE) expect(text, `${card.summary}: ${text.slice(0, 200)}`).not.toMatch(live);
        expect(text).not.toMatch(INVISIBLE);
      }
      expect(JSON.stringify(rendered)).not.toContain('"mention"');
    }
  });

  it("playground: typed text is HTML-escaped, no element or link comes from it", () => {
    for (const [i, card] of cards().entries()) {
      const html = cardToHtml(card, { messageId: `m${i}`, nameOf: hostileName });
      for (const live of HTML_LIVE) expect(html, `${card.summary}: ${html.slice(0, 200)}`).not.toMatch(live);
      expect(html).not.toMatch(INVISIBLE);
    }
  });

  it("cuts a 10,000-character string to a length every platform shows", () => {
    const long = cards().filter((c) => plain(JSON.stringify(c)).includes("long xxxxxxxx"));
    expect(long.length).toBeGreaterThan(0);
    for (const card of long) {
      // Files (an export, a CSV) and images (a chart) are data and may be long; everything else is cut.
      const shown = { ...card, elements: card.elements.filter((e) => e.type !== "file" && e.type !== "image") };
      for (const text of strings(shown)) expect(plain(text).length).toBeLessThanOrEqual(4000);
    }
  });
});
