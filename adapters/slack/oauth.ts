/**
 * Multi-workspace install (OAuth v2) with @slack/oauth's InstallProvider on the shared server:
 * GET /slack/install starts it, GET /slack/oauth_redirect finishes it. Installations are sealed
 * (crypto.ts) before they reach the database; the installer becomes the workspace's first admin.
 */
import { InstallProvider, type Installation, type InstallationQuery } from "@slack/oauth";
import { BotError } from "../../src/core/errors.ts";
import type { Config } from "../../src/config.ts";
import type { InstalledEvent } from "../../src/core/events.ts";
import type { Logger } from "../../src/core/logger.ts";
import type { HttpServer } from "../../src/http/server.ts";
import { type SlackInstallations, type StoredInstallation, workspaceKey } from "./installations.ts";

/** Bot scopes the app asks for; docs/SLACK.md says why each is needed. Keep manifest.json in step. */
const BOT_SCOPES = ["commands", "chat:write", "im:write", "im:history", "app_mentions:read", "channels:read", "groups:read", "users:read", "files:write"];

const keyOf = (q: { teamId?: string | undefined; enterpriseId?: string | undefined; isEnterpriseInstall?: boolean | undefined }) =>
  workspaceKey((q.isEnterpriseInstall && q.enterpriseId ? q.enterpriseId : (q.teamId ?? q.enterpriseId)) ?? "");

export function mountOAuth(
  http: HttpServer,
  options: { config: Config["slack"]; installations: SlackInstallations; logger: Logger; onInstalled: (event: InstalledEvent) => void },
): InstallProvider {
  const { config, installations } = options;
  // loadConfig refuses OAuth without SLACK_STATE_SECRET; this guards direct construction (tests).
  if (!config.stateSecret) throw new BotError("CONFIG_INVALID", "Slack OAuth needs SLACK_STATE_SECRET, shared by every replica.");
  const installer = new InstallProvider({
    clientId: config.clientId!,
    clientSecret: config.clientSecret!,
    stateSecret: config.stateSecret,
    ...(config.apiUrl ? { clientOptions: { slackApiUrl: config.apiUrl.endsWith("/") ? config.apiUrl : `${config.apiUrl}/` } } : {}),
    installationStore: {
      async storeInstallation(installation: Installation) {
        const teamId = installation.isEnterpriseInstall ? installation.enterprise?.id : installation.team?.id;
        if (!teamId || !installation.bot) throw new Error("installation without a team or bot token");
        const record: StoredInstallation = {
          teamId,
          enterpriseId: installation.enterprise?.id ?? null,
          botToken: installation.bot.token,
          botUserId: installation.bot.userId,
          botId: installation.bot.id,
          installerUserId: installation.user.id,
          raw: installation,
        };
        await installations.save(workspaceKey(teamId), record);
      },
      async fetchInstallation(query: InstallationQuery<boolean>) {
        const found = await installations.find(query.isEnterpriseInstall ? undefined : query.teamId, query.enterpriseId);
        if (!found) throw new Error("no installation");
        return found.raw;
      },
      async deleteInstallation(query: InstallationQuery<boolean>) {
        await installations.delete(keyOf(query));
      },
    },
  });
  http.route("GET", "/slack/install", async (req, res) => {
    await installer.handleInstallPath(req.raw, res, undefined, { scopes: BOT_SCOPES });
  });
  http.route("GET", "/slack/oauth_redirect", async (req, res) => {
    await installer.handleCallback(req.raw, res, {
      success: (installation, _options, _req, callbackRes) => {
        const teamId = (installation.isEnterpriseInstall ? installation.enterprise?.id : installation.team?.id) ?? "";
        options.onInstalled({
          platform: "slack",
          workspaceId: `slack:${teamId}`,
          workspaceExternalId: teamId,
          userId: installation.user.id,
          conversationId: "",
          isDirect: true,
          eventId: `install:${teamId}:${installation.user.id}:${Date.now()}`,
          kind: "installed",
          ...(installation.team?.name ? { workspaceName: installation.team.name } : {}),
        });
        callbackRes.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        callbackRes.end("<!doctype html><title>Installed</title><p>The partnership reflection bot is installed. Go back to Slack and run <code>/reflect help</code>.</p>");
      },
      failure: (error, _options, _req, callbackRes) => {
        options.logger.warn("slack install failed", { error });
        callbackRes.writeHead(400, { "content-type": "text/html; charset=utf-8" });
        callbackRes.end("<!doctype html><title>Install failed</title><p>The installation did not complete. Please try again from the install link.</p>");
      },
    });
  });
  return installer;
}
