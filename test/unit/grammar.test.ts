import { describe, expect, it } from "vitest";
import { createCommandRegistry } from "../../src/core/commands.ts";
import { tokenize } from "../../src/core/grammar/tokens.ts";
import { parseAudience } from "../../src/core/grammar/options.ts";
import { features } from "../../src/features.ts";
import en from "../../prompts/messages/en.json" with { type: "json" };

/** The real registry, built from every feature's specs, as the bot builds it. */
const registry = createCommandRegistry(features.commands);
const parseCommand = (input: string, shortcut?: string) => registry.match(input, shortcut);

/** A match as `{ name, ...args }`, the shape these tests read best in. */
const ok = (input: string, shortcut?: "pulse" | "rubric") => {
  const r = parseCommand(input, shortcut);
  if (!r.ok) throw new Error(`expected ${input} to parse, got ${r.error.key}`);
  return { name: r.spec.name, ...(r.args as object) };
};
const err = (input: string) => {
  const r = parseCommand(input);
  if (r.ok) throw new Error(`expected ${input} to fail, got ${r.spec.name}`);
  return r.error;
};

describe("tokenizer", () => {
  it("keeps quoted names, typographic quotes and mentions", () => {
    const { tokens } = tokenize("partner add “Shanti Network” lead <@U123|amina> to <#C9>");
    expect(tokens).toEqual([
      { kind: "word", text: "partner" },
      { kind: "word", text: "add" },
      { kind: "quoted", text: "Shanti Network" },
      { kind: "word", text: "lead" },
      { kind: "user", id: "U123", label: "amina" },
      { kind: "word", text: "to" },
      { kind: "channel", id: "C9" },
    ]);
  });
  it("does not treat an apostrophe inside a word as a quote", () => {
    expect(tokenize("don't know").tokens).toEqual([
      { kind: "word", text: "don't" },
      { kind: "word", text: "know" },
    ]);
  });
  it("reports an unclosed quote", () => {
    expect(tokenize('partner add "Shanti').unclosedQuote).toBe(true);
  });
});

