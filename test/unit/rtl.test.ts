/**
 * Right-to-left languages in the renderers: each card says its language and direction where the
 * platform can (playground: `lang`/`dir` per message; Teams: the card-level `rtl` of schema 1.5;
 * the answer page: per page), and what people type keeps `dir="auto"`.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { cardToAdaptiveCard } from "../../adapters/teams/render.ts";
import { cardToHtml } from "../../adapters/web/render.ts";
import { card, context, heading, text, type Card } from "../../src/core/card.ts";
import { userText } from "../../src/core/text.ts";
import { dirOf, formPage } from "../../src/email/page-html.ts";
import { adaptiveCardProblems } from "../fakes/adaptive-cards.ts";

const form = (lang?: string): Card => ({
  ...card(
    "استطلاع",
    heading("نبض الشركاء"),
    text(`التقييم الدوري: ${userText("Shanti Network (Nepal)")}`),
    { type: "choices", id: "q:respect", label: "تعمل منظمتانا معًا باحترام متبادل.", options: [{ value: "1", label: "1 · لا أوافق بشدة", description: "وصف" }], display: "radio" },
    { type: "input", id: "q:comment", label: "تعليق", multiline: true },
    { type: "input", id: "q:short", label: "قصير" },
    { type: "buttons", buttons: [{ actionId: "pulse:submit", label: "إرسال الإجابات", style: "primary", submit: true }] },
    context("لا يمكن تغيير الإجابات بعد إرسالها."),
  ),
  ...(lang ? { lang } : {}),
});

describe("dirOf", () => {
  it.each(["ar", "ur", "ur-PK", "fa", "he", "ps", "sd", "ug", "yi", "dv", "ckb", "AR", "ar_EG", "pa-Arab", "ku-Arab", "az-Arab-IR"])("%s is right to left", (lang) => {
    expect(dirOf(lang)).toBe("rtl");
  });
  it.each(["en", "fr", "es", "ne", "bn", "hi", "sw", "ku", "az-Latn", "uz-Latn", "ar-Latn", "", "not a tag"])("%s is left to right", (lang) => {
    expect(dirOf(lang)).toBe("ltr");
  });
});

describe("the playground renderer (cardToHtml)", () => {
  it("marks an Arabic card lang=ar dir=rtl, so everything inside reads right to left", () => {
    expect(cardToHtml(form("ar"), { messageId: "m1" })).toMatch(/^<form class="card" lang="ar" dir="rtl" data-message-id="m1"/);
    expect(cardToHtml(form("ur-PK"), { messageId: "m1" })).toMatch(/^<form class="card" lang="ur-PK" dir="rtl"/);
  });

  it("marks a Nepali or English card left to right, with its language", () => {
    expect(cardToHtml(form("ne"), { messageId: "m1" })).toMatch(/^<form class="card" lang="ne" dir="ltr"/);
    expect(cardToHtml(form("en"), { messageId: "m1" })).toMatch(/^<form class="card" lang="en" dir="ltr"/);
  });

  it("leaves a card with no language to the browser (dir=auto, no lang)", () => {
    const html = cardToHtml(form(), { messageId: "m1" });
    expect(html).toMatch(/^<form class="card" dir="auto" data-message-id/);
    expect(html).not.toMatch(/\slang=/);
  });

  it("gives what people type dir=auto in every card", () => {
    for (const lang of ["ar", "en", undefined]) {
      const html = cardToHtml(form(lang), { messageId: "m1" });
      expect(html).toMatch(/<textarea [^>]*dir="auto"/);
      expect(html).toMatch(/<input type="text" [^>]*dir="auto"/);
    }
  });

  it("keeps each cell of a space-padded table in its column: cells isolated, the block left to right", () => {
    const table = card("t", text("```\nelement         r1          r2\ncommunications  يعمل جيدًا  ناشئ\n```"));
    const html = cardToHtml({ ...table, lang: "ar" }, { messageId: "m1" });
    expect(html).toContain("<bdi>communications</bdi>  <bdi>يعمل جيدًا</bdi>  <bdi>ناشئ</bdi>");
    expect(html).toContain("<bdi>element</bdi>         <bdi>r1</bdi>          <bdi>r2</bdi>");
  });

  it("escapes the language it is given", () => {
    expect(cardToHtml(form('ar" onclick="x'), { messageId: "m1" })).toContain('lang="ar&quot; onclick=&quot;x"');
  });
});

describe("Teams (cardToAdaptiveCard)", () => {
  const require = createRequire(import.meta.url);
  const AC = require("adaptivecards/dist/adaptivecards.js") as {
    AdaptiveCard: new () => { parse(json: unknown, ctx: unknown): void; rtl?: boolean };
    SerializationContext: new () => unknown;
  };

  it("sets the card-level rtl for a right-to-left language, which the adaptivecards library reads", () => {
    for (const lang of ["ar", "ur", "fa-IR"]) {
      const json = cardToAdaptiveCard(form(lang));
      expect(json.rtl).toBe(true);
      expect(json.version).toBe("1.5");
      expect(adaptiveCardProblems(json)).toEqual([]);
      const parsed = new AC.AdaptiveCard();
      parsed.parse(json, new AC.SerializationContext());
      expect(parsed.rtl).toBe(true);
    }
  });

  it("leaves rtl unset for left-to-right languages and cards without one (the platform decides)", () => {
    for (const lang of ["en", "ne", "bn", undefined]) expect(cardToAdaptiveCard(form(lang))).not.toHaveProperty("rtl");
  });

  it("stays pure: the same card renders the same JSON, and the card is not changed", () => {
    const c = form("ar");
    const before = JSON.stringify(c);
    expect(cardToAdaptiveCard(c)).toEqual(cardToAdaptiveCard(c));
    expect(JSON.stringify(c)).toBe(before);
  });
});

describe("the answer page (formPage)", () => {
  const html = formPage(form("ar"), { lang: "ar", action: "/answer/x" });

  it("is lang=ar dir=rtl as a whole", () => {
    expect(html).toContain('<html lang="ar" dir="rtl">');
  });

  it("lets what people type decide its own direction", () => {
    expect(html).toMatch(/<textarea [^>]*dir="auto"/);
  });

  it("isolates typed text, so a Latin name with brackets reads whole in an Arabic sentence", () => {
    expect(html).toContain("التقييم الدوري: <bdi>Shanti Network (Nepal)</bdi>");
  });

  it("puts each radio before its label (first in the line, so on the right in RTL) with logical spacing", () => {
    expect(html).toMatch(/<label for="c\d+-0"><input type="radio"[^>]*>1 · لا أوافق بشدة<\/label>/);
    expect(html).toContain("margin-inline-end");
    expect(html).not.toMatch(/margin-(left|right)|float:|text-align:\s*(left|right)/);
  });

  it("isolates typed text only where its script runs the other way than the page", () => {
    const named = (name: string) => card("t", heading(`Check-in: ${userText(name)}`));
    expect(formPage(named("Shanti Network (Nepal)"), { lang: "fr", action: "/a" })).toContain("<h1>Check-in: Shanti Network (Nepal)</h1>");
    expect(formPage(named("شبكة الأمل (السودان)"), { lang: "en", action: "/a" })).toContain("<h1>Check-in: <bdi>شبكة الأمل (السودان)</bdi></h1>");
    expect(formPage(named("شبكة الأمل"), { lang: "ar", action: "/a" })).toContain("<h1>Check-in: شبكة الأمل</h1>");
  });

  it("keeps English pages left to right", () => {
    expect(formPage(form("en"), { lang: "en", action: "/answer/x" })).toContain('<html lang="en" dir="ltr">');
  });
});
