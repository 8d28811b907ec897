/**
 * cardToAdaptiveCard: the neutral card model as an Adaptive Card (schema 1.5), a pure function.
 * Buttons become Action.Submit carrying `{ rb_action, rb_value }`; inputs keep their ids so the
 * submitted values arrive under the same names. Light markdown: *bold* becomes **bold**; mentions
 * become names. Data-URL images are shown inline; CSV files as a monospace block (Teams bots
 * cannot attach files in channels).
 */
import type { Card, CardElement } from "../../src/core/card.ts";
import { mapSegments, plain, userText } from "../../src/core/text.ts";
import { dirOf } from "../../src/email/page-html.ts";

/**
 * Text people typed, made inert for Teams: Teams renders markdown links and turns bare addresses
 * into links, so a word joiner breaks `](`, `://` and `www.`; mentions need entities the bot never
 * builds from user text, so `<@…>` and `@everyone` stay plain words, and `<at>` (the mention tag
 * an entity points at) is broken too, in case a client ever reads it without one.
 */
const inertForTeams = (s: string) =>
  s
    .replace(/<(\/?)at>/gi, "<$1\u2060at>")
    .replace(/\]\s*\(/g, "]\u2060(")
    .replace(/:\/\//g, ":\u2060//")
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\u2060.`);

/** Plain text for places without markdown (titles, choices, the notification text): markers gone, user spans inert. */
export const teamsPlain = (s: string) => mapSegments(s, inertForTeams);

/**
 * Characters of a file shown in a card. Teams refuses messages of about 28 KB and more, counted
 * in UTF-16 (two bytes a character) over the whole activity: 9,000 leaves room for the card's
 * own text in any language (the pseudo-locale test measures it).
 */
const MAX_FILE_TEXT = 9_000;
const fileText = (content: string) => {
  const cleaned = plain(userText(content, Number.MAX_SAFE_INTEGER));
  return cleaned.length <= MAX_FILE_TEXT ? cleaned : `${cleaned.slice(0, MAX_FILE_TEXT)}\n… (${cleaned.length - MAX_FILE_TEXT} more characters not shown)`;
};

export const ACTION_KEY = "rb_action";
export const VALUE_KEY = "rb_value";

export type Json = Record<string, unknown>;

export interface AdaptiveRenderOptions {
  nameOf?: (kind: "user" | "channel", id: string) => string;
  /** Buttons as Action.Execute (answered by an invoke response to the person who pressed). */
  execute?: boolean;
}

function markdown(text: string, o: AdaptiveRenderOptions): string {
  return mapSegments(text, inertForTeams, (bot) => botMarkdown(bot, o));
}

function botMarkdown(text: string, o: AdaptiveRenderOptions): string {
  const nameOf = o.nameOf ?? ((_k, id) => id);
  return text
    .replace(
      /<([@#])([^>|\s]+)(?:\|([^>]*))?>/g,
      // Display names are typed by people too (and can be changed by anyone): inert like user text.
      (_m, sigil: string, id: string, label?: string) =>
        `${sigil === "@" ? "@" : "#"}${label || inertForTeams(plain(userText(nameOf(sigil === "@" ? "user" : "channel", id), 200)))}`,
    )
    .replace(/(^|[\s(])\*([^*\n]+)\*/g, "$1**$2**")
    .replace(/:warning:/g, "⚠️")
    .replace(/:lock:/g, "🔒")
    .replace(/:bell:/g, "🔔")
    .replace(/:white_check_mark:/g, "✅")
    .replace(/:[a-z_]+:/g, "");
}

function element(e: CardElement, o: AdaptiveRenderOptions, separator: boolean): Json[] {
  const sep = separator ? { separator: true, spacing: "Medium" } : {};
  switch (e.type) {
    case "text":
      return e.style === "heading"
        ? [{ type: "TextBlock", text: markdown(e.text, o), size: "Medium", weight: "Bolder", wrap: true, ...sep }]
        : [{ type: "TextBlock", text: markdown(e.text, o), wrap: true, ...sep }];
    case "context":
      return [{ type: "TextBlock", text: markdown(e.text, o), isSubtle: true, size: "Small", wrap: true, ...sep }];
    case "divider":
      return [];
    case "fields":
      return [{ type: "FactSet", facts: e.fields.map((f) => ({ title: markdown(f.label, o), value: markdown(f.value, o) })), ...sep }];
    case "image":
      return [{ type: "Image", url: e.url, altText: teamsPlain(e.alt), size: "Stretch", ...sep }];
    case "file":
      return [
        { type: "TextBlock", text: teamsPlain(e.filename), weight: "Bolder", wrap: true, ...sep },
        // A file's content is data (a CSV, an export), never markup: all of it is cleaned and made
        // inert. Teams bots cannot attach files in channels and messages are limited in size, so a
        // long file is cut and says so.
        { type: "TextBlock", text: inertForTeams(fileText(e.content)), fontType: "Monospace", wrap: true, size: "Small" },
      ];
    case "choices":
      return [
        {
          type: "Input.ChoiceSet",
          id: e.id,
          label: markdown(e.label, o),
          style: e.display === "dropdown" ? "compact" : "expanded",
          isMultiSelect: Boolean(e.multiple),
          isRequired: Boolean(e.required),
          ...(e.initial ? { value: e.initial } : {}),
          choices: e.options.map((opt) => ({ title: teamsPlain(opt.description ? `${opt.label}: ${opt.description}` : opt.label), value: opt.value })),
          wrap: true,
          ...sep,
        },
      ];
    case "input":
      return [
        {
          type: "Input.Text",
          id: e.id,
          label: markdown(e.label, o),
          isMultiline: Boolean(e.multiline),
          isRequired: Boolean(e.required),
          ...(e.maxLength ? { maxLength: e.maxLength } : {}),
          ...(e.placeholder ? { placeholder: teamsPlain(e.placeholder) } : {}),
          ...sep,
        },
      ];
    case "buttons":
      return [
        {
          type: "ActionSet",
          actions: e.buttons.map((b) => ({
            // Universal Actions: the press reaches the bot as an invoke it answers with a card for
            // that person alone (a shared channel card, and the forms that answer it).
            ...(o.execute ? { type: "Action.Execute", verb: b.actionId } : { type: "Action.Submit" }),
            title: teamsPlain(b.label),
            ...(b.style === "primary" ? { style: "positive" } : b.style === "danger" ? { style: "destructive" } : {}),
            data: { [ACTION_KEY]: b.actionId, ...(b.value !== undefined ? { [VALUE_KEY]: b.value } : {}) },
            ...(b.submit ? {} : { associatedInputs: "none" }),
          })),
          ...sep,
        },
      ];
  }
}

export function cardToAdaptiveCard(card: Card, given: AdaptiveRenderOptions = {}): Json {
  const options = card.shared ? { ...given, execute: true } : given;
  const body: Json[] = [];
  let separator = false;
  for (const e of card.elements) {
    if (e.type === "divider") {
      separator = true;
      continue;
    }
    body.push(...element(e, options, separator));
    separator = false;
  }
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body,
    fallbackText: teamsPlain(card.summary),
    // Schema 1.5: the whole card right to left when it is written in Arabic, Urdu…; unset otherwise.
    ...(card.lang && dirOf(card.lang) === "rtl" ? { rtl: true } : {}),
    msteams: { width: "Full" },
  };
}