describe("command grammar (DESIGN.md §4)", () => {
  it("parses help with and without a topic", () => {
    expect(ok("")).toEqual({ name: "help" });
    expect(ok("help rubric")).toEqual({ name: "help", topic: "rubric" });
  });

  it("parses pulse start with audience, deadline and recurrence", () => {
    expect(ok("pulse start partner-pulse to <#C1> <@U2> closes in 10d every quarter")).toEqual({
      name: "pulse.start",
      template: "partner-pulse",
      audience: { channels: ["C1"], users: ["U2"] },
      closesIn: { amount: 10, unit: "day" },
      recurrence: "quarterly",
    });
    expect(ok("start to <#C1>", "pulse")).toMatchObject({ name: "pulse.start", audience: { channels: ["C1"], users: [] } });
  });

  it("parses pulse status/close/results/export with an optional round", () => {
    expect(ok("pulse results")).toEqual({ name: "pulse.results" });
    expect(ok("pulse export k3m9")).toEqual({ name: "pulse.export", round: "k3m9" });
  });

  it("parses rubric start for a multi-word partnership", () => {
    expect(ok("rubric start clarissa for Shanti Network to <#C1> mode collective closes in 2 weeks")).toEqual({
      name: "rubric.start",
      rubric: "clarissa",
      partnership: "Shanti Network",
      audience: { channels: ["C1"], users: [] },
      mode: "collective",
      closesIn: { amount: 2, unit: "week" },
      confirmed: false,
    });
    expect(ok('start for "Shanti Network" confirm', "rubric")).toMatchObject({ partnership: "Shanti Network", confirmed: true, mode: "individual" });
  });

  it("parses rubric pause with a reason", () => {
    expect(ok('rubric pause "Shanti Network" trust is low after the audit')).toEqual({
      name: "rubric.pause",
      partnership: "Shanti Network",
      reason: "trust is low after the audit",
    });
  });

  it("parses partner add with every field", () => {
    expect(ok('partner add "Shanti Network" category consortium, knowledge spectrum locally-led country Nepal lead <@U1> start 2024-01-01 end 2027-06-30')).toEqual({
      name: "partner.add",
      partnerName: "Shanti Network",
      fields: {
        categories: ["consortium", "knowledge"],
        spectrum: "locally-led",
        country: "Nepal",
        lead: "U1",
        start: "2024-01-01",
        end: "2027-06-30",
      },
    });
  });

  it("parses review add with an unquoted partnership before a known kind", () => {
    expect(ok("review add Shanti Network annual-review 2027-03-01 every 12m")).toEqual({
      name: "review.add",
      partnership: "Shanti Network",
      kind: "annual-review",
      date: "2027-03-01",
      everyMonths: 12,
    });
    expect(ok('review add "Shanti" "donor visit" in 3 weeks')).toEqual({ name: "review.add", partnership: "Shanti", kind: "donor visit", date: "in 3 weeks" });
  });

  it("parses review list/done/snooze", () => {
    expect(ok("review list 30d")).toEqual({ name: "review.list", days: 30 });
    expect(ok("review done r7k2 agreed a new calendar")).toEqual({ name: "review.done", review: "r7k2", notes: "agreed a new calendar" });
    expect(ok("review snooze r7k2 until next monday")).toEqual({ name: "review.snooze", review: "r7k2", until: "next monday" });
  });

  it("parses action add with owner, due date and partnership", () => {
    expect(ok('action add "Hold monthly coffee mornings" owner <@U3> due 2027-01-15 for Shanti Network')).toEqual({
      name: "action.add",
      text: "Hold monthly coffee mornings",
      owner: "U3",
      due: "2027-01-15",
      partnership: "Shanti Network",
    });
  });

  it("parses summary, role, settings, privacy and language", () => {
    expect(ok("summary subscribe <#C5> day monday time 09:00")).toEqual({ name: "summary.subscribe", channel: "C5", day: "monday", time: "09:00" });
    expect(ok("summary preview")).toEqual({ name: "summary.preview" });
    expect(ok("role <@U1> coordinator")).toEqual({ name: "role.set", user: "U1", role: "coordinator" });
    expect(ok("role list")).toEqual({ name: "role.list" });
    expect(ok("settings threshold 7")).toEqual({ name: "settings.set", key: "threshold", value: "7" });
    expect(ok("settings")).toEqual({ name: "settings.show" });
    expect(ok("partner")).toEqual({ name: "partner.list", includeArchived: false });
    expect(ok("", "pulse")).toEqual({ name: "pulse.form" });
    expect(ok("privacy")).toEqual({ name: "privacy" });
    expect(ok("language fr")).toEqual({ name: "language", locale: "fr" });
  });

  it("gives specific errors for malformed commands", () => {
    expect(err("frobnicate")).toMatchObject({ key: "error.unknown_command", params: { word: "frobnicate" } });
    expect(err("pulse start closes in soon")).toMatchObject({ key: "error.duration", area: "pulse" });
    expect(err("pulse start to everyone")).toMatchObject({ key: "error.audience", params: { value: "everyone" } });
    expect(err("pulse start <#C1>")).toMatchObject({ key: "error.audience_needs_to" });
    expect(err("rubric start clarissa")).toMatchObject({ key: "error.rubric_for", area: "rubric" });
    expect(err("rubric start for X mode solo")).toMatchObject({ key: "error.mode", params: { value: "solo" } });
    expect(err("role amina coordinator")).toMatchObject({ key: "error.role_mention" });
    expect(err("role <@U1> boss")).toMatchObject({ key: "error.role_name", params: { value: "boss" } });
    expect(err("settings colour blue")).toMatchObject({ key: "error.setting_key" });
    expect(err('partner add "Shanti')).toMatchObject({ key: "error.unclosed_quote" });
    expect(err("review add Shanti annual-review")).toMatchObject({ key: "error.date_missing" });
    expect(err("review add Shanti annual-review 2027-01-01 every year")).toMatchObject({ key: "error.every_months" });
    expect(err("rubric pause Shanti")).toMatchObject({ key: "error.pause_reason" });
  });

  it("uses only message keys that exist in en.json", () => {
    const inputs = [
      "frobnicate",
      "pulse start closes in soon",
      "pulse start to x",
      "pulse start <#C1>",
      "pulse frobnicate",
      "pulse reminders maybe",
      "rubric start",
      "rubric start for X mode y",
      "rubric pause",
      "rubric pause X",
      "partner add",
      'partner add "X" colour red',
      "partner add X lead bob",
      "partner edit X",
      "review add",
      "review add X",
      "review add X annual-review",
      "review list soon",
      "review done",
      "action add",
      "action add x owner bob",
      "action list some",
      "action done",
      "summary",
      "role x",
      "role <@U1> boss",
      "settings x",
      "settings threshold",
      "organisation",
      'x "y',
    ];
    for (const input of inputs) {
      const r = parseCommand(input);
      expect(r.ok, input).toBe(false);
      if (!r.ok) expect(Object.keys(en), input).toContain(r.error.key);
    }
  });

  it("has a usage line and an example for every command, and each example runs that command", () => {
    const messages = en as Record<string, string>;
    for (const spec of registry.specs) {
      expect(messages[`usage.${spec.name}`], `usage.${spec.name}`).toBeTruthy();
      const example = messages[`example.${spec.name}`];
      expect(example, `example.${spec.name}`).toBeTruthy();
      const text = example!
        .replace(/^\/reflect\s*/, "")
        .replace(/(^|[\s(])@(\w+)/g, "$1<@$2>")
        .replace(/#([\w-]+)/g, "<#$1>");
      const r = parseCommand(text);
      expect(r.ok && r.spec.name, example).toBe(spec.name);
    }
  });
});

describe("email audiences", () => {
  const audience = (typed: string) => parseAudience(tokenize(typed).tokens, "pulse");
  it("reads email:, comma lists, Slack's mailto links and contacts beside channels and people", () => {
    expect(audience("email:Sita@Shanti.org.np,ram@shanti.org.np <#C1> <@U1> contacts")).toEqual({
      channels: ["C1"],
      users: ["U1"],
      emails: ["sita@shanti.org.np", "ram@shanti.org.np"],
      contacts: true,
    });
    expect(audience("email:<mailto:gita@shanti.org.np|gita@shanti.org.np>").emails).toEqual(["gita@shanti.org.np"]);
    // Aliases of one mailbox are one person: a coordinator cannot pad a round with their own.
    expect(audience("email:carlos+1@ngo.org,Carlos+2@NGO.org,carlos@ngo.org").emails).toEqual(["carlos@ngo.org"]);
  });
  it("refuses what is not an address, naming it", () => {
    expect(() => audience("email:sita")).toThrow();
    let thrown: unknown;
    try {
      audience("email:ok@x.org,not-an-address");
    } catch (error) {
      thrown = error;
    }
    expect(JSON.stringify(thrown)).toContain("not-an-address");
  });
});
