/**
 * A pseudo locale made from English: every letter accented (a → å, e → é, o → ö…), each piece of
 * text about 40% longer (vowels repeated) and every message wrapped in [ ], so a test sees at a
 * glance which text went through the message files (and which was assembled in code) and whether
 * longer translations still fit each platform's limits. Only the literal parts of an ICU message
 * change: `{arguments}`, plural and select blocks and `#` stay; so do text in backticks (commands
 * people type), Slack markup (`<@U1>`, `<#C1>`, `<!here>`, links), `:emoji:` codes, URLs, email
 * addresses and the command syntax of `usage.*` and `example.*` (English in every locale).
 * Survey templates and rubrics get the pseudo text under the same locale key.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { printAST } from "@formatjs/icu-messageformat-parser/printer.js";
import type { Card } from "../../src/core/card.ts";
import { segments } from "../../src/core/text.ts";

/**
 * The pseudo locale: "en-XA", the code Android and Chromium give their accented pseudo locale. It
 * is a valid BCP 47 tag that Intl accepts (plurals, numbers and lists resolve to English, so plural
 * rules stay right) and that the prompt schema's locale keys accept (`^[a-z]{2,3}(-[A-Za-z0-9]+)?$`).
 * "qps-ploc" would pass both too, but Intl silently formats it in the process's default locale.
 */
export const PSEUDO = "en-XA";

const LOWER = "åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýž";
const UPPER = "ÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ";
/** Every character the pseudo transformation writes: text containing one went through it. */
const ACCENTED = new RegExp(`[${LOWER}${UPPER}·]`, "u");
const VOWELS = /[aeiouyAEIOUY]/;

/** Left as they are inside literal text: Slack markup, emoji codes, URLs, email addresses. */
const PROTECTED = /<[^<>\s][^<>]*>|:[a-z0-9_+-]+:|\b(?:https?:\/\/|www\.)[^\s<>)]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** Accents one stretch of plain words and lengthens it by `expansion` (0.4 = 40%) with repeated vowels. */
function accent(text: string, expansion: number): string {
  const letters = [...text].filter((c) => /[A-Za-z]/.test(c)).length;
  const vowels = [...text].filter((c) => VOWELS.test(c)).length;
  let extra = letters ? Math.round(text.length * expansion) : 0;
  const perVowel = vowels ? extra / vowels : 0;
  let owed = 0;
  let seen = 0;
  let out = "";
  for (const c of text) {
    const lower = LOWER[c.charCodeAt(0) - 97];
    const upper = UPPER[c.charCodeAt(0) - 65];
    const mapped = /[a-z]/.test(c) ? lower! : /[A-Z]/.test(c) ? upper! : c;
    out += mapped;
    if (VOWELS.test(c) && extra > 0) {
      owed += perVowel;
      // The last vowel takes what rounding left, so padding is only for text without vowels.
      const copies = ++seen === vowels ? extra : Math.min(extra, Math.floor(owed));
      owed -= copies;
      extra -= copies;
      out += (/[a-z]/.test(c) ? mapped : LOWER[c.toLowerCase().charCodeAt(0) - 97]!).repeat(copies);
    }
  }
  return out + "·".repeat(extra);
}

/** Pseudo text of a literal, leaving protected tokens and code spans alone; returns whether it ends inside a code span. */
function pseudoLiteral(text: string, inCode: boolean, expansion: number): { text: string; inCode: boolean } {
  let out = "";
  let code = inCode;
  text.split("`").forEach((part, i) => {
    if (i > 0) {
      out += "`";
      code = !code;
    }
    if (code) {
      out += part;
      return;
    }
    let last = 0;
    for (const m of part.matchAll(PROTECTED)) {
      out += accent(part.slice(last, m.index), expansion) + m[0];
      last = m.index! + m[0].length;
    }
    out += accent(part.slice(last), expansion);
  });
  return { text: out, inCode: code };
}

