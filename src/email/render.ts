/**
 * cardToEmail: the pure renderer of the neutral card model for email. Plain text first (every
 * client shows it), and a small HTML part with the same words; links are only those the bot
 * wrote (text people typed stays inert), and nothing is loaded from anywhere.
 */
import type { Card, CardElement } from "../core/card.ts";
import { plain, segments } from "../core/text.ts";

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Slack-style light markup written by the bot, reduced to plain words for email. */
const unmark = (s: string): string =>
  s
    .replace(/<[@#]([^>|\s]+)(?:\|([^>]*))?>/g, (_m, id: string, label?: string) => label || id)
    .replace(/(^|[\s(])\*([^*\n]+)\*/g, "$1$2")
    .replace(/(^|[\s(])_([^_\n]+)_/g, "$1$2")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/:[a-z_]+:\s?/g, "");

function textOf(raw: string): string {
  return segments(raw)
    .map((part) => (part.user ? part.text : unmark(part.text)))
    .join("");
}

function htmlOf(raw: string): string {
  return segments(raw)
    .map((part) => {
      if (part.user) return escapeHtml(part.text);
      // Only links the bot wrote become anchors.
      return escapeHtml(unmark(part.text)).replace(/https?:\/\/[^\s<>"']+/g, (url) => `<a href="${url}">${url}</a>`);
    })
    .join("")
    .replace(/\n/g, "<br>");
}

function elementText(e: CardElement): string | null {
  switch (e.type) {
    case "text":
    case "context":
      return textOf(e.text);
    case "fields":
      return e.fields.map((f) => `${textOf(f.label)}: ${textOf(f.value)}`).join("\n");
    case "divider":
      return "—";
    default:
      // Buttons, inputs, images and files have no meaning in an email: the link carries the action.
      return null;
  }
}

function elementHtml(e: CardElement): string | null {
  switch (e.type) {
    case "text":
      return e.style === "heading" ? `<h1 style="font-size:1.2em">${htmlOf(e.text)}</h1>` : `<p>${htmlOf(e.text)}</p>`;
    case "context":
      return `<p style="color:#444;font-size:0.9em">${htmlOf(e.text)}</p>`;
    case "fields":
      return `<p>${e.fields.map((f) => `<strong>${htmlOf(f.label)}</strong>: ${htmlOf(f.value)}`).join("<br>")}</p>`;
    case "divider":
      return "<hr>";
    default:
      return null;
  }
}

export function cardToEmail(card: Card, lang: string): RenderedEmail {
  const text = card.elements
    .map(elementText)
    .filter((x): x is string => x !== null)
    .join("\n\n");
  const body = card.elements
    .map(elementHtml)
    .filter((x): x is string => x !== null)
    .join("\n");
  const dir = ["ar", "ur", "fa", "he"].includes(lang.split("-")[0]!) ? "rtl" : "ltr";
  const html = `<!doctype html><html lang="${escapeHtml(lang)}" dir="${dir}"><body style="font-family:sans-serif;line-height:1.5;max-width:36em">${body}</body></html>`;
  return { subject: plain(card.summary).replace(/\s+/g, " ").slice(0, 200), text, html };
}
