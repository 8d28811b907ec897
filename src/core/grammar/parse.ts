/**
 * Parses the text of a /reflect command (DESIGN.md §4) into a typed Command, or a ParseError that
 * names what was wrong; the reply adds the usage and an example for the area.
 */
import { isWord, tokenize, type Token } from "./tokens.ts";
import { settingKeys, type Audience, type Command, type PartnerFields, type SettingKey } from "./commands.ts";
import { Cursor, fail, ParseFailure, parseAudience, parseDuration, partnershipName, phrase, type ParseError } from "./options.ts";

export type ParseResult = { ok: true; command: Command } | { ok: false; error: ParseError };

export function parseCommand(input: string, shortcut?: "pulse" | "rubric"): ParseResult {
  const { tokens, unclosedQuote } = tokenize(shortcut ? `${shortcut} ${input}` : input);
  if (unclosedQuote) return { ok: false, error: { key: "error.unclosed_quote", area: shortcut ?? "help" } };
  try {
    return { ok: true, command: parseTokens(new Cursor(tokens)) };
  } catch (error) {
    if (error instanceof ParseFailure) return { ok: false, error: error.error };
    throw error;
  }
}

function word(t: Token | undefined): string | undefined {
  return t && t.kind === "word" ? t.text.toLowerCase() : undefined;
}

function parseTokens(c: Cursor): Command {
  const area = word(c.next());
  switch (area) {
    case undefined:
    case "help":
    case "?": {
      const topic = word(c.next());
      return topic ? { name: "help", topic } : { name: "help" };
    }
    case "pulse":
      return parsePulse(c);
    case "rubric":
      return parseRubric(c);
    case "partner":
    case "partners":
    case "partnership":
      return parsePartner(c);
    case "review":
    case "reviews":
      return parseReview(c);
    case "action":
    case "actions":
      return parseAction(c);
    case "summary":
      return parseSummary(c);
    case "role":
    case "roles":
      return parseRole(c);
    case "settings":
    case "setting":
      return parseSettings(c);
    case "privacy":
      return { name: "privacy" };
    case "language": {
      const locale = word(c.next());
      return locale ? { name: "language", locale } : { name: "language" };
    }
    case "organisation":
    case "organization":
    case "org": {
      const first = c.peek();
      const user = first?.kind === "user" ? (c.next(), first.id) : undefined;
      const organisation = phrase(c.rest());
      if (!organisation) return fail("organisation", "error.organisation_missing");
      return user ? { name: "organisation", user, organisation } : { name: "organisation", organisation };
    }
    default:
      return fail("help", "error.unknown_command", { word: area });
  }
}

const pulseKeywords = ["to", "closes", "every"] as const;

function parsePulse(c: Cursor): Command {
  const verb = word(c.next());
  switch (verb) {
    case "start": {
      let template: string | undefined;
      let audience: Audience = { channels: [], users: [] };
      let closesIn;
      let recurrence: "monthly" | "quarterly" | undefined;
      while (!c.done()) {
        const t = c.next()!;
        if (isWord(t, "to")) audience = parseAudience(c.until(pulseKeywords), "pulse");
        else if (isWord(t, "closes", "closing")) {
          if (isWord(c.peek(), "in")) c.next();
          closesIn = parseDuration(c.until(pulseKeywords), "pulse");
        } else if (isWord(t, "every")) {
          const what = phrase(c.until(pulseKeywords)).toLowerCase();
          if (["month", "monthly", "1m"].includes(what)) recurrence = "monthly";
          else if (["quarter", "quarterly", "3m", "3 months"].includes(what)) recurrence = "quarterly";
          else fail("pulse", "error.recurrence", { value: what || "(nothing)" });
        } else if (isWord(t, "monthly")) recurrence = "monthly";
        else if (isWord(t, "quarterly")) recurrence = "quarterly";
        else if (!template && (t.kind === "word" || t.kind === "quoted")) template = t.text;
        else if (t.kind === "channel" || t.kind === "user") fail("pulse", "error.audience_needs_to", { value: t.kind === "channel" ? `<#${t.id}>` : `<@${t.id}>` });
        else fail("pulse", "error.unexpected", { value: phrase([t]) });
      }
      return {
        name: "pulse.start",
        ...(template ? { template } : {}),
        audience,
        ...(closesIn ? { closesIn } : {}),
        ...(recurrence ? { recurrence } : {}),
      };
    }
    case "status":
    case "close":
    case "results":
    case "export": {
      const round = phrase(c.rest());
      return round ? { name: `pulse.${verb}`, round } : { name: `pulse.${verb}` };
    }
    case undefined:
    case "new":
    case "form":
      return { name: "pulse.form" };
    case "reminders": {
      const v = word(c.next());
      if (v !== "on" && v !== "off") return fail("pulse", "error.on_off");
      return { name: "pulse.reminders", enabled: v === "on" };
    }
    default:
      return fail("pulse", "error.unknown_verb", { area: "pulse", word: verb });
  }
}

