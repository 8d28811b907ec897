import { mkdirSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { asPersona, fontsDrawing, type, usePlayground } from "./browser.ts";
import { languageName } from "../../src/core/i18n.ts";
import { ARG, fragments, messagesOf, pick, pulseTemplate, rubric, translator } from "./locales.ts";

const LOOK = "/tmp/e2e-look";
const SCRIPT_FONT: Record<string, string> = { ne: "Noto Sans Devanagari", ar: "Noto Naskh Arabic" };

/**
 * Issue "Every partner in their own language": a partner who reads Nepali and one who reads
 * Arabic answer a pulse and a rubric check-in in the playground, each in their language; the
 * Arabic messages read right to left beside English ones. The texts come from the prompt files
 * at test time (a template or rubric without the locale falls back to English, as the bot does).
 */
describe("every partner in their own language", () => {
  const playground = usePlayground({ viewport: { width: 1280, height: 1100 } });
  let page: Page;
  beforeAll(() => {
    page = playground.page();
    mkdirSync(LOOK, { recursive: true });
  });

  /** The text of a message in `locale`, as the bot formats it; the key must be translated, not fall back to English. */
  function say(locale: string, key: string, params: Record<string, string | number> = {}): string {
    expect(messagesOf(locale)[key], `${key} in prompts/messages/${locale}.json`).toBeTypeOf("string");
    return translator(playground.app(), locale)(key, params);
  }

  /** Every fixed part of a message whose arguments (a closing date) the test cannot know. */
  async function expectMessage(target: Locator, locale: string, key: string, unknown: string[]) {
    const text = (await target.textContent()) ?? "";
    const parts = fragments(say(locale, key, Object.fromEntries(unknown.map((name) => [name, ARG]))));
    expect(parts.length).toBeGreaterThan(0);
    for (const part of parts) expect(text, `${locale} ${key}`).toContain(part);
  }

  const lastBot = (text: string) => page.locator(".message.from-bot", { hasText: text }).last();

  async function direction(target: Locator) {
    return target.evaluate((el) => ({
      dir: el.getAttribute("dir"),
      lang: el.getAttribute("lang"),
      computed: (globalThis as unknown as { getComputedStyle: (e: unknown) => { direction: string } }).getComputedStyle(el).direction,
    }));
  }

  async function look(target: Locator, name: string) {
    await target.evaluate((el) => el.scrollIntoView({ block: "start" }));
    await page.screenshot({ path: `${LOOK}/${name}.png` });
  }

  /** Direction of a card as the reader sees it: right to left for Arabic, with the radio before its label on the right. */
  async function expectDirection(message: Locator, locale: string) {
    const rtl = locale === "ar";
    const form = message.locator("form.card").first();
    await expect(direction(form)).resolves.toEqual({ dir: rtl ? "rtl" : "ltr", lang: locale, computed: rtl ? "rtl" : "ltr" });
    const choice = form.locator("label.choice").first();
    if ((await choice.count()) === 0) return;
    await choice.scrollIntoViewIfNeeded();
    const box = (await form.boundingBox())!;
    const radio = (await choice.locator("input").boundingBox())!;
    const label = (await choice.locator("span").boundingBox())!;
    const legend = (await form.locator("fieldset legend").first().boundingBox())!;
    if (rtl) {
      // The radio comes first, at the right edge; the label runs on to its left; the question is right-aligned.
      expect(radio.x).toBeGreaterThanOrEqual(label.x + label.width - 1);
      expect(box.x + box.width - (radio.x + radio.width)).toBeLessThan(40);
      expect(box.x + box.width - (legend.x + legend.width)).toBeLessThan(40);
    } else {
      expect(radio.x + radio.width).toBeLessThanOrEqual(label.x + 1);
      expect(radio.x - box.x).toBeLessThan(40);
    }
    // Whatever the card's direction, what people type decides its own.
    const typed = form.locator("textarea, input[type=text]");
    for (let i = 0; i < (await typed.count()); i++) await expect(typed.nth(i).getAttribute("dir")).resolves.toBe("auto");
  }

  async function answerPulse(persona: string, locale: string) {
    await asPersona(page, persona, `dm:${persona}`);
    const title = pick(pulseTemplate.title, locale);
    const invitation = lastBot(say(locale, "pulse.answer_now"));
    await invitation.waitFor();
    await expect(invitation.textContent()).resolves.toContain(say(locale, "pulse.invite_title", { title }));
    await expect(invitation.textContent()).resolves.toContain(pick(pulseTemplate.description, locale));
    await expectDirection(invitation, locale);
    await invitation.locator("button", { hasText: say(locale, "pulse.answer_now") }).click();

    const message = lastBot(say(locale, "pulse.submit"));
    await message.locator("form.card fieldset").first().waitFor();
    const form = message.locator("form.card");
    await expect(form.textContent()).resolves.toContain(say(locale, "pulse.form_help"));
    const scale = pulseTemplate.questions.filter((q) => q.type === "scale");
    const groups = form.locator("fieldset.card-choices");
    expect((await groups.locator("legend").allTextContents()).map((s) => s.trim())).toEqual(scale.map((q) => pick(q.text, locale)));
    const labels = [...pulseTemplate.scale.labels.map((l, i) => `${i + 1} · ${pick(l, locale)}`), pick(pulseTemplate.scale.preferNotToSay, locale)];
    expect(await groups.first().locator("label.choice span").allTextContents()).toEqual(labels);
    const comments = pulseTemplate.questions.filter((q) => q.type === "text");
    expect((await form.locator(".card-input label").allTextContents()).map((s) => s.trim())).toEqual(comments.map((q) => pick(q.text, locale)));
    await expectDirection(message, locale);
    // Drawn with the font the bot serves for the script, not boxes (this chromium has no Devanagari font).
    const fonts = await fontsDrawing(groups.first().locator("legend"));
    expect(fonts[SCRIPT_FONT[locale]!] ?? 0, JSON.stringify(fonts)).toBeGreaterThan(0);
    await look(form, `pulse-form-${locale}`);

    for (let i = 0; i < (await groups.count()); i++)
      await groups
        .nth(i)
        .locator(`input[value="${1 + (i % 5)}"]`)
        .check();
    await form
      .locator("textarea")
      .first()
      .fill(locale === "ar" ? "نحتاج إلى معرفة تغييرات الميزانية مبكرًا (Budget)." : "बजेट परिवर्तन चाँडो थाहा पाउन चाहन्छौं।");
    await form.locator("button", { hasText: say(locale, "pulse.submit") }).click();
    const thanks = lastBot(say(locale, "pulse.thanks_summary"));
    await thanks.waitFor();
    await expectMessage(thanks, locale, "pulse.thanks", ["closes", "threshold"]);
    await expectDirection(thanks, locale);
  }

  async function answerCheckIn(persona: string, locale: string) {
    await asPersona(page, persona, `dm:${persona}`);
    const invitation = lastBot(say(locale, "rubric.rate_now"));
    await invitation.waitFor();
    await expect(invitation.textContent()).resolves.toContain(say(locale, "rubric.invite_title", { partnership: "Shanti Network" }));
    await expectDirection(invitation, locale);
    await invitation.locator("button", { hasText: say(locale, "rubric.rate_now") }).click();

    const message = lastBot(say(locale, "rubric.submit"));
    await message.locator("form.card fieldset").first().waitFor();
    const form = message.locator("form.card");
    await expect(form.textContent()).resolves.toContain(say(locale, "rubric.form_title", { partnership: "Shanti Network" }));
    const groups = form.locator("fieldset.card-choices");
    expect((await groups.locator("legend").allTextContents()).map((s) => s.trim())).toEqual(rubric.elements.map((e) => pick(e.label, locale)));
    const levels = [...rubric.levels.map((l) => pick(l.label, locale)), say(locale, "rubric.dont_know")];
    expect(await groups.first().locator("label.choice span").allTextContents()).toEqual(levels);
    // The descriptors of the first element, whole, in the reader's language.
    const text = (await form.textContent()) ?? "";
    for (const level of rubric.levels) {
      const lines = (rubric.elements[0]!.descriptors[level.key] ?? []).map((d) => pick(d, locale));
      if (lines.length) expect(text).toContain(`${pick(level.label, locale)}: ${lines.join(" ")}`);
    }
    await expectDirection(message, locale);
    await look(form, `rubric-form-${locale}`);

    for (let i = 0; i < rubric.elements.length; i++)
      await groups
        .nth(i)
        .locator(`input[value="${rubric.levels[i % rubric.levels.length]!.key}"]`)
        .check();
    await form.locator("button", { hasText: say(locale, "rubric.submit") }).click();
    const thanks = lastBot(fragments(say(locale, "rubric.thanks", { closes: ARG }))[0]!);
    await thanks.waitFor();
    await expectMessage(thanks, locale, "rubric.thanks", ["closes"]);
    await expect(thanks.textContent()).resolves.toContain(say(locale, "pulse.thanks_summary"));
    await expectDirection(thanks, locale);
  }

  it("a Nepali and an Arabic partner answer a pulse and a check-in in their language; Arabic reads right to left beside English", async () => {
    // Each partner chooses their language in the command box (the seed already gave them these).
    await asPersona(page, "sunita", "dm:sunita");
    await type(page, "/reflect language ne");
    const nepali = lastBot(say("ne", "language.set", { locale: languageName("ne") }));
    await nepali.waitFor();
    await expectDirection(nepali, "ne");

    // Layla tries English, then goes back to Arabic.
    await asPersona(page, "layla", "dm:layla");
    await type(page, "/reflect language en");
    await lastBot(say("en", "language.set", { locale: languageName("en") })).waitFor();
    await type(page, "/reflect language ar");
    await lastBot(say("ar", "language.set", { locale: languageName("ar") })).waitFor();

    // The coordinator starts a pulse and a check-in for #partners, in English.
    await asPersona(page, "carlos", "partners");
    await type(page, '/reflect partner add "Shanti Network" country Nepal');
    await lastBot("Added Shanti Network").waitFor();
    await type(page, "/reflect pulse start partner-pulse closes in 7d");
    await lastBot("Invited 8 people privately").waitFor();
    await type(page, '/reflect rubric start clarissa for "Shanti Network" mode individual');
    const started = lastBot("Check-in for Shanti Network started");
    await started.waitFor();
    await expect(started.textContent()).resolves.toContain("Invited 8 people privately");

    await answerPulse("sunita", "ne");
    await answerCheckIn("sunita", "ne");
    await answerPulse("layla", "ar");
    await answerCheckIn("layla", "ar");

    // On Layla's page, the English reply from when she tried English stays left to right beside the Arabic ones.
    const english = page.locator(".message.from-bot", { hasText: say("en", "language.set", { locale: languageName("en") }) });
    await expectDirection(english, "en");
    await expectDirection(lastBot(say("ar", "language.set", { locale: languageName("ar") })), "ar");
    // What she typed decides its own direction.
    await expect(direction(page.locator(".message.from-person form.card").last())).resolves.toEqual({ dir: "auto", lang: null, computed: "ltr" });
    await look(english, "dm-layla-en-ar");
  });
});
