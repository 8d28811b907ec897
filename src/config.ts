/**
 * The only reader of process.env. Every variable is validated with zod; an invalid value stops the
 * start with a message naming the variable and showing the expected form.
 */
import { resolve } from "node:path";
import { z } from "zod";
import { BotError } from "./core/errors.ts";

const bool = (name: string) =>
  z
    .enum(["true", "false", "1", "0", ""], { message: `${name} must be "true" or "false"` })
    .optional()
    .transform((v) => (v === undefined || v === "" ? undefined : v === "true" || v === "1"));

const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  STOP_DRAIN_MS: z.coerce
    .number({ message: "STOP_DRAIN_MS must be a number of milliseconds, such as 5000" })
    .int()
    .min(0)
    .max(6000, { message: "STOP_DRAIN_MS must be at most 6000 (a stop ends within 10 s, and the handoff and running work need the rest)" })
    .default(5000),
  HOST: optional,
  NODE_ENV: optional,
  DATABASE_URL: optional.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
    message: "DATABASE_URL must be a PostgreSQL URL such as postgresql://user@host:5432/db, or unset for the embedded PGlite",
  }),
  DATA_DIR: z.string().default("./data"),
  PROMPTS_DIR: z.string().default("./prompts"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  SLACK_BOT_TOKEN: optional,
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: optional,
  SLACK_CLIENT_ID: optional,
  SLACK_CLIENT_SECRET: optional,
  SLACK_STATE_SECRET: optional,
  SLACK_API_URL: optional.refine((v) => v === undefined || /^https?:\/\//.test(v), {
    message: "SLACK_API_URL must be an http(s) URL such as https://slack.com/api/",
  }),
  INSTALLATION_KEY: optional,
  MICROSOFT_APP_ID: optional,
  MICROSOFT_APP_PASSWORD: optional,
  MICROSOFT_APP_TENANT_ID: optional,
  MICROSOFT_APP_TYPE: z
    .enum(["SingleTenant", "MultiTenant", "UserAssignedMSI", ""], {
      message: "MICROSOFT_APP_TYPE must be SingleTenant, MultiTenant or UserAssignedMSI",
    })
    .optional()
    .transform((v) => (v === "" ? undefined : v)),
  TEAMS_ALLOW_UNAUTHENTICATED: bool("TEAMS_ALLOW_UNAUTHENTICATED"),
  TEAMS_SERVICE_HOSTS: optional,
  ADMIN_USERS: z.string().default(""),
  PLAYGROUND: bool("PLAYGROUND"),
  METRICS_TOKEN: optional.refine((v) => v === undefined || v.length >= 16, { message: "METRICS_TOKEN must be at least 16 characters (a random secret)" }),
  PUBLIC_URL: optional.refine((v) => v === undefined || /^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(v), {
    message: "PUBLIC_URL must be the bot's public base URL, such as https://reflect.example.org",
  }),
  SMTP_URL: optional.refine((v) => v === undefined || /^smtps?:\/\//.test(v), { message: "SMTP_URL must look like smtps://user:password@smtp.example.org:465 or smtp://host:587" }),
  MAIL_FROM: optional.refine((v) => v === undefined || /^[^<>@\s]+@[^<>@\s]+$|<[^<>@\s]+@[^<>@\s]+>$/.test(v), {
    message: 'MAIL_FROM must be an address, such as "Reflection bot <reflect@example.org>" or reflect@example.org',
  }),
  PLAYGROUND_TOKEN: optional.refine((v) => v === undefined || v.length >= 16, { message: "PLAYGROUND_TOKEN must be at least 16 characters (a random secret)" }),
});

/**
 * Teams' documented service URL hosts (commercial, GCC, GCC High, DoD) and the Bot Framework's:
 * the only hosts the bot sends Teams messages to unless TEAMS_SERVICE_HOSTS says otherwise.
 */
const DEFAULT_TEAMS_SERVICE_HOSTS = ["smba.trafficmanager.net", "*.botframework.com", "*.teams.microsoft.com", "*.teams.microsoft.us"];

/** 127.0.0.0/8, ::1 and localhost: the addresses only this machine can reach. */
function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  return h === "localhost" || h === "::1" || /^127(\.\d{1,3}){3}$/.test(h);
}

/** A bootstrap admin from ADMIN_USERS: `slack:T123:U456` or `teams:<tenant>:<aadObjectId>`. */
export interface AdminUser {
  platform: "slack" | "teams" | "web";
  workspaceExternalId: string;
  userId: string;
}

export interface Config {
  port: number;
  /** The address the HTTP server listens on (HOST); loopback for the local-only modes. */
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  promptsDir: string;
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  adminUsers: AdminUser[];
  playground: boolean;
  /** When set, every playground request must carry it (a playground reachable beyond loopback). */
  playgroundToken: string | undefined;
  /** A bearer token that lets a non-loopback caller read /metrics. */
  metricsToken: string | undefined;
  /** How long a stop keeps handling acknowledged events before handing the rest to the next start. */
  stopDrainMs: number;
  /** The base of links the bot sends (web answer pages); defaults to http://localhost:<PORT>. */
  publicUrl: string;
  /** PUBLIC_URL was set: the answer page is reachable by people's browsers, so links to it may be offered. */
  publicUrlSet: boolean;
  /** Outgoing email for partners invited by email; unset: email invitations are refused. */
  mail: { smtpUrl: string; from: string } | undefined;
  slack: {
    botToken: string | undefined;
    signingSecret: string | undefined;
    appToken: string | undefined;
    clientId: string | undefined;
    clientSecret: string | undefined;
    stateSecret: string | undefined;
    apiUrl: string | undefined;
    installationKey: string | undefined;
  };
  teams: {
    appId: string | undefined;
    appPassword: string | undefined;
    tenantId: string | undefined;
    appType: "SingleTenant" | "MultiTenant" | "UserAssignedMSI" | undefined;
    allowUnauthenticated: boolean;
    /** Host patterns ("*.example.com" or exact) the bot may send Teams messages to. */
    serviceHosts: string[];
  };
}

