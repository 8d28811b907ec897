/**
 * Text that people typed (comments, notes, names of partnerships and organisations, actions,
 * display names…) travels through cards between two private-use markers, so every renderer knows
 * which parts are bot markup and which must be shown as typed and made inert: escaped for Slack
 * mrkdwn (no `<!channel>`, no `<@U…>`, no `<https://x|label>`), no links or mentions in Teams, HTML-
 * escaped in the playground. Messages (i18n) wrap every string parameter this way unless it is
 * explicitly `markup()`, so forgetting is safe.
 */

/** Opens and closes a span of user text. Private-use code points: nobody can type them (they are cleaned out). */
const USER_OPEN = "\uE000";
const USER_CLOSE = "\uE001";

/** Longest user text a card shows; longer text is cut with an ellipsis. */
const MAX_USER_TEXT = 3000;

/**
 * Removes what must never reach a card from typed text: control characters (newlines and tabs
 * excepted), zero-width spaces, bidirectional embeddings, overrides and isolates (which can make
 * text read differently from what it is), private-use characters (our markers) and lone
 * surrogates; caps the length.
 */
function cleanUserText(raw: string, max = MAX_USER_TEXT): string {
  const cleaned = raw
    .normalize("NFC")
    .replace(/\t/g, " ")
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g, "")
    // Zero-width space and word joiners, bidi embeddings, overrides and isolates, the BOM. The
    // zero-width (non-)joiners stay: Devanagari, Bengali and emoji need them; so do LRM/RLM marks.
    .replace(/[\u200B\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g, "")
    .replace(/[\uE000-\uF8FF]/g, "")
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "");
  return cleaned.length > max ? `${cleaned.slice(0, max - 1)}…` : cleaned;
}

/** Marks typed text for the renderers (cleaned on the way). */
export function userText(raw: string, max?: number): string {
  return `${USER_OPEN}${cleanUserText(raw, max)}${USER_CLOSE}`;
}

/** A message parameter that is bot markup (a mention the bot builds, a `command`), not user text. */
export interface Markup {
  markup: string;
}
export const markup = (value: string): Markup => ({ markup: value });
export const isMarkup = (v: unknown): v is Markup => typeof v === "object" && v !== null && typeof (v as Markup).markup === "string";

export interface Segment {
  user: boolean;
  text: string;
}

/** Splits text into bot markup and user spans (markers removed). Unbalanced markers are dropped. */
export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let depth = 0;
  let current = "";
  const push = () => {
    if (current) out.push({ user: depth > 0, text: current });
    current = "";
  };
  for (const ch of text) {
    if (ch === USER_OPEN) {
      if (depth === 0) push();
      depth++;
    } else if (ch === USER_CLOSE) {
      if (depth > 0) {
        // The span is pushed while still inside it, so it is flagged as user text.
        if (depth === 1) push();
        depth--;
      }
    } else current += ch;
  }
  push();
  return out;
}

/** The text without markers (plain-text fields, notifications, logs, tests). */
export const plain = (text: string): string => text.replace(/[\uE000\uE001]/g, "");

/** Rebuilds text, passing each user span through `user` and each markup span through `bot`. */
export function mapSegments(text: string, user: (s: string) => string, bot: (s: string) => string = (s) => s): string {
  return segments(text)
    .map((s) => (s.user ? user(s.text) : bot(s.text)))
    .join("");
}

/** Platform ids as they may appear inside a mention; anything else is shown as typed text. */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,150}$/;

/** A mention of a person the bot builds (`<@id>`): markup, each renderer shows it its own way. */
export const mention = (userId: string): Markup => markup(SAFE_ID.test(userId) ? `<@${userId}>` : userText(userId));
/** A mention of a channel (`<#id>`). */
export const channelMention = (id: string): Markup => markup(SAFE_ID.test(id) ? `<#${id}>` : userText(id));
/** Several markup pieces joined (a list of mentions). */
export const joinMarkup = (items: Markup[], separator = ", "): Markup => markup(items.map((m) => m.markup).join(separator));