const rubricKeywords = ["for", "to", "mode", "closes", "confirm"] as const;

function parseRubric(c: Cursor): Command {
  const verb = word(c.next());
  switch (verb) {
    case "start": {
      let rubric: string | undefined;
      let partnership: string | undefined;
      let audience = { channels: [] as string[], users: [] as string[] };
      let mode: "individual" | "collective" = "individual";
      let closesIn;
      let confirmed = false;
      while (!c.done()) {
        const t = c.next()!;
        if (isWord(t, "for")) partnership = partnershipName(c.until(rubricKeywords), "rubric");
        else if (isWord(t, "to")) audience = parseAudience(c.until(rubricKeywords), "rubric");
        else if (isWord(t, "mode")) {
          const m = word(c.next());
          if (m !== "individual" && m !== "collective") fail("rubric", "error.mode", { value: m ?? "(nothing)" });
          mode = m as "individual" | "collective";
        } else if (isWord(t, "closes", "closing")) {
          if (isWord(c.peek(), "in")) c.next();
          closesIn = parseDuration(c.until(rubricKeywords), "rubric");
        } else if (isWord(t, "confirm")) confirmed = true;
        else if (!rubric && !partnership && (t.kind === "word" || t.kind === "quoted")) rubric = t.text;
        else fail("rubric", "error.unexpected", { value: phrase([t]) });
      }
      if (!partnership) return fail("rubric", "error.rubric_for");
      return {
        name: "rubric.start",
        ...(rubric ? { rubric } : {}),
        partnership,
        audience,
        mode,
        ...(closesIn ? { closesIn } : {}),
        confirmed,
      };
    }
    case "results":
    case "history":
    case "resume":
    case "close":
    case "status":
      return { name: `rubric.${verb}`, partnership: partnershipName(c.rest(), "rubric") };
    case "pause": {
      const first = c.next();
      if (!first) return fail("rubric", "error.partnership_missing");
      // A quoted name is unambiguous; otherwise the first word is the partnership and the rest the reason.
      const partnership = first.kind === "quoted" ? first.text : phrase([first]);
      const reason = phrase(c.rest());
      if (!reason) return fail("rubric", "error.pause_reason");
      return { name: "rubric.pause", partnership, reason };
    }
    default:
      return fail("rubric", verb ? "error.unknown_verb" : "error.missing_verb", { area: "rubric", word: verb ?? "" });
  }
}

const partnerFieldWords = ["category", "categories", "spectrum", "country", "lead", "start", "end", "notes", "name"] as const;

