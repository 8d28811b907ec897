import { plain } from "../../src/core/text.ts";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadPrompts } from "../../src/core/prompts/load.ts";
import { createI18n } from "../../src/core/i18n.ts";

const shipped = join(process.cwd(), "prompts");
let dir: string | undefined;
const copy = () => {
  dir = mkdtempSync(join(tmpdir(), "prompts-"));
  const root = join(dir, "prompts");
  cpSync(shipped, root, { recursive: true });
  for (const sub of ["surveys", "rubrics"]) mkdirSync(join(root, sub), { recursive: true });
  return root;
};
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe("prompt files", () => {
  it("the shipped prompts load", () => {
    const p = loadPrompts(shipped);
    expect(Object.keys(p.messages)).toContain("en");
  });

  it("an invalid survey file names the file and the field", () => {
    const root = copy();
    writeFileSync(
      join(root, "surveys", "broken.json"),
      JSON.stringify({
        id: "broken",
        version: 1,
        title: { en: "x" },
        description: { en: "x" },
        minutes: 2,
        scale: { labels: [{ en: "1" }], preferNotToSay: { en: "-" } },
        questions: [{ key: "q1", type: "scale", theme: "t", quality: "kind", text: { en: "?" } }],
      }),
    );
    expect(() => loadPrompts(root)).toThrow(/prompts\/surveys\/broken\.json: scale\.labels: /);
    expect(() => loadPrompts(root)).toThrow(/prompts\/surveys\/broken\.json: questions\.0\.quality: /);
  });

  it("an invalid rubric names the element and level", () => {
    const root = copy();
    writeFileSync(
      join(root, "rubrics", "broken.json"),
      JSON.stringify({
        id: "broken",
        version: 1,
        title: { en: "x" },
        description: { en: "x" },
        levels: [
          { key: "good", label: { en: "Good" }, score: 2 },
          { key: "bad", label: { en: "Bad" }, score: 1 },
        ],
        elements: [{ key: "trust", label: { en: "Trust" }, descriptors: { good: [{ en: "ok" }], ugly: [{ en: "no" }] } }],
      }),
    );
    expect(() => loadPrompts(root)).toThrow(/prompts\/rubrics\/broken\.json: elements\.0\.descriptors\.ugly: "ugly" is not one of the levels/);
  });

  it('a question offering "does not apply" needs the scale\'s label for it', () => {
    const root = copy();
    const template = JSON.parse(readFileSync(join(shipped, "surveys", "partner-pulse.json"), "utf8"));
    template.id = "no-na-label";
    delete template.scale.notApplicable;
    writeFileSync(join(root, "surveys", "no-na-label.json"), JSON.stringify(template));
    expect(() => loadPrompts(root)).toThrow(/prompts\/surveys\/no-na-label\.json: questions\.\d+\.notApplicable: offers "does not apply", so scale\.notApplicable needs its label/);
  });

  it("a rubric level may have no descriptor (the seed leaves the cell empty), but its key must be there", () => {
    const p = loadPrompts(shipped);
    const clarissa = p.rubrics.get("clarissa")!;
    const entrepreneurial = clarissa.elements.find((e) => e.key === "entrepreneurial-culture")!;
    expect(entrepreneurial.descriptors["needs-help"]).toEqual([]);
    const root = copy();
    const broken = JSON.parse(readFileSync(join(shipped, "rubrics", "clarissa.json"), "utf8"));
    broken.id = "missing-cell";
    delete broken.elements[0].descriptors[broken.levels[0].key];
    writeFileSync(join(root, "rubrics", "missing-cell.json"), JSON.stringify(broken));
    expect(() => loadPrompts(root)).toThrow(/prompts\/rubrics\/missing-cell\.json: elements\.0\.descriptors: missing descriptors for level/);
  });

  it("rejects a translation key that English does not have, and JSON that does not parse", () => {
    const root = copy();
    writeFileSync(join(root, "messages", "fr.json"), JSON.stringify({ "help.titel": "Aide" }));
    expect(() => loadPrompts(root)).toThrow(/prompts\/messages\/fr\.json: help\.titel: not a key of en\.json/);
    writeFileSync(join(root, "messages", "fr.json"), "{ nope");
    expect(() => loadPrompts(root)).toThrow(/prompts\/messages\/fr\.json: not valid JSON/);
    // A renamed argument, and a plural block that does not close.
    writeFileSync(join(root, "messages", "fr.json"), JSON.stringify({ "help.hidden": "{nombre} commandes" }));
    expect(() => loadPrompts(root)).toThrow(/prompts\/messages\/fr\.json: help\.hidden: arguments \{nombre\} differ from English \{count\}/);
    writeFileSync(join(root, "messages", "fr.json"), JSON.stringify({ "help.hidden": "{count, plural, one {une commande" }));
    expect(() => loadPrompts(root)).toThrow(/prompts\/messages\/fr\.json: help\.hidden: not valid ICU MessageFormat/);
    // Worded differently in each branch is fine: the arguments are what count.
    writeFileSync(
      join(root, "messages", "fr.json"),
      JSON.stringify({ "help.hidden": "{count, plural, one {Une autre commande demande un autre rôle.} other {{count} autres commandes demandent un autre rôle.}}" }),
    );
    expect(() => loadPrompts(root)).not.toThrow();
  });

  it("rejects a translation that reads an argument another way (a promise's number turned into an empty select), and a file name that is not a language", () => {
    const root = copy();
    writeFileSync(join(root, "messages", "ne.json"), JSON.stringify({ "pulse.disclosure": "बेनामी। {threshold, select, other {}} {commenters, select, other {}}" }));
    expect(() => loadPrompts(root)).toThrow(
      /prompts\/messages\/ne\.json: pulse\.disclosure: arguments \{commenters,threshold\} read as commenters:select, threshold:select differ from English \{commenters,threshold\}/,
    );
    writeFileSync(join(root, "messages", "ne.json"), JSON.stringify({ "pulse.invite_title": "{title, date}" }));
    expect(() => loadPrompts(root)).toThrow(/pulse\.invite_title: arguments \{title\} read as title:date differ from English \{title\}/);
    rmSync(join(root, "messages", "ne.json"));
    writeFileSync(join(root, "messages", "en_GB.json"), JSON.stringify({}));
    expect(() => loadPrompts(root)).toThrow(/prompts\/messages\/en_GB\.json: the file name must be a language code/);
  });

  it("falls back to English for keys a translation lacks, and to the workspace language", () => {
    const p = loadPrompts(shipped);
    // A partial translation (a partner organisation's first draft): what it lacks is English.
    const en = JSON.parse(readFileSync(join(shipped, "messages", "en.json"), "utf8")) as Record<string, string>;
    const i18n = createI18n({ ...p.messages, fr: { "role.coordinator": "coordinateur" } });
    const fr = i18n.forLocale("fr");
    expect(fr("role.coordinator")).toBe("coordinateur");
    expect(plain(fr("settings.saved", { key: "a", value: "b" }))).toBe(en["settings.saved"]!.replace("{key}", "a").replace("{value}", "b"));
    expect(i18n.forLocale("xx", "fr").locale).toBe("fr");
    expect(i18n.forLocale(null, undefined).locale).toBe("en");
  });
});
