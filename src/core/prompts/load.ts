/**
 * Loads and validates everything under prompts/ at start. A broken file stops the start with an
 * error naming the file and the field, e.g.
 *   prompts/surveys/partner-pulse.json: questions.3.quality: Invalid option: expected one of …
 */
import { messageArguments } from "../i18n.ts";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import type { z } from "zod";
import { BotError } from "../errors.ts";
import { messageFile, rubricDefinition, surveyTemplate, type RubricDefinition, type SurveyTemplate } from "./schemas.ts";

export interface Prompts {
  messages: Record<string, Record<string, string>>;
  surveys: Map<string, SurveyTemplate>;
  rubrics: Map<string, RubricDefinition>;
  /** Which file each survey or rubric came from ("survey:<id>" → "prompts/surveys/x.json"), for error messages. */
  sources: Map<string, string>;
}

function jsonFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => join(dir, f));
}

function parseFile<S extends z.ZodType>(file: string, root: string, schema: S): z.infer<S> {
  const shown = relative(join(root, ".."), file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new BotError("PROMPT_INVALID", `${shown}: not valid JSON (${(error as Error).message})`);
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${shown}: ${i.path.length ? i.path.join(".") : "(file)"}: ${i.message}`);
    throw new BotError("PROMPT_INVALID", `Invalid prompt file. Fix the field and restart:\n  ${problems.join("\n  ")}`);
  }
  return result.data;
}

/**
 * Loaded prompts by folder, with the size and time of every file they came from: a process that
 * starts the bot many times (a test run) parses and checks the files once, and an edited file is
 * read again. Callers get the same object; nothing mutates it.
 */
const loaded = new Map<string, { stamp: string; prompts: Prompts }>();
const stampOf = (root: string) =>
  ["messages", "surveys", "rubrics"]
    .flatMap((dir) => jsonFiles(join(root, dir)))
    .map((file) => {
      const s = statSync(file);
      return `${file}:${s.size}:${s.mtimeMs}`;
    })
    .join("\n");

export function loadPrompts(root: string): Prompts {
  const stamp = stampOf(root);
  const cached = loaded.get(root);
  if (cached?.stamp === stamp) return cached.prompts;
  const prompts = readPrompts(root);
  loaded.set(root, { stamp, prompts });
  return prompts;
}

function readPrompts(root: string): Prompts {
  const messages: Prompts["messages"] = {};
  for (const file of jsonFiles(join(root, "messages"))) {
    const locale = basename(file, ".json");
    // The file name is the locale Intl formats numbers, dates and plurals for: it must be one.
    let canonical: string[] = [];
    try {
      canonical = Intl.getCanonicalLocales(locale);
    } catch {
      canonical = [];
    }
    if (canonical.length !== 1 || !/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(locale)) {
      throw new BotError("PROMPT_INVALID", `prompts/messages/${locale}.json: the file name must be a language code such as fr, ne or pt-BR (BCP 47), not "${locale}"`);
    }
    messages[locale] = parseFile(file, root, messageFile);
  }
  if (!messages.en) {
    throw new BotError("PROMPT_INVALID", `${join(root, "messages", "en.json")} is missing; English messages are every fallback.`);
  }
  // ICU MessageFormat: each message must parse, and a translation take the English arguments
  // (its plural branches may be worded differently; the names are what the code passes).
  const argumentsOf = (locale: string, key: string, text: string) => {
    const result = messageArguments(text);
    if ("error" in result)
      throw new BotError("PROMPT_INVALID", `prompts/messages/${locale}.json: ${key}: not valid ICU MessageFormat (${result.error}); check the braces of plural and select blocks`);
    return `{${result.args.join(",")}}${result.kinds.length ? ` read as ${result.kinds.join(", ")}` : ""}`;
  };
  // English once; every other locale is compared with it.
  const english = new Map(Object.entries(messages.en).map(([key, text]) => [key, argumentsOf("en", key, text)]));
  for (const [locale, entries] of Object.entries(messages)) {
    if (locale === "en") continue;
    for (const [key, value] of Object.entries(entries)) {
      const expected = english.get(key);
      if (expected === undefined) {
        throw new BotError("PROMPT_INVALID", `prompts/messages/${locale}.json: ${key}: not a key of en.json (a typo, or a key removed from English)`);
      }
      const theirs = argumentsOf(locale, key, value);
      if (theirs !== expected) throw new BotError("PROMPT_INVALID", `prompts/messages/${locale}.json: ${key}: arguments ${theirs} differ from English ${expected}`);
    }
  }
  const sources = new Map<string, string>();
  const surveys = new Map<string, SurveyTemplate>();
  for (const file of jsonFiles(join(root, "surveys"))) {
    const t = parseFile(file, root, surveyTemplate);
    if (surveys.has(t.id)) throw new BotError("PROMPT_INVALID", `${relative(join(root, ".."), file)}: id: "${t.id}" is already used by another survey file`);
    surveys.set(t.id, t);
    sources.set(`survey:${t.id}`, relative(join(root, ".."), file));
  }
  const rubrics = new Map<string, RubricDefinition>();
  for (const file of jsonFiles(join(root, "rubrics"))) {
    const r = parseFile(file, root, rubricDefinition);
    if (rubrics.has(r.id)) throw new BotError("PROMPT_INVALID", `${relative(join(root, ".."), file)}: id: "${r.id}" is already used by another rubric file`);
    rubrics.set(r.id, r);
    sources.set(`rubric:${r.id}`, relative(join(root, ".."), file));
  }
  return { messages, surveys, rubrics, sources };
}
