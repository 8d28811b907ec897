/**
 * The command grammar of DESIGN.md §4 as data: every command's typed shape, usage line and example.
 * The parser (parse.ts) produces these; handlers consume them; `help` lists the usages.
 */

export interface Audience {
  channels: string[];
  users: string[];
}

/** A duration as typed: "7d", "2 weeks", "36h". */
export interface Duration {
  amount: number;
  unit: "hour" | "day" | "week";
}

export type Command =
  | { name: "help"; topic?: string }
  | { name: "pulse.start"; template?: string; audience: Audience; closesIn?: Duration; recurrence?: "monthly" | "quarterly" }
  | { name: "pulse.status"; round?: string }
  | { name: "pulse.close"; round?: string }
  | { name: "pulse.results"; round?: string }
  | { name: "pulse.export"; round?: string }
  | { name: "pulse.reminders"; enabled: boolean }
  | { name: "pulse.form" }
  | {
      name: "rubric.start";
      rubric?: string;
      partnership: string;
      audience: Audience;
      mode: "individual" | "collective";
      closesIn?: Duration;
      confirmed: boolean;
    }
  | { name: "rubric.results"; partnership: string }
  | { name: "rubric.history"; partnership: string }
  | { name: "rubric.resume"; partnership: string }
  | { name: "rubric.close"; partnership: string }
  | { name: "rubric.status"; partnership: string }
  | { name: "rubric.pause"; partnership: string; reason: string }
  | { name: "partner.add"; partnerName: string; fields: PartnerFields }
  | { name: "partner.edit"; partnership: string; fields: PartnerFields }
  | { name: "partner.list"; includeArchived: boolean }
  | { name: "partner.show"; partnership: string }
  | { name: "partner.archive"; partnership: string }
  | { name: "review.add"; partnership: string; kind: string; date: string; everyMonths?: number }
  | { name: "review.list"; days?: number }
  | { name: "review.done"; review: string; notes?: string }
  | { name: "review.snooze"; review: string; until: string }
  | { name: "action.add"; text: string; owner?: string; due?: string; partnership?: string; element?: string }
  | { name: "action.list"; scope: "open" | "mine" | "all" }
  | { name: "action.done"; action: string }
  | { name: "summary.preview"; channel?: string }
  | { name: "summary.unsubscribe"; channel?: string }
  | { name: "summary.subscribe"; channel?: string; day?: string; time?: string }
  | { name: "role.set"; user: string; role: "admin" | "coordinator" | "lead" | "partner" }
  | { name: "role.list" }
  | { name: "settings.show" }
  | { name: "settings.set"; key: SettingKey; value: string }
  | { name: "privacy" }
  | { name: "language"; locale?: string }
  | { name: "organisation"; user?: string; organisation: string };

export type CommandName = Command["name"];

export interface PartnerFields {
  categories?: string[];
  spectrum?: string;
  country?: string;
  lead?: string;
  start?: string;
  end?: string;
  notes?: string;
  name?: string;
}

export const settingKeys = [
  "threshold",
  "comment-threshold",
  "timezone",
  "language",
  "retention",
  "cadence",
  "reminders",
  "quiet-week",
] as const;
export type SettingKey = (typeof settingKeys)[number];

export interface UsageEntry {
  area: string;
  /** The command whose roles decide whether `help` shows this line. */
  command: CommandName;
  usage: string;
  example: string;
}

/** Usage lines, grouped by area, in the order `help` shows them. */
export const usages: Record<string, UsageEntry[]> = {
  pulse: [
    { area: "pulse", command: "pulse.start", usage: "pulse start [template] [to #channel|@person…] [closes in 7d] [every month|quarter]", example: "/reflect pulse start partner-pulse to #partners closes in 7d" },
    { area: "pulse", command: "pulse.results", usage: "pulse status|close|results|export [round]", example: "/reflect pulse results" },
    { area: "pulse", command: "pulse.form", usage: "pulse new (a form: template, deadline, repeat)", example: "/reflect pulse new" },
    { area: "pulse", command: "pulse.reminders", usage: "pulse reminders on|off", example: "/reflect pulse reminders off" },
  ],
  rubric: [
    { area: "rubric", command: "rubric.start", usage: "rubric start [rubric] for <partnership> [to #channel|@person…] [mode individual|collective] [closes in 14d]", example: '/reflect rubric start clarissa for "Shanti Network" to #shanti mode individual' },
    { area: "rubric", command: "rubric.results", usage: "rubric results|history|status <partnership>", example: '/reflect rubric results "Shanti Network"' },
    { area: "rubric", command: "rubric.close", usage: "rubric close|resume <partnership>", example: '/reflect rubric close "Shanti Network"' },
    { area: "rubric", command: "rubric.pause", usage: "rubric pause <partnership> <reason>", example: '/reflect rubric pause "Shanti Network" trust is low after the audit' },
  ],
  partner: [
    { area: "partner", command: "partner.add", usage: 'partner add "<name>" [category …] [spectrum locally-led|locally-managed|locally-implemented] [country …] [lead @person] [start <date>] [end <date>]', example: '/reflect partner add "Shanti Network" category consortium spectrum locally-led country Nepal lead @amina end 2027-06-30' },
    { area: "partner", command: "partner.list", usage: "partner list [all] | show <partnership> | edit <partnership> [field value…] | archive <partnership>", example: '/reflect partner show "Shanti Network"' },
  ],
  review: [
    { area: "review", command: "review.add", usage: "review add <partnership> <kind> <date> [every 12m]", example: '/reflect review add "Shanti Network" annual-review 2027-03-01 every 12m' },
    { area: "review", command: "review.list", usage: "review list [30d] | done <review> [notes] | snooze <review> <date>", example: "/reflect review done r7k2 agreed a new reporting calendar" },
  ],
  action: [
    { area: "action", command: "action.add", usage: 'action add "<text>" [owner @person] [due <date>] [for <partnership>]', example: '/reflect action add "Hold monthly coffee mornings" owner @carlos due 2027-01-15 for "Shanti Network"' },
    { area: "action", command: "action.list", usage: "action list [mine|all] | done <action>", example: "/reflect action done a3f9" },
  ],
  summary: [
    { area: "summary", command: "summary.preview", usage: "summary preview|subscribe|unsubscribe [#channel] [day monday] [time 09:00]", example: "/reflect summary subscribe #country-leads day monday time 09:00" },
  ],
  admin: [
    { area: "role", command: "role.set", usage: "role @person admin|coordinator|lead|partner", example: "/reflect role @carlos coordinator" },
    { area: "role", command: "role.list", usage: "role list", example: "/reflect role list" },
    { area: "settings", command: "settings.show", usage: "settings [show]", example: "/reflect settings" },
    { area: "settings", command: "settings.set", usage: "settings threshold|comment-threshold|timezone|language|retention|cadence|reminders|quiet-week <value>", example: "/reflect settings timezone Asia/Kathmandu" },
    { area: "organisation", command: "organisation", usage: "organisation [@person] <organisation>", example: '/reflect organisation @priya "Shanti Network"' },
  ],
  you: [
    { area: "privacy", command: "privacy", usage: "privacy", example: "/reflect privacy" },
    { area: "language", command: "language", usage: "language <locale>", example: "/reflect language fr" },
    { area: "help", command: "help", usage: "help [topic]", example: "/reflect help rubric" },
  ],
};

export function usageFor(area: string): UsageEntry[] {
  return Object.values(usages)
    .flat()
    .filter((u) => u.area === area);
}
