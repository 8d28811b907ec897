/**
 * Results as pictures: drawn from the same gated figures as the text, so a withheld question or
 * element is absent from the picture too; the PNG has real pixels and alt text.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { inflateSync } from "node:zlib";
import { likertRows } from "../../src/charts/results-charts.ts";
import { createHarness, FAKE_WORKSPACE, type Harness } from "../fakes/harness.ts";
import { answerPulse } from "../fakes/pulse-flow.ts";
import type { CardElement } from "../../src/core/card.ts";

const people = ["p1", "p2", "p3", "p4", "p5", "p6"];
let h: Harness;
beforeEach(async () => {
  h = await createHarness({ admins: ["amina"] });
  await h.command("amina", "role <@carlos> coordinator");
  h.fake.rosters.set(
    "C-P",
    people.map((userId) => ({ userId, reachable: true })),
  );
});
afterEach(async () => {
  await h.stop();
});

/** How many distinct colours a PNG's pixels use (a blank image has one). */
function colours(png: Buffer): number {
  const width = png.readUInt32BE(16);
  const idat: Buffer[] = [];
  for (let i = 8; i < png.length; ) {
    const len = png.readUInt32BE(i);
    if (png.toString("ascii", i + 4, i + 8) === "IDAT") idat.push(png.subarray(i + 8, i + 8 + len));
    i += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const seen = new Set<number>();
  const stride = width * 4 + 1;
  for (let y = 0; y < raw.length / stride && seen.size < 50; y += 7) for (let x = 1; x < stride - 4; x += 28) seen.add(raw.readUInt32BE(y * stride + x));
  return seen.size;
}

describe("results charts", () => {
  it("a closed pulse's results carry a Likert chart of exactly the questions shown, with alt text", async () => {
    await h.command("carlos", "pulse start partner-pulse closes in 7d", { conversation: "C-P" });
    for (const [i, p] of people.slice(0, 5).entries()) await answerPulse(h, p, { "q:respect": String(1 + i), "q:long-term": "4", ...(i < 2 ? { "q:peers": "2" } : {}) });
    h.clock.advance(49 * 3_600_000);
    await h.command("carlos", "pulse close", { conversation: "C-P" });
    const post = h.fake.deliveries.find((d) => d.conversationId === "C-P" && h.fake.textOf(d).includes("Pulse results"))!;
    const image = post.card.elements.find((e): e is Extract<CardElement, { type: "image" }> => e.type === "image")!;
    expect(image.alt).toContain("for each of the 2 questions shown");
    expect(image.alt).toContain("16 questions are hidden");
    const png = Buffer.from(image.url.replace(/^data:image\/png;base64,/, ""), "base64");
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
    expect(colours(png)).toBeGreaterThan(4);
    // The picture's figures are the gated ones: the two questions shown, nothing of "peers" (2 answers).
    const round = (await h.app.store.rounds.list(FAKE_WORKSPACE, { kind: "pulse" }))[0]!;
    const { computePulseResults } = await import("../../src/surveys/results.ts");
    const results = await computePulseResults(h.app.deps, (await h.app.store.workspaces.get(FAKE_WORKSPACE))!, round, "en");
    const rows = likertRows(results, ["1", "2", "3", "4", "5"]);
    expect(new Set(rows.map((r) => r.question)).size).toBe(2);
    expect(rows.some((r) => /peers|respect each other as peers/i.test(r.question))).toBe(false);
    // Each bar covers 100% and is centred on the neutral answer.
    const respect = rows.filter((r) => r.question.startsWith("1."));
    expect(respect.at(-1)!.end - respect[0]!.start).toBeCloseTo(100);
    expect(respect[2]!.start + respect[2]!.end).toBeCloseTo(0);
  });

  it("a withheld round has no chart at all", async () => {
    await h.command("carlos", "pulse start partner-pulse closes in 7d", { conversation: "C-P" });
    for (const p of people.slice(0, 4)) await answerPulse(h, p, { "q:respect": "4" });
    h.clock.advance(49 * 3_600_000);
    await h.command("carlos", "pulse close", { conversation: "C-P" });
    const post = h.fake.deliveries.find((d) => d.conversationId === "C-P" && h.fake.textOf(d).includes("Pulse results"))!;
    expect(post.card.elements.some((e) => e.type === "image")).toBe(false);
  });

  it("a closed check-in carries a grid of elements by level", async () => {
    await h.command("carlos", 'partner add "Shanti Network"');
    await h.command("carlos", 'rubric start for "Shanti Network" confirm', { conversation: "C-P" });
    const [round] = await h.app.store.rounds.list(FAKE_WORKSPACE, { kind: "rubric", status: "open" });
    for (const u of people.slice(0, 5)) {
      const inv = h.fake.deliveries.filter((d) => d.conversationId === `D-${u}`).at(-1)!;
      await h.click(u, inv, `rubric:open:${round!.id}`);
      await h.click(u, inv, `rubric:submit:${round!.id}`, { "e:communications": "emerging", "e:team-identity": "well-functioning" });
    }
    h.clock.advance(49 * 3_600_000);
    await h.command("carlos", 'rubric close "Shanti Network"');
    const post = h.fake.deliveries.find((d) => d.conversationId === "C-P" && h.fake.textOf(d).includes("Check-in results"))!;
    const image = post.card.elements.find((e): e is Extract<CardElement, { type: "image" }> => e.type === "image")!;
    expect(image.alt).toContain("Chart: a grid of the");
    expect(colours(Buffer.from(image.url.split(",")[1]!, "base64"))).toBeGreaterThan(3);
  });
});
