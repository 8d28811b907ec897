/**
 * cardToBlockKit: the neutral card model as Slack Block Kit, a pure function within Slack's
 * limits. Truncation rules (docs/SLACK.md):
 * - a message has at most 50 blocks (a modal 100): the last kept block says how many were left out;
 * - section text over 3,000 characters is split into several sections at line breaks;
 * - header text 150, button label 75, option text and description 150 characters: longer text is
 *   cut with "…"; button values over 2,000 characters are refused upstream (never cut silently);
 * - at most 10 radio options (more become a select of up to 100 options); 10 fields per section;
 * - images given as data: URLs cannot be shown inline: the adapter uploads them as files after the
 *   message; file elements (CSV) are uploaded the same way.
 * Light markdown is converted to mrkdwn (*bold* stays, `code` stays; **x** becomes *x*). Text
 * people typed (the marked spans of src/core/text.ts) is escaped as Slack asks (&, <, >), so a
 * comment saying `<!channel>` or `<https://x|click>` shows as typed and pings or links nothing.
 */
import type { Card, CardElement, ChoicesElement } from "../../src/core/card.ts";
import { mapSegments, plain as withoutMarkers } from "../../src/core/text.ts";

export const LIMITS = {
  blocks: 50,
  modalBlocks: 100,
  sectionText: 3000,
  header: 150,
  buttonText: 75,
  optionText: 75,
  radioOptions: 10,
  selectOptions: 100,
  fields: 10,
  fieldText: 2000,
  fallbackText: 3000,
} as const;

type Block = Record<string, unknown>;

const cut = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);
const plain = (s: string, max: number) => ({ type: "plain_text", text: cut(withoutMarkers(s) || " ", max), emoji: true });
const mrkdwn = (s: string) => ({ type: "mrkdwn", text: s });
/** Slack's own escaping for text shown as typed: the only three characters mrkdwn gives meaning to controls. */
const escapeSlack = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
/** Card text as mrkdwn: bot markup converted, user spans escaped. */
const md = (s: string) => mapSegments(s, escapeSlack, toMrkdwn);

/** Splits long text into chunks of at most `max` characters, preferring line breaks. */
export function split(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let at = rest.lastIndexOf("\n", max);
    if (at < max / 2) at = max;
    out.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^\n/, "");
  }
  if (rest.length || out.length === 0) out.push(rest);
  return out;
}

const toMrkdwn = (s: string) => s.replace(/\*\*([^*]+)\*\*/g, "*$1*");

function choices(e: ChoicesElement, choose: string): Block {
  const options = e.options.map((o) => ({
    text: plain(o.label, LIMITS.optionText),
    value: cut(o.value, 150),
    ...(o.description ? { description: plain(o.description, LIMITS.optionText) } : {}),
  }));
  const initial = options.find((o) => o.value === e.initial);
  let element: Block;
  if (e.multiple) element = { type: "checkboxes", action_id: e.id, options: options.slice(0, LIMITS.radioOptions) };
  else if (e.display === "dropdown" || options.length > LIMITS.radioOptions) {
    element = { type: "static_select", action_id: e.id, options: options.slice(0, LIMITS.selectOptions).map(({ description: _d, ...o }) => o), placeholder: plain(choose, 75) };
  } else element = { type: "radio_buttons", action_id: e.id, options };
  if (initial) element.initial_option = initial;
  return { type: "input", block_id: `b:${e.id}`, optional: !e.required, label: plain(e.label, 2000), element };
}

function element(e: CardElement, choose: string): Block[] {
  switch (e.type) {
    case "text":
      if (e.style === "heading") return [{ type: "header", text: plain(e.text, LIMITS.header) }];
      return split(md(e.text), LIMITS.sectionText).map((chunk) => ({ type: "section", text: mrkdwn(chunk) }));
    case "context":
      return [{ type: "context", elements: [mrkdwn(cut(md(e.text), LIMITS.sectionText))] }];
    case "divider":
      return [{ type: "divider" }];
    case "fields": {
      const blocks: Block[] = [];
      for (let i = 0; i < e.fields.length; i += LIMITS.fields) {
        blocks.push({ type: "section", fields: e.fields.slice(i, i + LIMITS.fields).map((f) => mrkdwn(cut(`*${md(f.label)}*\n${md(f.value)}`, LIMITS.fieldText))) });
      }
      return blocks;
    }
    case "image":
      // Slack needs a public URL; data: images are uploaded as files by the adapter.
      return e.url.startsWith("data:") ? [] : [{ type: "image", image_url: e.url, alt_text: cut(withoutMarkers(e.alt), 2000) }];
    case "file":
      return [];
    case "choices":
      return [choices(e, choose)];
    case "input":
      return [
        {
          type: "input",
          block_id: `b:${e.id}`,
          optional: !e.required,
          label: plain(e.label, 2000),
          element: {
            type: "plain_text_input",
            action_id: e.id,
            multiline: Boolean(e.multiline),
            ...(e.maxLength ? { max_length: Math.min(e.maxLength, 3000) } : {}),
            ...(e.placeholder ? { placeholder: plain(e.placeholder, 150) } : {}),
          },
        },
      ];
    case "buttons":
      return [
        {
          type: "actions",
          elements: e.buttons.slice(0, 25).map((b) => ({
            type: "button",
            action_id: b.actionId,
            text: plain(b.label, LIMITS.buttonText),
            ...(b.value ? { value: b.value } : {}),
            ...(b.style === "primary" || b.style === "danger" ? { style: b.style } : {}),
          })),
        },
      ];
  }
}

