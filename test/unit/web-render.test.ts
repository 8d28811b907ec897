import { describe, expect, it } from "vitest";
import { cardToHtml } from "../../adapters/web/render.ts";
import { card, text } from "../../src/core/card.ts";
import { userText } from "../../src/core/text.ts";

const html = (value: string) => cardToHtml(card("t", text(value)), { messageId: "m1" });

describe("playground renderer", () => {
  it("bold markers around a typed name make the whole name bold", () => {
    expect(html(`*${userText("Shanti Network")}*: Communications Emerging`)).toContain("<strong>Shanti Network</strong>: Communications Emerging");
    expect(html(`• *${userText("Horizon")}* · renews`)).toContain("• <strong>Horizon</strong> · renews");
    expect(html(`_${userText("met in May")}_`)).toContain("<em>met in May</em>");
  });

  it("the typed name stays inert inside the emphasis", () => {
    const out = html(`*${userText("<b>x</b> *y* _z_")}*: ok`);
    expect(out).toContain("<strong>&lt;b&gt;x&lt;/b&gt; *y* _z_</strong>: ok");
  });

  it("an unmatched marker is left as typed", () => {
    expect(html(`*${userText("Name")}: no closing`)).toContain("*Name: no closing");
  });
});
