/**
 * Each person reads the bot in their language: their own choice, else what their Slack or Teams
 * app reports, else the workspace's. Posts for a whole channel use the channel's language, and
 * results state each question in the reader's language whatever language people answered in.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createHarness, FAKE_WORKSPACE, type Harness } from "../fakes/harness.ts";
import { startSlackBot, TEAM, type SlackHarness } from "../fakes/slack-harness.ts";
import { startTeamsBot, type TeamsHarness } from "../fakes/teams-harness.ts";
import { slotContaining } from "../../src/jobs/slots.ts";

const messages = (locale: string) => JSON.parse(readFileSync(`prompts/messages/${locale}.json`, "utf8")) as Record<string, string>;
const pulse = JSON.parse(readFileSync("prompts/surveys/partner-pulse.json", "utf8")) as {
  title: Record<string, string>;
  questions: { key: string; text: Record<string, string> }[];
};
const question = (key: string, locale: string) => pulse.questions.find((q) => q.key === key)!.text[locale]!;
/** The start of a message up to its first argument: enough to recognise it in a card. */
const opening = (locale: string, key: string) => messages(locale)[key]!.split("{")[0]!.trim();

describe("Teams: the language the activity carries", () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsBot();
    await h.install("admin-aad");
    await h.install("sunita", { locale: "ne-NP" });
    await h.install("emma", { locale: "en-US" });
  });
  afterAll(async () => {
    await h?.stop();
  });
  const lastTo = (user: string) => h.textOf(h.connector.sent.filter((s) => s.conversationId === `personal-${user}`).at(-1)!);

  it("answers a person whose Teams speaks Nepali in Nepali, and remembers it for messages the bot starts", async () => {
    await h.message("sunita", "help", { locale: "ne-NP" });
    await h.settle();
    expect(lastTo("sunita")).toContain(messages("ne")["help.title"]);
    const member = await h.app.store.members.get("teams:tenant-1", "sunita");
    // Kept as the shipped language it names, without the region.
    expect(member).toMatchObject({ locale: null, platformLocale: "ne" });
  });

  it("their own /reflect language wins, and `auto` goes back to their app's language", async () => {
    await h.message("sunita", "language", { locale: "ne-NP" });
    await h.settle();
    // Each language by its code and its own name, so a person finds theirs whatever they read now.
    expect(lastTo("sunita")).toContain("नेपाली");
    expect(lastTo("sunita")).toMatch(/ar.{0,4} العربية/);
    await h.message("sunita", "language fr", { locale: "ne-NP" });
    await h.settle();
    expect(lastTo("sunita")).toContain(messages("fr")["language.set"]!.replace("{locale}", "français"));
    await h.message("sunita", "privacy", { locale: "ne-NP" });
    await h.settle();
    expect(lastTo("sunita")).toContain(messages("fr")["privacy.title"]);
    await h.message("sunita", "language auto", { locale: "ne-NP" });
    await h.settle();
    expect(lastTo("sunita")).toContain(opening("ne", "language.auto_set"));
  });

  it("an English Teams client follows the workspace language, which an admin sets", async () => {
    await h.message("admin-aad", "settings language es", { locale: "en-US" });
    await h.message("emma", "help", { locale: "en-US" });
    await h.settle();
    expect(lastTo("emma")).toContain(messages("es")["help.title"]);
  });
});