function parsePartnerFields(c: Cursor): PartnerFields {
  const fields: PartnerFields = {};
  while (!c.done()) {
    const t = c.next()!;
    const key = word(t);
    if (!key || !(partnerFieldWords as readonly string[]).includes(key)) fail("partner", "error.partner_field", { value: phrase([t]) });
    const value = c.until(partnerFieldWords);
    if (value.length === 0) fail("partner", "error.partner_field_value", { field: key! });
    switch (key) {
      case "category":
      case "categories":
        fields.categories = phrase(value)
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean);
        break;
      case "lead": {
        const who = value[0]!;
        if (who.kind !== "user" || value.length > 1) fail("partner", "error.lead_mention");
        fields.lead = (who as { id: string }).id;
        break;
      }
      default:
        fields[key as "spectrum" | "country" | "start" | "end" | "notes" | "name"] = phrase(value);
    }
  }
  return fields;
}

function parsePartner(c: Cursor): Command {
  const verb = word(c.next());
  switch (verb) {
    case "add": {
      // A quoted name ends at its quote; an unquoted one runs to the first field word.
      const first = c.peek();
      const partnerName = first?.kind === "quoted" ? (c.next(), first.text) : partnershipName(c.until(partnerFieldWords), "partner");
      return { name: "partner.add", partnerName, fields: parsePartnerFields(c) };
    }
    case "edit": {
      const first = c.next();
      if (!first) return fail("partner", "error.partnership_missing");
      const rest = first.kind === "quoted" ? [] : c.until(partnerFieldWords);
      const partnership = phrase([first, ...rest]);
      const fields = parsePartnerFields(c);
      if (Object.keys(fields).length === 0) return fail("partner", "error.edit_nothing");
      return { name: "partner.edit", partnership, fields };
    }
    case undefined:
    case "list":
      return { name: "partner.list", includeArchived: isWord(c.next(), "all", "archived") };
    case "show":
    case "archive":
      return { name: `partner.${verb}`, partnership: partnershipName(c.rest(), "partner") };
    default:
      return fail("partner", "error.unknown_verb", { area: "partner", word: verb });
  }
}

const knownReviewKinds = ["annual-review", "agreement-renewal", "joint-reflection", "rubric-checkin", "partnership-meeting"];

function parseReview(c: Cursor): Command {
  const verb = word(c.next());
  switch (verb) {
    case "add": {
      const tokens = c.until(["every"]);
      let everyMonths: number | undefined;
      if (!c.done()) {
        c.next();
        const m = /^(\d+)\s*(m|months?)$/.exec(phrase(c.rest()).toLowerCase());
        if (!m || Number(m[1]) < 1 || Number(m[1]) > 60) return fail("review", "error.every_months");
        everyMonths = Number(m[1]);
      }
      // <partnership> <kind> <date…>: a quoted partnership is unambiguous; otherwise the kind is the
      // first known kind word, and everything before it the partnership.
      let partnership: string;
      let rest: Token[];
      const kindIndex = tokens.findIndex((t) => t.kind === "word" && knownReviewKinds.includes(t.text.toLowerCase()));
      if (tokens[0]?.kind === "quoted" || kindIndex <= 0) {
        if (!tokens[0]) return fail("review", "error.partnership_missing");
        partnership = phrase([tokens[0]]);
        rest = tokens.slice(1);
      } else {
        partnership = phrase(tokens.slice(0, kindIndex));
        rest = tokens.slice(kindIndex);
      }
      const kindToken = rest[0];
      if (!kindToken) return fail("review", "error.review_kind");
      const date = phrase(rest.slice(1));
      if (!date) return fail("review", "error.date_missing");
      const kind = kindToken.kind === "word" ? kindToken.text.toLowerCase() : phrase([kindToken]);
      return { name: "review.add", partnership, kind, date, ...(everyMonths ? { everyMonths } : {}) };
    }
    case undefined:
    case "list": {
      const w = phrase(c.rest()).toLowerCase();
      if (!w) return { name: "review.list" };
      const m = /^(\d+)\s*(d|days?)$/.exec(w);
      if (!m) return fail("review", "error.list_days", { value: w });
      return { name: "review.list", days: Number(m[1]) };
    }
    case "done": {
      const review = word(c.next());
      if (!review) return fail("review", "error.review_id");
      const notes = phrase(c.rest());
      return notes ? { name: "review.done", review, notes } : { name: "review.done", review };
    }
    case "snooze": {
      const review = word(c.next());
      if (!review) return fail("review", "error.review_id");
      if (isWord(c.peek(), "until", "to")) c.next();
      const until = phrase(c.rest());
      if (!until) return fail("review", "error.date_missing");
      return { name: "review.snooze", review, until };
    }
    default:
      return fail("review", "error.unknown_verb", { area: "review", word: verb });
  }
}

