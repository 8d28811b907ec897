/**
 * Tokenizer for the command grammar. Handles straight and typographic quotes (Slack, Teams and
 * phones turn " into “ ”), and the normalised mention forms adapters produce: <@user> and <#channel>.
 */

export type Token =
  | { kind: "word"; text: string }
  | { kind: "quoted"; text: string }
  | { kind: "user"; id: string; label?: string }
  | { kind: "channel"; id: string; label?: string };

const openQuotes: Record<string, string> = { '"': '"', "“": "”", "„": "“", "«": "»", "'": "'", "‘": "’" };

export interface TokenizeResult {
  tokens: Token[];
  /** Set when a quote was opened and never closed. */
  unclosedQuote: boolean;
}

export function tokenize(input: string): TokenizeResult {
  const tokens: Token[] = [];
  let i = 0;
  const s = input.trim();
  while (i < s.length) {
    const ch = s[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === "<") {
      const end = s.indexOf(">", i);
      const inner = end > i ? s.slice(i + 1, end) : "";
      const mention = /^([@#])([^|>\s]+)(?:\|([^>]*))?$/.exec(inner);
      if (mention) {
        const [, sigil, id, label] = mention;
        const base = sigil === "@" ? { kind: "user" as const, id: id! } : { kind: "channel" as const, id: id! };
        tokens.push(label ? { ...base, label } : base);
        i = end + 1;
        continue;
      }
    }
    const close = openQuotes[ch];
    // An apostrophe inside a word ("don't") is not a quote: quotes only open at a token start.
    if (close && (ch === '"' || ch === "“" || ch === "„" || ch === "«" || s.indexOf(close, i + 1) > i)) {
      const end = findClose(s, i + 1, ch, close);
      if (end < 0) return { tokens, unclosedQuote: true };
      tokens.push({ kind: "quoted", text: s.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    let j = i;
    while (j < s.length && !/\s/.test(s[j]!)) j++;
    tokens.push({ kind: "word", text: s.slice(i, j) });
    i = j;
  }
  return { tokens, unclosedQuote: false };
}

function findClose(s: string, from: number, open: string, close: string): number {
  for (let k = from; k < s.length; k++) {
    const c = s[k]!;
    if (c === close || (open === '"' && (c === "”" || c === "“")) || (open === "“" && c === '"')) return k;
  }
  return -1;
}

export function tokenText(t: Token): string {
  switch (t.kind) {
    case "word":
    case "quoted":
      return t.text;
    case "user":
      return `<@${t.id}>`;
    case "channel":
      return `<#${t.id}>`;
  }
}

export const isWord = (t: Token | undefined, ...words: string[]): boolean => t !== undefined && t.kind === "word" && words.includes(t.text.toLowerCase());
