/**
 * Slack OAuth installations in the database, sealed (crypto.ts) and bound to their workspace. An
 * Enterprise Grid org-wide install is stored under the enterprise id; each team of the org is
 * found through a pointer written the first time that team is seen.
 */
import { BotError } from "../../src/core/errors.ts";
import type { SlackStorePort } from "../../src/store/ports.ts";
import type { Installation } from "@slack/oauth";
import type { Sealer } from "./crypto.ts";

export interface StoredInstallation {
  teamId: string;
  enterpriseId: string | null;
  botToken: string;
  botUserId: string;
  botId: string;
  installerUserId: string;
  raw: Installation;
}

/** What is stored under a team of an org-wide install: where the installation is. */
interface Pointer {
  enterpriseId: string;
}

export interface SlackInstallations {
  save(key: string, installation: StoredInstallation): Promise<void>;
  /** The installation for a team (or its enterprise), or null. */
  find(teamId: string | undefined, enterpriseId?: string | undefined): Promise<StoredInstallation | null>;
  delete(key: string): Promise<void>;
}

export const workspaceKey = (id: string) => `slack:${id}`;

export function createInstallations(store: SlackStorePort, sealer: Sealer): SlackInstallations {
  async function read(key: string): Promise<StoredInstallation | Pointer | null> {
    const sealed = await store.installations.get(key);
    if (!sealed) return null;
    const { plain, legacy } = sealer.open(sealed, key);
    // Records sealed before they were bound to their workspace are bound now.
    if (legacy) await store.installations.save(key, sealer.seal(plain, key));
    return JSON.parse(plain) as StoredInstallation | Pointer;
  }
  const isPointer = (v: StoredInstallation | Pointer): v is Pointer => !("botToken" in v);

  return {
    async save(key, installation) {
      await store.installations.save(key, sealer.seal(JSON.stringify(installation), key));
    },
    async find(teamId, enterpriseId) {
      const own = teamId ? await read(workspaceKey(teamId)) : null;
      if (own && !isPointer(own)) return own;
      const enterprise = enterpriseId ?? (own && isPointer(own) ? own.enterpriseId : undefined);
      if (!enterprise) return null;
      const org = await read(workspaceKey(enterprise));
      if (!org || isPointer(org)) return null;
      // Remember the team's org, so sends (which know only the team) find the token too.
      if (teamId && !own) await store.installations.save(workspaceKey(teamId), sealer.seal(JSON.stringify({ enterpriseId: enterprise } satisfies Pointer), workspaceKey(teamId)));
      return org;
    },
    async delete(key) {
      await store.installations.delete(key);
    },
  };
}

/** The bot token for a workspace: the single-workspace token, or its installation's. */
export async function tokenFor(installations: SlackInstallations | null, botToken: string | undefined, workspaceId: string): Promise<string> {
  if (botToken) return botToken;
  const inst = installations ? await installations.find(workspaceId.replace(/^slack:/, "")) : null;
  if (!inst) throw new BotError("ADAPTER_SEND_FAILED", `No Slack installation for ${workspaceId}; reinstall the app in that workspace.`, { retryable: false });
  return inst.botToken;
}