export interface BlockKitMessage {
  text: string;
  blocks: Block[];
  /** data: images and files the adapter uploads after posting. */
  uploads: { filename: string; mimeType: string; data: Buffer; title: string }[];
}

export function cardToBlockKit(card: Card, options: { maxBlocks?: number } = {}): BlockKitMessage {
  const max = options.maxBlocks ?? LIMITS.blocks;
  let blocks = card.elements.flatMap((e) => element(e, card.chrome?.choose ?? "Choose"));
  if (blocks.length > max) {
    const dropped = blocks.length - (max - 1);
    blocks = [...blocks.slice(0, max - 1), { type: "context", elements: [mrkdwn(`…${dropped} more parts of this message are not shown (Slack allows ${max} blocks).`)] }];
  }
  const uploads: BlockKitMessage["uploads"] = [];
  for (const e of card.elements) {
    if (e.type === "image" && e.url.startsWith("data:")) {
      const m = /^data:([^;,]+);base64,(.*)$/s.exec(e.url);
      if (m)
        uploads.push({
          filename: `${
            withoutMarkers(e.alt)
              .slice(0, 40)
              .replace(/[^\w-]+/g, "-") || "image"
          }.png`,
          mimeType: m[1]!,
          data: Buffer.from(m[2]!, "base64"),
          title: withoutMarkers(e.alt),
        });
    }
    if (e.type === "file")
      uploads.push({ filename: withoutMarkers(e.filename), mimeType: e.mimeType, data: Buffer.from(withoutMarkers(e.content), "utf8"), title: withoutMarkers(e.filename) });
  }
  return { text: cut(md(card.summary || " "), LIMITS.fallbackText), blocks, uploads };
}

/** The same card as a modal (forms), with the message it came from kept in private_metadata. */
export function cardToModal(card: Card, meta: { channel: string; ts: string; submitActionId: string; submitValue?: string }): Block {
  const body = card.elements.filter((e) => !(e.type === "buttons" && e.buttons.some((b) => b.submit)));
  const submit = card.elements.flatMap((e) => (e.type === "buttons" ? e.buttons : [])).find((b) => b.submit);
  const title = card.elements.find((e) => e.type === "text" && e.style === "heading");
  return {
    type: "modal",
    callback_id: "reflect:form",
    title: plain(cut(title && title.type === "text" ? title.text : card.summary, 24), 24),
    submit: plain(submit?.label ?? "Submit", 24),
    close: plain(card.chrome?.cancel ?? "Cancel", 24),
    private_metadata: JSON.stringify(meta),
    blocks: cardToBlockKit({ ...card, elements: body }, { maxBlocks: LIMITS.modalBlocks }).blocks,
  };
}

/** Input values from Slack's `state.values` (messages and modals), as the core's form values. */
export function valuesFromState(state: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!state || typeof state !== "object") return out;
  const values = (state as { values?: Record<string, Record<string, Record<string, unknown>>> }).values;
  if (!values || typeof values !== "object") return out;
  for (const block of Object.values(values)) {
    if (!block || typeof block !== "object") continue;
    for (const [actionId, v] of Object.entries(block)) {
      if (!v || typeof v !== "object") continue;
      const selected = v.selected_option as { value?: unknown } | null | undefined;
      const many = v.selected_options as { value?: unknown }[] | undefined;
      if (typeof v.value === "string") out[actionId] = v.value;
      else if (selected && typeof selected.value === "string") out[actionId] = selected.value;
      else if (Array.isArray(many)) out[actionId] = many.map((o) => String(o?.value ?? "")).join(",");
    }
  }
  return out;
}