/** Walks an ICU AST, changing literal text only; the code-span state flows the way i18n.ts reads it. */
function pseudoElements(elements: MessageFormatElement[], inCode: boolean, expansion: number): boolean {
  let code = inCode;
  for (const el of elements) {
    if (el.type === TYPE.literal) {
      const next = pseudoLiteral(el.value, code, expansion);
      el.value = next.text;
      code = next.inCode;
      delete (el as { rawValue?: string }).rawValue;
    } else if (el.type === TYPE.plural || el.type === TYPE.select) {
      for (const option of Object.values(el.options)) pseudoElements(option.value, code, expansion);
    } else if (el.type === TYPE.tag) {
      code = pseudoElements(el.children, code, expansion);
    }
  }
  return code;
}

/** One ICU message in pseudo: still valid ICU with the same arguments, wrapped in [ ]. */
export function pseudoMessage(icu: string, expansion = 0.4): string {
  const ast = parse(icu, { ignoreTag: true });
  pseudoElements(ast, false, expansion);
  return printAST([{ type: TYPE.literal, value: "[" }, ...ast, { type: TYPE.literal, value: "]" }]);
}

/** Command syntax: English in every locale (the grammar is English), so not pseudo either. */
export const isCommandSyntax = (key: string) => key.startsWith("usage.") || key.startsWith("example.");

/** The pseudo message file made from en.json. */
export function pseudoMessages(english: Record<string, string>, expansion = 0.4): Record<string, string> {
  return Object.fromEntries(Object.entries(english).map(([key, icu]) => [key, isCommandSyntax(key) ? icu : pseudoMessage(icu, expansion)]));
}

const isLocalized = (v: Record<string, unknown>) =>
  typeof v.en === "string" && Object.entries(v).every(([k, x]) => /^[a-z]{2,3}(-[A-Za-z0-9]+)?$/.test(k) && typeof x === "string");

/** A survey template or rubric with a pseudo variant beside every English text. */
export function pseudoPromptFile<T>(value: T, expansion = 0.4): T {
  if (Array.isArray(value)) return value.map((v) => pseudoPromptFile(v, expansion)) as T;
  if (!value || typeof value !== "object") return value;
  const o = value as Record<string, unknown>;
  if (isLocalized(o)) return { ...o, [PSEUDO]: `[${pseudoLiteral(o.en as string, false, expansion).text}]` } as T;
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, pseudoPromptFile(v, expansion)])) as T;
}

/**
 * A copy of prompts/ with the pseudo locale added (messages, surveys, rubrics), for PROMPTS_DIR.
 * Returns the folder; the caller removes it.
 */
export function pseudoPromptsDir(source = "prompts", expansion = 0.4): string {
  const dir = mkdtempSync(join(tmpdir(), "pseudo-prompts-"));
  cpSync(source, dir, { recursive: true });
  const english = JSON.parse(readFileSync(join(source, "messages", "en.json"), "utf8")) as Record<string, string>;
  writeFileSync(join(dir, "messages", `${PSEUDO}.json`), JSON.stringify(pseudoMessages(english, expansion), null, 2));
  for (const folder of ["surveys", "rubrics"]) {
    for (const file of readdirSync(join(source, folder)).filter((f) => f.endsWith(".json"))) {
      const parsed = JSON.parse(readFileSync(join(source, folder, file), "utf8")) as unknown;
      writeFileSync(join(dir, folder, file), JSON.stringify(pseudoPromptFile(parsed, expansion), null, 2));
    }
  }
  return dir;
}

/** Whether text went through the pseudo transformation (it holds a pseudo accent or padding). */
export const isPseudo = (text: string): boolean => ACCENTED.test(text);

/**
 * Words that are data, not wording: locale codes; what Intl writes for en-XA, which it writes as
 * English (dates such as "Mon, 7 Dec 2026", lists such as "a, b or c"); time zones, keys with
 * hyphens (partner-pulse) and ids with digits.
 */
const DATA_WORDS =
  /\b(?:en-XA|ar|bn|en|es|fr|ne|ur|and|or)\b|\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|UTC|GMT)\b|\b[A-Z][a-z]+\/[A-Za-z_]+\b|\b[a-z0-9]+(?:-[a-z0-9]+)+\b|\b(?=[a-z0-9]*\d)[a-z0-9]{4,}\b/g;

