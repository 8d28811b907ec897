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
  ADMIN_USERS: z.string().default(""),
  PLAYGROUND: bool("PLAYGROUND"),
});

/** A bootstrap admin from ADMIN_USERS: `slack:T123:U456` or `teams:<tenant>:<aadObjectId>`. */
export interface AdminUser {
  platform: "slack" | "teams" | "web";
  workspaceExternalId: string;
  userId: string;
}

export interface Config {
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  promptsDir: string;
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  adminUsers: AdminUser[];
  playground: boolean;
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
  };
}

export function parseAdminUsers(raw: string): AdminUser[] {
  const users: AdminUser[] = [];
  for (const entry of raw.split(",").map((s) => s.trim()).filter(Boolean)) {
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
  return {
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.DATA_DIR),
    promptsDir: resolve(e.PROMPTS_DIR),
    logLevel: e.LOG_LEVEL,
    adminUsers: parseAdminUsers(e.ADMIN_USERS),
    playground: e.PLAYGROUND ?? !(slackConfigured || teamsConfigured),
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
    },
  };
}