const actionKeywords = ["owner", "due", "for", "element"] as const;

function parseAction(c: Cursor): Command {
  const verb = word(c.next());
  switch (verb) {
    case "add": {
      const text = phrase(c.until(actionKeywords));
      if (!text) return fail("action", "error.action_text");
      const out: Command & { name: "action.add" } = { name: "action.add", text };
      while (!c.done()) {
        const key = word(c.next());
        const value = c.until(actionKeywords);
        if (value.length === 0) return fail("action", "error.action_field_value", { field: key ?? "" });
        if (key === "owner") {
          if (value[0]!.kind !== "user" || value.length > 1) return fail("action", "error.owner_mention");
          out.owner = (value[0] as { id: string }).id;
        } else if (key === "due") out.due = phrase(value);
        else if (key === "for") out.partnership = phrase(value);
        else if (key === "element") out.element = phrase(value).toLowerCase();
      }
      return out;
    }
    case undefined:
    case "list": {
      const scope = word(c.next()) ?? "open";
      if (scope !== "open" && scope !== "mine" && scope !== "all") return fail("action", "error.action_scope", { value: scope });
      return { name: "action.list", scope };
    }
    case "done": {
      const action = word(c.next());
      if (!action) return fail("action", "error.action_id");
      return { name: "action.done", action };
    }
    default:
      return fail("action", "error.unknown_verb", { area: "action", word: verb });
  }
}

function parseSummary(c: Cursor): Command {
  const verb = word(c.next());
  if (verb !== "preview" && verb !== "subscribe" && verb !== "unsubscribe") {
    return fail("summary", verb ? "error.unknown_verb" : "error.missing_verb", { area: "summary", word: verb ?? "" });
  }
  let channel: string | undefined;
  let day: string | undefined;
  let time: string | undefined;
  while (!c.done()) {
    const t = c.next()!;
    if (t.kind === "channel") channel = t.id;
    else if (isWord(t, "day") && verb === "subscribe") day = word(c.next());
    else if (isWord(t, "time", "at") && verb === "subscribe") time = word(c.next());
    else fail("summary", "error.unexpected", { value: phrase([t]) });
  }
  if (verb === "subscribe") return { name: "summary.subscribe", ...(channel ? { channel } : {}), ...(day ? { day } : {}), ...(time ? { time } : {}) };
  return { name: `summary.${verb}`, ...(channel ? { channel } : {}) };
}

function parseRole(c: Cursor): Command {
  const first = c.next();
  if (!first || isWord(first, "list")) return { name: "role.list" };
  if (first.kind !== "user") return fail("role", "error.role_mention");
  const role = word(c.next());
  if (role !== "admin" && role !== "coordinator" && role !== "lead" && role !== "partner") {
    return fail("role", "error.role_name", { value: role ?? "(nothing)" });
  }
  return { name: "role.set", user: first.id, role };
}

function parseSettings(c: Cursor): Command {
  const key = word(c.next());
  if (!key || key === "show") return { name: "settings.show" };
  if (!(settingKeys as readonly string[]).includes(key)) return fail("settings", "error.setting_key", { value: key, keys: settingKeys.join(", ") });
  const value = phrase(c.rest());
  if (!value) return fail("settings", "error.setting_value", { key });
  return { name: "settings.set", key: key as SettingKey, value };
}
