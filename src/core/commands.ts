/**
 * Commands as specs (bolt-js listeners, teams.ts routes): each command is one file in its
 * feature's folder that says which words select it, who may run it, how its options parse and
 * what it does. Its usage line and example are messages (`usage.<name>`, `example.<name>`). The
 * registry below is built from the list of specs; the parse table, role table, help and usage
 * come from it, so adding a command is one file, its test and its messages.
 */
import type { HandlerContext } from "./context.ts";
import { Cursor, fail, ParseFailure, type ParseError } from "./grammar/options.ts";
import { tokenize, type Token } from "./grammar/tokens.ts";
import type { Role } from "./roles.ts";

export interface CommandSpec<A = unknown> {
  /** Dotted name, `area.verb` ("pulse.start"); also the suffix of its usage and example messages. */
  name: string;
  /**
   * The words after `/reflect` that select this command. Each element lists alternatives with "|"
   * ("partner|partners"); a last element ending in "?" may be left out when nothing follows
   * ("partner" alone lists partnerships). The longest matching path wins.
   */
  path: string[];
  /** The help topic and the usage shown with parse errors. */
  area: string;
  /** Who may run it; everyone else gets the one refusal, naming these roles. */
  roles: readonly Role[];
  /** Reads the options after the path (throw with `fail`); without it, nothing may follow. */
  parse?: (c: Cursor) => A;
  handle: (ctx: HandlerContext, args: A) => Promise<void>;
}

/** Declares a command (keeps the parse result and the handler's argument the same type). */
export const defineCommand = <A>(spec: CommandSpec<A>): CommandSpec<A> => spec;

// biome-ignore lint/suspicious/noExplicitAny: a registry holds specs of every argument type.
export type AnyCommand = CommandSpec<any>;

type CommandMatch = { ok: true; spec: AnyCommand; args: unknown } | { ok: false; error: ParseError };

export interface CommandRegistry {
  readonly specs: readonly AnyCommand[];
  /** Parses typed text (`shortcut` for /pulse and /rubric) into a spec and its arguments. */
  match(input: string, shortcut?: string): CommandMatch;
  byName(name: string): AnyCommand | undefined;
  /** Help areas in the order their commands were registered. */
  areas(): string[];
  inArea(area: string): AnyCommand[];
}

const alternatives = (element: string) => element.replace(/\?$/, "").toLowerCase().split("|");
const isOptional = (element: string) => element.endsWith("?");

/** How many tokens a spec's path consumes, or -1 when it does not match. */
function matchPath(path: string[], tokens: Token[]): number {
  let i = 0;
  for (const [index, element] of path.entries()) {
    const token = tokens[i];
    const word = token?.kind === "word" ? token.text.toLowerCase() : undefined;
    if (word !== undefined && alternatives(element).includes(word)) {
      i++;
      continue;
    }
    // An optional last word may be left out only when nothing follows ("partner" alone).
    if (isOptional(element) && index === path.length - 1 && i === tokens.length) return i;
    return -1;
  }
  return i;
}

export function createCommandRegistry(specs: readonly AnyCommand[]): CommandRegistry {
  const names = new Set<string>();
  for (const spec of specs) {
    if (names.has(spec.name)) throw new Error(`two commands are named ${spec.name}`);
    names.add(spec.name);
  }
  const areaWords = new Map<string, string>();
  for (const spec of specs) for (const word of alternatives(spec.path[0] ?? "")) if (!areaWords.has(word)) areaWords.set(word, spec.area);

  return {
    specs,
    match(input, shortcut) {
      const { tokens, unclosedQuote } = tokenize(shortcut ? `${shortcut} ${input}` : input);
      if (unclosedQuote) return { ok: false, error: { key: "error.unclosed_quote", area: shortcut ?? "help" } };
      // "/reflect" alone is help.
      const effective: Token[] = tokens.length === 0 ? [{ kind: "word", text: "help" }] : tokens;
      let best: { spec: AnyCommand; used: number } | undefined;
      for (const spec of specs) {
        const used = matchPath(spec.path, effective);
        // The longest match wins; on a tie, the longer path ("settings" alone is `settings show?`, not `settings <key>`).
        if (used >= 0 && (!best || used > best.used || (used === best.used && spec.path.length > best.spec.path.length))) best = { spec, used };
      }
      if (!best) {
        const first = effective[0];
        const word = first?.kind === "word" ? first.text.toLowerCase() : "";
        const area = areaWords.get(word);
        if (!area) return { ok: false, error: { key: "error.unknown_command", params: { word: word || "(nothing)" }, area: "help" } };
        const verb = effective[1];
        const verbWord = verb?.kind === "word" ? verb.text.toLowerCase() : verb ? "(text)" : "";
        return { ok: false, error: { key: verbWord ? "error.unknown_verb" : "error.missing_verb", params: { area, word: verbWord }, area } };
      }
      const cursor = new Cursor(effective.slice(best.used));
      try {
        const args = best.spec.parse ? best.spec.parse(cursor) : undefined;
        if (!best.spec.parse && !cursor.done()) fail(best.spec.area, "error.unexpected", { value: tokenSummary(cursor.rest()) });
        return { ok: true, spec: best.spec, args };
      } catch (error) {
        if (error instanceof ParseFailure) return { ok: false, error: error.error };
        throw error;
      }
    },
    byName: (name) => specs.find((s) => s.name === name),
    areas: () => [...new Set(specs.map((s) => s.area))],
    inArea: (area) => specs.filter((s) => s.area === area),
  };
}

const tokenSummary = (tokens: Token[]) =>
  tokens
    .map((t) => (t.kind === "user" ? `@${t.id}` : t.kind === "channel" ? `#${t.id}` : t.text))
    .join(" ")
    .slice(0, 60);
