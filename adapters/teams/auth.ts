/**
 * Teams authentication and where the bot may send: botbuilder's configuration from
 * MICROSOFT_APP_*, and the allow-list of service hosts (TEAMS_SERVICE_HOSTS).
 */
import type { Config } from "../../src/config.ts";
import { BotError } from "../../src/core/errors.ts";

export function teamsAuthConfig(config: Config["teams"]): Record<string, string> {
  if (!config.appId) return {};
  if (config.appType === "SingleTenant" && !config.tenantId) {
    throw new BotError("CONFIG_INVALID", "MICROSOFT_APP_TYPE=SingleTenant needs MICROSOFT_APP_TENANT_ID (the Azure AD tenant of the bot registration).");
  }
  if (config.appType !== "UserAssignedMSI" && !config.appPassword) {
    throw new BotError(
      "CONFIG_INVALID",
      "MICROSOFT_APP_PASSWORD is required with MICROSOFT_APP_ID (a client secret of the bot's app registration), unless MICROSOFT_APP_TYPE=UserAssignedMSI.",
    );
  }
  return {
    MicrosoftAppId: config.appId,
    ...(config.appPassword ? { MicrosoftAppPassword: config.appPassword } : {}),
    ...(config.tenantId ? { MicrosoftAppTenantId: config.tenantId } : {}),
    MicrosoftAppType: config.appType ?? "MultiTenant",
  };
}

/**
 * Whether the bot may talk to a Teams service URL: an https URL on an allowed host ("*.example.com"
 * patterns or exact names; loopback may use http, for local tests). Anything else would let a
 * forged activity point the bot's replies, and the invitations and results of the person whose
 * reference it overwrote, at another server.
 */
export function serviceUrlAllowed(url: string | undefined, patterns: string[]): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const host = parsed.hostname.toLowerCase().replace(/^\[|\]$/g, "");
  const loopback = host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
  if (parsed.protocol !== "https:" && !(parsed.protocol === "http:" && loopback)) return false;
  return patterns.some((p) => (p.startsWith("*.") ? host.endsWith(p.slice(1)) && host.length > p.length - 1 : host === p));
}
