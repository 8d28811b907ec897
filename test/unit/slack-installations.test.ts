/** Sealed Slack installations: bound to their workspace, found for every team of an org-wide install. */
import { createCipheriv, randomBytes, scryptSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSealer } from "../../adapters/slack/crypto.ts";
import { createInstallations, type StoredInstallation } from "../../adapters/slack/installations.ts";
import type { SlackStorePort } from "../../src/store/ports.ts";

const KEY = "a-test-installation-key-0123456789";

function memoryPort(): SlackStorePort & { rows: Map<string, string> } {
  const rows = new Map<string, string>();
  return {
    rows,
    installations: {
      save: async (id, data) => void rows.set(id, data),
      get: async (id) => rows.get(id) ?? null,
      delete: async (id) => void rows.delete(id),
    },
  };
}

const install = (teamId: string, token: string, enterpriseId: string | null = null): StoredInstallation => ({
  teamId,
  enterpriseId,
  botToken: token,
  botUserId: "UBOT",
  botId: "B1",
  installerUserId: "U1",
  raw: {} as StoredInstallation["raw"],
});

describe("Slack installations", () => {
  it("refuses a sealed record moved to another workspace (a database writer cannot swap tokens)", async () => {
    const port = memoryPort();
    const installations = createInstallations(port, createSealer(KEY));
    await installations.save("slack:TA", install("TA", "xoxb-a"));
    await installations.save("slack:TB", install("TB", "xoxb-b"));
    expect((await installations.find("TA"))?.botToken).toBe("xoxb-a");
    port.rows.set("slack:TB", port.rows.get("slack:TA")!);
    await expect(installations.find("TB")).rejects.toThrow();
  });

  it("reads a record sealed before the binding and binds it", async () => {
    const port = memoryPort();
    // A v1 record, as the previous version sealed it (no additional data).
    const key = scryptSync(KEY, "partnership-reflection/slack-installations", 32);
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(install("TOLD", "xoxb-old")), "utf8"), cipher.final()]);
    port.rows.set("slack:TOLD", `v1.${iv.toString("base64")}.${cipher.getAuthTag().toString("base64")}.${body.toString("base64")}`);
    const installations = createInstallations(port, createSealer(KEY));
    expect((await installations.find("TOLD"))?.botToken).toBe("xoxb-old");
    expect(port.rows.get("slack:TOLD")).toMatch(/^v2\./);
    expect((await installations.find("TOLD"))?.botToken).toBe("xoxb-old");
  });

  it("finds an Enterprise Grid org-wide install for each team of the org, also later from the team alone", async () => {
    const port = memoryPort();
    const installations = createInstallations(port, createSealer(KEY));
    await installations.save("slack:E1", install("E1", "xoxb-org", "E1"));
    expect(await installations.find("T7")).toBeNull();
    expect((await installations.find("T7", "E1"))?.botToken).toBe("xoxb-org");
    // Sends know only the team: the pointer written above leads to the org's installation.
    expect((await installations.find("T7"))?.botToken).toBe("xoxb-org");
    expect(await installations.find("T8")).toBeNull();
  });
});