describe("Slack: the language users.info reports", () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackBot();
    h.fake.users.set("UFR", { id: "UFR", team_id: TEAM, locale: "fr-FR" });
    h.fake.users.set("UES", { id: "UES", team_id: TEAM, locale: "es-LA" });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("reads people's languages with the channel's roster when a round opens: invitations in their language before they ever typed", async () => {
    h.fake.users.set("UADM", { id: "UADM", team_id: TEAM });
    for (const [id, locale] of [
      ["UP1", "ne-NP"],
      ["UP2", "bn-BD"],
      ["UP3", "en-US"],
      ["UP4", "de-DE"],
      ["UP5", 'ar"><img src=x onerror=alert(1)>'],
    ] as const)
      h.fake.users.set(id, { id, team_id: TEAM, locale });
    h.fake.channels.set("CPART", ["UADM", "UP1", "UP2", "UP3", "UP4", "UP5"]);
    await h.app.store.members.setRole(`slack:${TEAM}`, "UADM", "admin");
    await h.command("UADM", "pulse start quick-pulse closes in 3d", { channel: "CPART" });
    await h.settle();
    const stored = async (id: string) => (await h.app.store.members.get(`slack:${TEAM}`, id))?.platformLocale;
    // The shipped language it names, else the language alone; never a string someone shaped.
    expect([await stored("UP1"), await stored("UP2"), await stored("UP3"), await stored("UP4"), await stored("UP5")]).toEqual(["ne", "bn", "en", "de", null]);
    const quick = JSON.parse(readFileSync("prompts/surveys/quick-pulse.json", "utf8")) as { title: Record<string, string> };
    const invitation = (id: string) => h.textOf(h.fake.messages.filter((m) => m.channel === `D${id}`).at(-1)!);
    expect(invitation("UP1")).toContain(quick.title.ne);
    expect(invitation("UP2")).toContain(quick.title.bn);
    expect(invitation("UP4")).toContain(quick.title.en);
  });

  it("asks Slack for the person's locale (include_locale) and answers in it", async () => {
    await h.command("UFR", "help");
    await h.settle();
    const reply = h.seenBy("UFR").at(-1)!;
    expect(h.textOf(reply)).toContain(messages("fr")["help.title"]);
    const asked = h.fake.calls.filter((c) => c.method === "users.info" && c.args.user === "UFR");
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((c) => String(c.args.include_locale) === "true")).toBe(true);
    await h.command("UES", "privacy");
    await h.settle();
    expect(h.textOf(h.seenBy("UES").at(-1)!)).toContain(messages("es")["privacy.title"]);
  });
});

