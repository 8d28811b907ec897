/** The options of the summary commands: `[#channel] [day monday] [time 09:00]`. */
import { fail, phrase, word, type Cursor } from "../core/grammar/options.ts";
import { isWord } from "../core/grammar/tokens.ts";

const DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

export function parseWeekday(input: string | undefined): number | null {
  if (!input) return 1;
  const i = DAYS.findIndex((d) => d === input.toLowerCase() || d.slice(0, 3) === input.toLowerCase());
  return i < 0 ? null : i + 1;
}

export function parseQuarterHour(input: string | undefined): string | null {
  if (!input) return "09:00";
  const m = /^(\d{1,2})(?::(\d{2}))?$/.exec(input.trim());
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2] ?? "0");
  if (hour > 23 || ![0, 15, 30, 45].includes(minute)) return null;
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

/** Reads `[#channel]`, and for subscribe `[day <weekday>] [time HH:MM]`. */
export function parseSummaryOptions(c: Cursor, subscribe: boolean): { channel?: string; day?: string; time?: string } {
  let channel: string | undefined;
  let day: string | undefined;
  let time: string | undefined;
  while (!c.done()) {
    const t = c.next()!;
    if (t.kind === "channel") channel = t.id;
    else if (isWord(t, "day") && subscribe) day = word(c.next());
    else if (isWord(t, "time", "at") && subscribe) time = word(c.next());
    else fail("summary", "error.unexpected", { value: phrase([t]) });
  }
  return { ...(channel ? { channel } : {}), ...(day ? { day } : {}), ...(time ? { time } : {}) };
}