function parseAdminUsers(raw: string): AdminUser[] {
  const users: AdminUser[] = [];
  for (const entry of raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const match = /^(slack|teams|web):([^:]+):(.+)$/.exec(entry);
    if (!match) {
      throw new BotError(
        "CONFIG_INVALID",
        `ADMIN_USERS has an entry "${entry}" that is not of the form platform:workspace:user, ` +
          `for example ADMIN_USERS=slack:T0123ABCD:U0456EFGH,teams:<tenant-id>:<aad-object-id>`,
      );
    }
    users.push({ platform: match[1] as AdminUser["platform"], workspaceExternalId: match[2]!, userId: match[3]! });
  }
  return users;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new BotError("CONFIG_INVALID", `Invalid configuration; fix these variables:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const slackConfigured = Boolean(e.SLACK_BOT_TOKEN || e.SLACK_CLIENT_ID || e.SLACK_APP_TOKEN);
  const teamsConfigured = Boolean(e.MICROSOFT_APP_ID || e.TEAMS_ALLOW_UNAUTHENTICATED);
  const platform = slackConfigured || teamsConfigured;
  const production = e.NODE_ENV === "production";
  // The playground never turns on by itself in production (a container that lost its secrets).
  const playground = e.PLAYGROUND ?? (!platform && !production);
  const invalid = (message: string) => new BotError("CONFIG_INVALID", message);
  if (playground && platform && !e.PLAYGROUND_TOKEN) {
    throw invalid(
      "PLAYGROUND=true beside Slack or Teams needs PLAYGROUND_TOKEN (a random secret of 16+ characters that every playground request must carry); or unset PLAYGROUND.",
    );
  }
  // The playground alone, or beside nothing that must be reached from outside, stays on loopback
  // unless HOST says otherwise (a token lets an operator open it up on purpose).
  const localOnly = (playground && (!e.PLAYGROUND_TOKEN || !platform)) || e.TEAMS_ALLOW_UNAUTHENTICATED === true;
  const host = e.HOST ?? (localOnly ? "127.0.0.1" : "0.0.0.0");
  if (e.TEAMS_ALLOW_UNAUTHENTICATED && !isLoopback(host)) {
    throw invalid(
      `TEAMS_ALLOW_UNAUTHENTICATED=true accepts Teams activities without a token, so it only runs on a loopback address; HOST is "${host}". Set HOST=127.0.0.1, or configure MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD.`,
    );
  }
  if (playground && !e.PLAYGROUND_TOKEN && !isLoopback(host)) {
    throw invalid(
      `The playground lets anyone act as any persona, so it only listens on a loopback address; HOST is "${host}". Set HOST=127.0.0.1, or set PLAYGROUND_TOKEN to require a secret on every request.`,
    );
  }
  if (Boolean(e.SMTP_URL) !== Boolean(e.MAIL_FROM)) {
    throw invalid("Email needs both SMTP_URL and MAIL_FROM (the address invitations come from); set both, or neither to turn email invitations off.");
  }
  if (e.SLACK_CLIENT_ID && !e.SLACK_STATE_SECRET) {
    throw invalid("Slack OAuth (SLACK_CLIENT_ID) needs SLACK_STATE_SECRET: a random secret shared by every replica, so an install started on one finishes on another.");
  }
  return {
    port: e.PORT,
    host,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.DATA_DIR),
    promptsDir: resolve(e.PROMPTS_DIR),
    logLevel: e.LOG_LEVEL,
    adminUsers: parseAdminUsers(e.ADMIN_USERS),
    playground,
    playgroundToken: e.PLAYGROUND_TOKEN,
    metricsToken: e.METRICS_TOKEN,
    stopDrainMs: e.STOP_DRAIN_MS,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ""),
    publicUrlSet: e.PUBLIC_URL !== undefined,
    mail: e.SMTP_URL && e.MAIL_FROM ? { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM } : undefined,
    slack: {
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      clientId: e.SLACK_CLIENT_ID,
      clientSecret: e.SLACK_CLIENT_SECRET,
      stateSecret: e.SLACK_STATE_SECRET,
      apiUrl: e.SLACK_API_URL,
      installationKey: e.INSTALLATION_KEY,
    },
    teams: {
      appId: e.MICROSOFT_APP_ID,
      appPassword: e.MICROSOFT_APP_PASSWORD,
      tenantId: e.MICROSOFT_APP_TENANT_ID,
      appType: e.MICROSOFT_APP_TYPE,
      allowUnauthenticated: e.TEAMS_ALLOW_UNAUTHENTICATED ?? false,
      serviceHosts: e.TEAMS_SERVICE_HOSTS
        ? e.TEAMS_SERVICE_HOSTS.split(",")
            .map((h) => h.trim().toLowerCase())
            .filter(Boolean)
        : DEFAULT_TEAMS_SERVICE_HOSTS,
    },
  };
}
