/**
 * The web answer page's HTML: a pure renderer of the neutral card model for people invited by
 * email. No script, no cookies, no external requests; one small inline style; fieldsets and
 * labels for every input so screen readers and keyboards work; `lang` and `dir` per page.
 */
import type { Card, CardElement } from "../core/card.ts";
import { plain, segments } from "../core/text.ts";
import { fontFaceCss, WEB_FONT_STACK } from "../http/web-fonts.ts";

/** Languages written right to left by default, and scripts that are (a script subtag decides: `ku-Arab`, `pa-Arab`, `ks-Deva`). */
const RTL_LANGUAGES = new Set(["ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "nqo", "ps", "sd", "syr", "ug", "ur", "yi"]);
const RTL_SCRIPTS = new Set(["adlm", "arab", "hebr", "mand", "nkoo", "rohg", "samr", "syrc", "thaa", "yezi"]);

/** The writing direction of a BCP 47 language tag (`ar`, `ur-PK`, `pa-Arab`); unknown tags are left to right. */
export function dirOf(lang: string): "rtl" | "ltr" {
  const [language = "", ...rest] = lang.trim().toLowerCase().split(/[-_]/);
  const script = rest.find((s) => /^[a-z]{4}$/.test(s));
  if (script) return RTL_SCRIPTS.has(script) ? "rtl" : "ltr";
  return RTL_LANGUAGES.has(language) ? "rtl" : "ltr";
}

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Letters of right-to-left scripts, and letters of any other script. */
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}]/u;
const LTR_LETTER = /(?![\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}])\p{L}/u;

/**
 * Bot text: light markup reduced to <strong>/<em>; typed text escaped and left as it is. Typed
 * text written in the other direction than the page's is isolated in <bdi>, so it reads whole
 * inside the sentence ("Shanti Network (Nepal)" in an Arabic heading keeps its brackets).
 */
function inline(raw: string, dir: "rtl" | "ltr"): string {
  return segments(raw)
    .map((part) => {
      const safe = escapeHtml(part.text);
      if (part.user) return (dir === "rtl" ? LTR_LETTER : RTL_LETTER).test(part.text) ? `<bdi>${safe}</bdi>` : safe;
      return safe
        .replace(/(^|[\s(])\*([^*\n]+)\*/g, "$1<strong>$2</strong>")
        .replace(/(^|[\s(])_([^_\n]+)_/g, "$1<em>$2</em>")
        .replace(/`([^`]+)`/g, "$1")
        .replace(/:[a-z_]+:\s?/g, "");
    })
    .join("")
    .replace(/\n/g, "<br>");
}

const STYLE =
  `body{font:16px/1.5 ${WEB_FONT_STACK};` +
  "margin:0 auto;max-width:40em;padding:1em;color:#1a1a1a;background:#fff}" +
  "fieldset{border:1px solid #767676;border-radius:6px;margin:1em 0;padding:.5em 1em}legend{font-weight:600;padding:0 .25em}" +
  "label{display:block;padding:.35em 0}input[type=radio]{margin-inline-end:.5em;width:1.1em;height:1.1em}" +
  "textarea{width:100%;box-sizing:border-box;font:inherit}button{font:inherit;padding:.6em 1.4em;background:#0b57d0;color:#fff;border:0;border-radius:6px}" +
  "button:focus,input:focus,textarea:focus{outline:3px solid #b45309;outline-offset:2px}.small{color:#4a4a4a;font-size:.9em}" +
  ".error{border:2px solid #b3261e;padding:.5em 1em;border-radius:6px}.descriptor{color:#333;margin:.25em 0 .5em}";

export interface PageInput {
  lang: string;
  /**
   * The site's root path as the browser sees it (`/`, or `/bot/` behind a path prefix): the
   * fonts live at `<root>fonts/`, whatever the page's depth (`/answer/<token>/stop` too).
   */
  root?: string;
  title: string;
  /** Already-safe HTML of the page's main content. */
  body: string;
}

export function page({ lang, title, body, root = "/" }: PageInput): string {
  return `<!doctype html><html lang="${escapeHtml(lang)}" dir="${dirOf(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${fontFaceCss(root)}\n${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

function element(e: CardElement, values: Record<string, string>, index: number, dir: "rtl" | "ltr"): string {
  switch (e.type) {
    case "text":
      return e.style === "heading" ? `<h1>${inline(e.text, dir)}</h1>` : `<p>${inline(e.text, dir)}</p>`;
    case "context":
      return `<p class="small">${inline(e.text, dir)}</p>`;
    case "fields":
      return `<dl>${e.fields.map((f) => `<dt>${inline(f.label, dir)}</dt><dd>${inline(f.value, dir)}</dd>`).join("")}</dl>`;
    case "divider":
      return "<hr>";
    case "choices": {
      const name = escapeHtml(e.id);
      const options = e.options
        .map((o, i) => {
          const id = `c${index}-${i}`;
          const checked = values[e.id] === o.value ? " checked" : "";
          return `<label for="${id}"><input type="radio" id="${id}" name="${name}" value="${escapeHtml(o.value)}"${checked}>${escapeHtml(plain(o.label))}</label>`;
        })
        .join("");
      return `<fieldset><legend>${inline(e.label, dir)}</legend>${options}</fieldset>`;
    }
    case "input": {
      const id = `i${index}`;
      const max = e.maxLength ? ` maxlength="${e.maxLength}"` : "";
      // What people type decides its own direction, whatever the page's.
      return `<p><label for="${id}">${inline(e.label, dir)}</label><textarea id="${id}" name="${escapeHtml(e.id)}" dir="auto" rows="4"${max}>${escapeHtml(values[e.id] ?? "")}</textarea></p>`;
    }
    case "buttons": {
      const submit = e.buttons.find((b) => b.submit);
      return submit ? `<p><button type="submit">${escapeHtml(plain(submit.label))}</button></p>` : "";
    }
    default:
      // Images and files are not part of an answer form.
      return "";
  }
}

/** The round's form as a page: posts back to the same link; earlier values are kept after an error. */
export function formPage(card: Card, options: { lang: string; action: string; values?: Record<string, string>; error?: string; root?: string }): string {
  const values = options.values ?? {};
  const dir = dirOf(options.lang);
  const error = options.error ? `<div class="error" role="alert"><p>${inline(options.error, dir)}</p></div>` : "";
  const body = `${error}<form method="post" action="${escapeHtml(options.action)}">${card.elements.map((e, i) => element(e, values, i, dir)).join("")}</form>`;
  return page({ lang: options.lang, title: plain(card.summary), body, ...(options.root ? { root: options.root } : {}) });
}

/** A page with a message and nothing to fill in (thank-you, spent or unknown link, closed round). */
export function messagePage(card: Card, lang: string, root = "/"): string {
  return page({ lang, root, title: plain(card.summary), body: card.elements.map((e, i) => element(e, {}, i, dirOf(lang))).join("") });
}