/**
 * Bot text that never went through the message files: what is left of a text once people's own
 * text (the marked spans), code spans, Slack markup, emoji codes, URLs, data words and the `ids`
 * given (round refs) are set aside, if it still holds an English-looking word (two ASCII letters or more).
 */
export function englishLeftovers(text: string, ids: string[] = []): string[] {
  const bot = segments(text)
    .filter((s) => !s.user)
    .map((s) => s.text)
    .join(" \u0000 ");
  const rest = bot
    .replace(/`[^`]*`/g, " ")
    .replace(PROTECTED, " ")
    .replace(DATA_WORDS, " ");
  const words = [...rest.matchAll(/[A-Za-z][A-Za-z'’-]*[A-Za-z]/g)].map((m) => m[0]);
  return words.filter((w) => !ACCENTED.test(w) && !ids.includes(w));
}

/** The texts a card shows people (not file contents or image data), each with where it sits. */
export function shownTexts(card: Card): [string, string][] {
  const out: [string, string][] = [["summary", card.summary]];
  for (const e of card.elements) {
    if (e.type === "text" || e.type === "context") out.push([e.type, e.text]);
    if (e.type === "fields") for (const f of e.fields) out.push(["field label", f.label], ["field value", f.value]);
    if (e.type === "choices")
      out.push(["choices label", e.label], ...e.options.flatMap((o) => [["option", o.label] as [string, string], ["option description", o.description ?? ""] as [string, string]]));
    if (e.type === "input") out.push(["input label", e.label], ["placeholder", e.placeholder ?? ""]);
    if (e.type === "buttons") for (const b of e.buttons) out.push(["button", b.label]);
    if (e.type === "image") out.push(["image alt", e.alt]);
  }
  return out.filter(([, text]) => text.trim() !== "");
}

/** Pseudo text back to ASCII (accents off); with no lengthening this gives the English back. */
export const unaccent = (text: string): string =>
  [...text].map((c) => (LOWER.includes(c) ? String.fromCharCode(97 + [...LOWER].indexOf(c)) : UPPER.includes(c) ? String.fromCharCode(65 + [...UPPER].indexOf(c)) : c)).join("");

// ---- The platform limits longer text must keep ------------------------------------------------

const at = (o: unknown, path: string[]): unknown => path.reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), o);
/** A string field of a rendered payload (Block Kit, a modal), if there is one. */
export const field = (o: unknown, ...path: string[]): string | undefined => (typeof at(o, path) === "string" ? (at(o, path) as string) : undefined);
const items = (o: unknown, path: string[]) => (Array.isArray(at(o, path)) ? (at(o, path) as unknown[]) : []);

type TextLimit = [what: string, path: string[], max: number];
/**
 * Slack's Block Kit limits, from Slack's reference (docs.slack.dev/reference/block-kit, also in
 * @slack/types' JSDoc): 50 blocks per message, 100 in a modal or App Home; section text 3,000 and
 * 10 fields of 2,000; header 150; context 10 elements; actions 25 elements; button text 75, value
 * 2,000; input label 2,000; option text 75, description 75, value 150; radio buttons and
 * checkboxes 10 options, a static select 100; placeholder 150; plain_text_input max_length 3,000;
 * image alt 2,000, URL 3,000; block_id and action_id 255; modal title, submit and close 24,
 * private_metadata 3,000. Text may not be empty.
 */
const BLOCK_TEXT: Record<string, TextLimit[]> = {
  header: [["header", ["text", "text"], 150]],
  section: [["section text", ["text", "text"], 3000]],
  input: [
    ["input label", ["label", "text"], 2000],
    ["placeholder", ["element", "placeholder", "text"], 150],
    ["action_id", ["element", "action_id"], 255],
  ],
  image: [
    ["image alt_text", ["alt_text"], 2000],
    ["image_url", ["image_url"], 3000],
  ],
};
const OPTION: TextLimit[] = [
  ["option text", ["text", "text"], 75],
  ["option description", ["description", "text"], 75],
  ["option value", ["value"], 150],
];
const BUTTON: TextLimit[] = [
  ["button text", ["text", "text"], 75],
  ["button value", ["value"], 2000],
  ["action_id", ["action_id"], 255],
];
/** Lists inside a block: where, how many at most, and the limits of each item. */
const BLOCK_LISTS: Record<string, [what: string, path: string[], max: number, each: TextLimit[]][]> = {
  section: [["section fields", ["fields"], 10, [["section field", ["text"], 2000]]]],
  context: [["context elements", ["elements"], 10, [["context text", ["text"], 3000]]]],
  actions: [["actions elements", ["elements"], 25, BUTTON]],
  input: [["options", ["element", "options"], 10, OPTION]],
};

/** What in rendered Block Kit breaks one of Slack's limits (empty: nothing). */
export function slackProblems(blocks: unknown[], surface: "message" | "view"): string[] {
  const out: string[] = [];
  const text = (o: unknown, [what, path, max]: TextLimit) => {
    const value = field(o, ...path);
    if (value !== undefined && (value.length > max || value.length === 0)) out.push(`${what}: ${value.length} characters (limit ${max}): ${value.slice(0, 60)}`);
  };
  const count = (what: string, list: unknown[], max: number) => list.length > max && out.push(`${what}: ${list.length} (limit ${max})`);
  count("blocks", blocks, surface === "message" ? 50 : 100);
  for (const b of blocks) {
    const type = field(b, "type") ?? "";
    if (!["header", "section", "context", "actions", "input", "image", "divider"].includes(type)) out.push(`unknown block type ${type}`);
    text(b, ["block_id", ["block_id"], 255]);
    for (const limit of BLOCK_TEXT[type] ?? []) text(b, limit);
    for (const [what, path, max, each] of BLOCK_LISTS[type] ?? []) {
      count(`${what}${type === "input" ? ` of a ${field(b, "element", "type")}` : ""}`, items(b, path), field(b, "element", "type") === "static_select" ? 100 : max);
      for (const item of items(b, path)) for (const limit of each) text(item, limit);
    }
    const maxLength = at(b, ["element", "max_length"]);
    if (typeof maxLength === "number" && maxLength > 3000) out.push(`max_length ${maxLength} (limit 3000)`);
  }
  return out;
}

/** The same for a modal: its blocks, title, buttons and metadata. */
export function modalProblems(view: unknown): string[] {
  const out = slackProblems(items(view, ["blocks"]), "view");
  for (const part of ["title", "submit", "close"]) {
    const text = field(view, part, "text") ?? "";
    if (text.length > 24 || text.length === 0) out.push(`modal ${part}: ${text.length} characters (limit 24): ${text}`);
  }
  if ((field(view, "private_metadata") ?? "").length > 3000) out.push("private_metadata over 3000 characters");
  return out;
}

/**
 * Teams answers 413 MessageSizeTooBig to a bot message over its limit, counted on the whole activity
 * in UTF-16, base64 images not included (learn.microsoft.com/microsoftteams/platform/bots/how-to/
 * format-your-bot-messages: 100 KB today, 80 KB advised; 40 KB and 28 KB in earlier versions). The
 * 28 KB that adapters/teams/render.ts assumes is the one checked, the strictest.
 */
export const TEAMS_MESSAGE_BYTES = 28 * 1024;
export const teamsBytes = (card: unknown): number =>
  2 * JSON.stringify({ type: "message", attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", content: card }] }).replace(/"data:[^"]*"/g, '"data:"').length;

/** Where an HTML fragment's elements do not close in order (void elements aside), or null. */
export function unbalancedHtml(html: string): string | null {
  const stack: string[] = [];
  for (const [, close, tag] of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g)) {
    if (/^(br|input|img|hr|meta|col|source)$/i.test(tag!)) continue;
    if (!close) stack.push(tag!);
    else if (stack.pop() !== tag) return `</${tag}> closes nothing open`;
  }
  return stack.length ? `<${stack.at(-1)}> never closed` : null;
}
