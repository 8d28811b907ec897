/**
 * cardToHtml: the playground's pure renderer of the neutral card model. Every string is escaped;
 * light markdown (*bold*, _italic_, `code`) and mentions (<@id>, <#id>) are turned into markup.
 */
import type { Card, CardElement } from "../../src/core/card.ts";
import { plain, segments } from "../../src/core/text.ts";
import { dirOf } from "../../src/email/page-html.ts";

export interface HtmlRenderOptions {
  messageId: string;
  /** Display names for mentions. */
  nameOf?: (kind: "user" | "channel", id: string) => string;
}

function escapeHtml(s: string): string {
  return plain(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const emoji: Record<string, string> = { ":warning:": "⚠️", ":lock:": "🔒", ":white_check_mark:": "✅", ":bell:": "🔔", ":bar_chart:": "📊" };

/** Card text as HTML: user spans escaped as typed (no markdown, no mentions), bot markup rendered. */
function inline(raw: string, options: HtmlRenderOptions): string {
  const parts = segments(raw).map((p) => ({ ...p }));
  let out = "";
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (!part.user) {
      out += botInline(part.text, options);
      continue;
    }
    // Bot markup around a typed name (`*name*`, `_notes_`) emphasises the whole span; the typed text
    // itself stays inert, as on Slack where the name is escaped inside the bold markers.
    const before = i > 0 ? parts[i - 1] : undefined;
    const after = parts[i + 1];
    const typed = escapeHtml(part.text).replace(/\n/g, "<br>");
    const marker = (["*", "_"] as const).find((m) => before && !before.user && before.text.endsWith(m) && after && !after.user && after.text.startsWith(m));
    if (marker && before && after) {
      const tag = marker === "*" ? "strong" : "em";
      out = out.slice(0, out.length - marker.length) + `<${tag}>${typed}</${tag}>`;
      after.text = after.text.slice(marker.length);
    } else out += typed;
  }
  return out;
}

function botInline(raw: string, options: HtmlRenderOptions): string {
  const nameOf = options.nameOf ?? ((_kind, id) => id);
  let out = "";
  let last = 0;
  for (const m of raw.matchAll(/<([@#])([^>|\s]+)(?:\|([^>]*))?>/g)) {
    out += markdown(raw.slice(last, m.index));
    const kind = m[1] === "@" ? "user" : "channel";
    out += `<span class="mention">${m[1]}${escapeHtml(m[3] || nameOf(kind, m[2]!))}</span>`;
    last = m.index + m[0].length;
  }
  return out + markdown(raw.slice(last));
}

function markdown(raw: string): string {
  // Fenced blocks (tables of history) keep their spacing.
  const parts = raw.split(/```\n?/);
  if (parts.length >= 3) return parts.map((part, i) => (i % 2 === 1 ? `<pre>${table(part.replace(/\n$/, ""))}</pre>` : inlineMarkdown(part))).join("");
  return inlineMarkdown(raw);
}

/**
 * A table padded with spaces: each cell (text between runs of two or more spaces) isolated, so two
 * Arabic labels side by side stay in their own columns instead of reading as one right-to-left run.
 */
function table(block: string): string {
  return block
    .split("\n")
    .map((line) =>
      line
        .split(/( {2,})/)
        .map((cell, i) => (i % 2 === 1 || cell === "" ? cell : `<bdi>${escapeHtml(cell)}</bdi>`))
        .join(""),
    )
    .join("\n");
}

function inlineMarkdown(raw: string): string {
  let s = escapeHtml(raw);
  for (const [code, char] of Object.entries(emoji)) s = s.split(code).join(char);
  s = s.replace(/`([^`]+)`/g, "<code>$1</code>");
  s = s.replace(/(^|[\s(])\*([^*\n]+)\*/g, "$1<strong>$2</strong>");
  s = s.replace(/(^|[\s(])_([^_\n]+)_/g, "$1<em>$2</em>");
  return s.replace(/\n/g, "<br>");
}

function element(e: CardElement, o: HtmlRenderOptions, index: number): string {
  switch (e.type) {
    case "text":
      return e.style === "heading" ? `<h3 class="card-heading">${inline(e.text, o)}</h3>` : `<p class="card-text">${inline(e.text, o)}</p>`;
    case "context":
      return `<p class="card-context">${inline(e.text, o)}</p>`;
    case "divider":
      return `<hr class="card-divider">`;
    case "image":
      return `<img class="card-image" src="${escapeHtml(e.url)}" alt="${escapeHtml(e.alt)}">`;
    case "file":
      return `<p class="card-file"><a download="${escapeHtml(e.filename)}" href="data:${escapeHtml(e.mimeType)};charset=utf-8;base64,${Buffer.from(e.content, "utf8").toString("base64")}">⬇ ${escapeHtml(e.filename)}</a></p>`;
    case "fields":
      return `<dl class="card-fields">${e.fields.map((f) => `<dt>${inline(f.label, o)}</dt><dd>${inline(f.value, o)}</dd>`).join("")}</dl>`;
    case "input": {
      const id = escapeHtml(`${o.messageId}-${index}`);
      const attrs = `id="${id}" name="${escapeHtml(e.id)}"${e.required ? " required" : ""}${e.maxLength ? ` maxlength="${e.maxLength}"` : ""}${e.placeholder ? ` placeholder="${escapeHtml(e.placeholder)}"` : ""}`;
      // What people type decides its own direction, whatever the card's.
      const control = e.multiline ? `<textarea ${attrs} dir="auto" rows="3"></textarea>` : `<input type="text" ${attrs} dir="auto">`;
      return `<div class="card-input"><label for="${id}">${inline(e.label, o)}</label>${control}</div>`;
    }
    case "choices": {
      const name = escapeHtml(e.id);
      if (e.display === "dropdown" && !e.multiple) {
        const options = e.options.map((opt) => `<option value="${escapeHtml(opt.value)}"${opt.value === e.initial ? " selected" : ""}>${escapeHtml(opt.label)}</option>`).join("");
        return `<div class="card-choices"><label>${inline(e.label, o)}<select name="${name}"${e.required ? " required" : ""}><option value=""></option>${options}</select></label></div>`;
      }
      const type = e.multiple ? "checkbox" : "radio";
      const options = e.options
        .map(
          (opt) =>
            `<label class="choice"><input type="${type}" name="${name}" value="${escapeHtml(opt.value)}"${opt.value === e.initial ? " checked" : ""}> <span>${escapeHtml(opt.label)}</span>${
              opt.description ? `<small>${inline(opt.description, o)}</small>` : ""
            }</label>`,
        )
        .join("");
      return `<fieldset class="card-choices" data-name="${name}"${e.required ? ' data-required="true"' : ""}><legend>${inline(e.label, o)}</legend>${options}</fieldset>`;
    }
    case "buttons":
      return `<div class="card-buttons">${e.buttons
        .map(
          (b) =>
            `<button type="button" class="btn btn-${b.style ?? "default"}" data-action-id="${escapeHtml(b.actionId)}" data-value="${escapeHtml(b.value ?? "")}"${
              b.submit ? ' data-submit="true"' : ""
            }>${escapeHtml(b.label)}</button>`,
        )
        .join("")}</div>`;
  }
}

/**
 * `lang` and `dir` of a card: from the language it is written in when the card says so (Arabic and
 * Urdu right to left, everything inside following), else `dir="auto"` and the browser decides
 * from the text. Each message has its own, so an Arabic card reads right to left beside English ones.
 */
function languageAttributes(c: Card): string {
  const lang = c.lang?.trim();
  return lang ? ` lang="${escapeHtml(lang)}" dir="${dirOf(lang)}"` : ` dir="auto"`;
}

export function cardToHtml(c: Card, options: HtmlRenderOptions): string {
  return `<form class="card"${languageAttributes(c)} data-message-id="${escapeHtml(options.messageId)}" aria-label="${escapeHtml(c.summary)}">${c.elements
    .map((e, i) => element(e, options, i))
    .join("")}</form>`;
}
