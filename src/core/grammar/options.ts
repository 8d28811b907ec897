/** The parsing machinery command specs share: a cursor over tokens, failures, common options. */
import { isWord, tokenText, type Token } from "./tokens.ts";

/** Who a round is for, as typed: `to #channel @person…`. */
export interface Audience {
  channels: string[];
  users: string[];
  /** Addresses typed as `email:name@partner.org` (several, or a comma-separated list). */
  emails?: string[];
  /** `contacts`: the partnership's email contacts kept in the register. */
  contacts?: boolean;
}

/** A plausible email address (the mail server has the last word). */
export const EMAIL = /^[^\s@<>,;:"]+@[^\s@<>,;:"]+\.[^\s@<>,;:"]+$/;

/**
 * One mailbox, one address: lower-cased, and `name+anything@` read as `name@` (the same mailbox at
 * most providers), so a coordinator cannot fill a round's audience with aliases of their own.
 */
export const normaliseEmail = (address: string): string => {
  const lower = address.trim().toLowerCase();
  const at = lower.lastIndexOf("@");
  if (at < 1) return lower;
  const local = lower.slice(0, at).split("+")[0] || lower.slice(0, at);
  return `${local}${lower.slice(at)}`;
};

/** `email:a@b.org,c@d.org` (Slack links addresses: `email:<mailto:a@b.org|a@b.org>`). */
function emailsOf(text: string, area: string): string[] {
  const list = text
    .slice("email:".length)
    .replace(/<mailto:([^|>]+)(?:\|[^>]*)?>/g, "$1")
    .split(/[,;]/)
    .map((a) => a.trim())
    .filter(Boolean);
  if (list.length === 0) fail(area, "error.email", { value: text });
  for (const a of list) if (a.length > 254 || !EMAIL.test(a)) fail(area, "error.email", { value: a });
  return list.map(normaliseEmail);
}

/** A duration as typed: "7d", "2 weeks", "36h". */
export interface Duration {
  amount: number;
  unit: "hour" | "day" | "week";
}

/** The lower-cased text of a word token, or undefined. */
export function word(t: Token | undefined): string | undefined {
  return t && t.kind === "word" ? t.text.toLowerCase() : undefined;
}

/** A parse failure: a message key (prompts/messages), its parameters and the area whose usage to show. */
export interface ParseError {
  key: string;
  params?: Record<string, string | number>;
  area: string;
}

export class ParseFailure extends Error {
  constructor(readonly error: ParseError) {
    super(error.key);
  }
}

export const fail = (area: string, key: string, params?: Record<string, string | number>): never => {
  throw new ParseFailure(params ? { key, params, area } : { key, area });
};

/** Reads tokens in order, with lookahead, so each area's parser stays declarative. */
export class Cursor {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}
  peek(offset = 0): Token | undefined {
    return this.tokens[this.i + offset];
  }
  next(): Token | undefined {
    return this.tokens[this.i++];
  }
  done(): boolean {
    return this.i >= this.tokens.length;
  }
  rest(): Token[] {
    const r = this.tokens.slice(this.i);
    this.i = this.tokens.length;
    return r;
  }
  /** Takes tokens until one of the keywords (case-insensitive words) or the end. */
  until(keywords: readonly string[]): Token[] {
    const taken: Token[] = [];
    while (!this.done() && !isWord(this.peek(), ...keywords)) taken.push(this.next()!);
    return taken;
  }
}

/** Joins tokens back into a phrase ("Shanti Network", "in 3 weeks"). */
export const phrase = (tokens: Token[]): string => tokens.map(tokenText).join(" ").trim();

export function parseDuration(tokens: Token[], area: string): Duration {
  const text = phrase(tokens).toLowerCase();
  const match = /^(\d+)\s*(h|hours?|d|days?|w|weeks?)$/.exec(text);
  if (!match) return fail(area, "error.duration", { value: text || "(nothing)" });
  const amount = Number(match[1]);
  const unitText = match[2]!;
  const unit: Duration["unit"] = unitText.startsWith("h") ? "hour" : unitText.startsWith("w") ? "week" : "day";
  if (amount <= 0) return fail(area, "error.duration", { value: text });
  return { amount, unit };
}

export function durationMs(d: Duration): number {
  const hour = 3_600_000;
  return d.amount * (d.unit === "hour" ? hour : d.unit === "day" ? 24 * hour : 7 * 24 * hour);
}

/** Collects #channels and @people after "to"; plain words are refused with an example. */
export function parseAudience(tokens: Token[], area: string): Audience {
  const audience: Audience = { channels: [], users: [] };
  for (const t of tokens) {
    if (t.kind === "channel") audience.channels.push(t.id);
    else if (t.kind === "user") audience.users.push(t.id);
    else if (t.kind === "word" && /^,$/.test(t.text)) continue;
    else if (t.kind === "word" && /^email:/i.test(t.text)) audience.emails = [...new Set([...(audience.emails ?? []), ...emailsOf(t.text, area)])];
    else if (isWord(t, "contacts")) audience.contacts = true;
    else fail(area, "error.audience", { value: tokenText(t) });
  }
  if (audience.channels.length === 0 && audience.users.length === 0 && !audience.emails?.length && !audience.contacts) fail(area, "error.audience_empty");
  return audience;
}

/** A partnership reference: one quoted token, or the words up to the next keyword. */
export function partnershipName(tokens: Token[], area: string): string {
  const name = phrase(tokens);
  if (!name) return fail(area, "error.partnership_missing");
  return name;
}
