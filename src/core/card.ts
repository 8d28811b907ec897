/**
 * The platform-neutral card model. Handlers answer with cards; each adapter renders them with a pure
 * function (cardToBlockKit, cardToAdaptiveCard, cardToHtml). Keep elements few and generic: a new
 * element must be rendered by every adapter (see docs/ARCHITECTURE.md).
 */

export interface TextElement {
  type: "text";
  text: string;
  /** heading: a short bold title; plain: body text (light markdown: *bold*, _italic_, `code`). */
  style?: "heading" | "plain";
}

export interface FieldsElement {
  type: "fields";
  fields: { label: string; value: string }[];
}

interface ChoiceOption {
  value: string;
  label: string;
  /** A longer explanation shown under the label where the platform allows (rubric descriptors). */
  description?: string;
}

/** A single or multiple choice input, submitted with the card's form. */
export interface ChoicesElement {
  type: "choices";
  id: string;
  label: string;
  options: ChoiceOption[];
  multiple?: boolean;
  required?: boolean;
  initial?: string;
  /** radio: all options visible; dropdown: a compact select. */
  display?: "radio" | "dropdown";
}

/** A free-text input, submitted with the card's form. */
interface TextInputElement {
  type: "input";
  id: string;
  label: string;
  placeholder?: string;
  multiline?: boolean;
  required?: boolean;
  maxLength?: number;
}

export interface Button {
  /** Routes the click to a handler (see core/actions). */
  actionId: string;
  label: string;
  /** Opaque payload echoed back with the click (a round id, for instance). */
  value?: string;
  style?: "primary" | "danger" | "default";
  /** When true, the click submits the values of the card's inputs. */
  submit?: boolean;
}

export interface ButtonsElement {
  type: "buttons";
  buttons: Button[];
}

/** Small print under the content: the anonymity notice, "round closes on …". */
export interface ContextElement {
  type: "context";
  text: string;
}

interface ImageElement {
  type: "image";
  /** An absolute URL, or a data: URL for images rendered on the server (charts). */
  url: string;
  alt: string;
}

export interface DividerElement {
  type: "divider";
}

/** A small text file the person can download (CSV exports). */
interface FileElement {
  type: "file";
  filename: string;
  mimeType: string;
  content: string;
}

export type CardElement = TextElement | FieldsElement | ChoicesElement | TextInputElement | ButtonsElement | ContextElement | ImageElement | DividerElement | FileElement;

export interface Card {
  /** Plain-text fallback for notifications and screen readers. */
  summary: string;
  /** The language it is written in, where a renderer can say so (email, the web answer page). */
  lang?: string;
  /**
   * Words a renderer adds around the content, in the card's language: the close button of a
   * Slack modal, the placeholder of a drop-down. Renderers fall back to English without them.
   */
  chrome?: { cancel: string; choose: string };
  /**
   * Posted once for many people (a channel invitation naming nobody): each person's press is
   * answered to them alone where the platform can (Teams: Action.Execute, answered in place).
   */
  shared?: boolean;
  elements: CardElement[];
}

/** A tiny builder so handlers read like the card they produce. */
export function card(summary: string, ...elements: (CardElement | false | null | undefined)[]): Card {
  return { summary, elements: elements.filter((e): e is CardElement => Boolean(e)) };
}

/** The card marked as written in `locale`, so renderers can set the text's language and direction. */
export const inLanguage = (c: Card, locale: string, chrome?: Card["chrome"]): Card => ({ ...c, lang: c.lang ?? locale, ...(chrome && !c.chrome ? { chrome } : {}) });

export const heading = (text: string): TextElement => ({ type: "text", text, style: "heading" });
export const text = (value: string): TextElement => ({ type: "text", text: value, style: "plain" });
export const context = (value: string): ContextElement => ({ type: "context", text: value });
export const fields = (entries: [string, string][]): FieldsElement => ({
  type: "fields",
  fields: entries.map(([label, value]) => ({ label, value })),
});
export const buttons = (...list: Button[]): ButtonsElement => ({ type: "buttons", buttons: list });
export const divider = (): DividerElement => ({ type: "divider" });

/** Whether a card has inputs (a form) that a submit button sends. */
export function hasInputs(c: Card): boolean {
  return c.elements.some((e) => e.type === "choices" || e.type === "input");
}