describe("channels, results and rubrics in any language", () => {
  let h: Harness;
  const people = ["p1", "p2", "p3", "p4", "p5", "p6"];
  let promptsDir: string | undefined;
  afterEach(async () => {
    await h?.stop();
    if (promptsDir) rmSync(promptsDir, { recursive: true, force: true });
    promptsDir = undefined;
  });

  async function setUp(env: Record<string, string> = {}) {
    h = await createHarness({ admins: ["amina"], now: "2026-11-23T08:00:00Z", env });
    await h.command("amina", "role <@carlos> coordinator");
    await h.command("amina", "role <@lena> lead");
    h.fake.rosters.set(
      "C-P",
      people.map((userId) => ({ userId, reachable: true })),
    );
    h.fake.rosters.set("C-LEADS", [{ userId: "lena", reachable: true }]);
  }

  it("a channel with a language of its own gets results and the weekly summary in it; each question in that language whatever people answered in", async () => {
    await setUp();
    await h.command("p1", "language ne");
    await h.command("p2", "language ar");
    await h.command("p3", "language fr");
    expect(h.text(await h.command("p4", "channel language <#C-P> ne"))).toContain("needs the admin, coordinator or lead role");
    // Only someone in the channel sets its language.
    expect(h.text(await h.command("carlos", "channel language <#C-LEADS> ne"))).toContain("You are not a member of <#C-LEADS>");
    expect(await h.app.store.channels.language(FAKE_WORKSPACE, "C-LEADS")).toBeNull();
    // Typed in the channel: proof enough that carlos is in it.
    const set = h.text(await h.command("carlos", "channel language <#C-P> ne-NP", { conversation: "C-P" }));
    expect(set).toContain("<#C-P>");
    // The language by its own name, as `/reflect language` names it.
    expect(set).toContain("नेपाली");
    expect(h.text(await h.command("carlos", "channel language", { conversation: "C-P" }))).toContain("(set for this channel)");
    expect(h.text(await h.command("lena", "channel language <#C-LEADS> xx"))).toContain('There is no "xx" translation');
    await h.command("carlos", "pulse start partner-pulse closes in 3d", { conversation: "C-P" });
    const [round] = await h.app.store.rounds.list(FAKE_WORKSPACE, { kind: "pulse", status: "open" });
    for (const u of people.slice(0, 5)) {
      const inv = h.fake.deliveries.filter((d) => d.conversationId === `D-${u}`).at(-1)!;
      // Each reads the invitation in their own language.
      if (u === "p1") expect(h.fake.textOf(inv)).toContain(pulse.title.ne);
      if (u === "p2") expect([inv.card.lang, h.fake.textOf(inv).includes(pulse.title.ar!)]).toEqual(["ar", true]);
      if (u === "p4") expect([inv.card.lang, h.fake.textOf(inv).includes(pulse.title.en!)]).toEqual(["en", true]);
      await h.click(u, inv, `pulse:open:${round!.id}`);
      // The form asks each question in the person's language.
      if (u === "p3") expect(h.fake.textOf(h.fake.deliveries.filter((d) => d.conversationId === "D-p3").at(-1)!)).toContain(question("respect", "fr"));
      await h.click(u, inv, `pulse:submit:${round!.id}`, { "q:respect": "4", "q:knowledge-exchange": "5", "q:fundraising": "3" });
    }
    h.clock.advance(49 * 3_600_000);
    await h.command("carlos", "pulse close");
    await h.flush();
    const channelPost = h.fake.deliveries.filter((d) => d.conversationId === "C-P").at(-1)!;
    expect(channelPost.card.lang).toBe("ne");
    expect(h.fake.textOf(channelPost)).toContain(question("respect", "ne"));
    expect(h.fake.textOf(channelPost)).not.toContain(question("respect", "en"));
    const toCoordinator = h.fake.deliveries.filter((d) => d.conversationId === "D-carlos").at(-1)!;
    expect(h.fake.textOf(toCoordinator)).toContain(question("respect", "en"));
    expect(toCoordinator.card.lang).toBe("en");

    // The weekly summary in the leads' channel: Bangla there, English in a channel without its own.
    await h.command("lena", "channel language <#C-LEADS> bn");
    await h.command("lena", "summary subscribe <#C-LEADS>");
    const job = h.app.jobs.get("weekly-summary")!;
    h.clock.set("2026-11-30T09:10:00Z"); // just after Monday 09:00 UTC, the default slot
    await h.app.jobs.runSlot(job, slotContaining(job, h.clock.now()));
    await h.flush();
    const summary = h.fake.deliveries.filter((d) => d.conversationId === "C-LEADS").at(-1)!;
    expect(summary.card.lang).toBe("bn");
    expect(h.fake.textOf(summary)).toContain(opening("bn", "summary.title"));

    // Back to the workspace's language.
    expect(h.text(await h.command("lena", "channel language <#C-LEADS> default"))).toContain("now follows the workspace language");
    expect(await h.app.store.channels.language(FAKE_WORKSPACE, "C-LEADS")).toBeNull();
  });

  it("a rubric written in Nepali only runs a check-in, shown in Nepali to every reader", async () => {
    promptsDir = mkdtempSync(join(tmpdir(), "prompts-ne-"));
    cpSync("prompts", join(promptsDir, "prompts"), { recursive: true });
    const nepaliOnly = {
      id: "sajhedari",
      version: 1,
      title: { ne: "साझेदारी रुब्रिक" },
      description: { ne: "हाम्रो साझेदारीको छोटो समीक्षा।" },
      levels: [
        { key: "well-functioning", label: { ne: "राम्रोसँग चलिरहेको" }, score: 3 },
        { key: "emerging", label: { ne: "उदीयमान" }, score: 2 },
        { key: "needs-help", label: { ne: "सहयोग चाहिने" }, score: 1 },
      ],
      elements: [
        {
          key: "communications",
          label: { ne: "सञ्चार" },
          descriptors: { "well-functioning": [{ ne: "सबैलाई स्पष्ट जानकारी छ।" }], emerging: [], "needs-help": [{ ne: "गलत सूचनाले विवाद बढ्छ।" }] },
        },
      ],
    };
    writeFileSync(join(promptsDir, "prompts", "rubrics", "sajhedari.json"), JSON.stringify(nepaliOnly));
    await setUp({ PROMPTS_DIR: join(promptsDir, "prompts") });
    await h.command("carlos", 'partner add "Shanti Network"');
    await h.command("carlos", "rubric start sajhedari for Shanti confirm", { conversation: "C-P" });
    const [round] = await h.app.store.rounds.list(FAKE_WORKSPACE, { kind: "rubric", status: "open" });
    expect(round).toBeDefined();
    const inv = h.fake.deliveries.filter((d) => d.conversationId === "D-p1").at(-1)!;
    await h.click("p1", inv, `rubric:open:${round!.id}`);
    const form = h.fake.textOf(h.fake.deliveries.filter((d) => d.conversationId === "D-p1").at(-1)!);
    expect(form).toContain("सञ्चार");
    expect(form).toContain("सबैलाई स्पष्ट जानकारी छ।");
    for (const u of people.slice(0, 5)) {
      const d = h.fake.deliveries.filter((x) => x.conversationId === `D-${u}`).at(-1)!;
      if (u !== "p1") await h.click(u, d, `rubric:open:${round!.id}`);
      await h.click(u, d, `rubric:submit:${round!.id}`, { "e:communications": u === "p1" ? "needs-help" : "well-functioning" });
    }
    h.clock.advance(49 * 3_600_000);
    await h.command("carlos", "rubric close Shanti");
    const results = h.text(await h.command("carlos", "rubric results Shanti"));
    expect(results).toContain("सञ्चार");
    expect(results).toContain("राम्रोसँग चलिरहेको");
  });
});
