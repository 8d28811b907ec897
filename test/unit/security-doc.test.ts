/** docs/SECURITY.md names the test behind each guard: each cited file and quoted test must exist. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("docs/SECURITY.md", () => {
  const doc = readFileSync("docs/SECURITY.md", "utf8");

  it("covers every role, every deployment and how to report a vulnerability", () => {
    for (const heading of [
      "Reporting a vulnerability",
      "Threat model per role",
      "Threat model per deployment",
      "Slack over HTTP",
      "Microsoft Teams",
      "The playground",
      "The database",
    ]) {
      expect(doc).toContain(heading);
    }
    for (const who of ["a partner", "a lead or coordinator", "an admin", "an admin of another workspace"]) expect(doc).toContain(`| ${who} |`);
  });

  it("cites only tests that exist, and quoted test names that exist in them", () => {
    const cited = [...doc.matchAll(/`(test\/[\w/.-]+\.ts)`(?: \("([^"]+)"\))?/g)];
    expect(cited.length).toBeGreaterThan(15);
    for (const [, file, name] of cited) {
      const source = readFileSync(file!, "utf8");
      if (name) expect(source, `${file} has no test or group "${name}"`).toMatch(new RegExp(`(it|describe)\\("${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    }
  });
});
