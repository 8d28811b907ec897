/**
 * Slack OAuth tokens are encrypted at rest: AES-256-GCM under a key derived from INSTALLATION_KEY
 * (scrypt with a fixed, app-specific salt: the variable holds the secret, the salt only separates
 * uses). Each record has its own random IV; tampering fails authentication. A record is bound to
 * its workspace (authenticated additional data), so a database writer cannot move one workspace's
 * token to another.
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from "node:crypto";
import { BotError } from "../../src/core/errors.ts";

export interface Sealer {
  /** Encrypts `plain`, bound to `context` (the workspace id). */
  seal(plain: string, context: string): string;
  /** Decrypts a record sealed for `context`; `legacy` when it was sealed before records were bound. */
  open(sealed: string, context: string): { plain: string; legacy: boolean };
}

export function createSealer(secret: string | undefined): Sealer {
  if (!secret || secret.length < 16) {
    throw new BotError(
      "CONFIG_INVALID",
      "INSTALLATION_KEY must be set to at least 16 random characters to store Slack OAuth installations (tokens are encrypted with it), e.g. INSTALLATION_KEY=$(openssl rand -hex 32)",
    );
  }
  const key = scryptSync(secret, "partnership-reflection/slack-installations", 32);
  return {
    seal(plain, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      cipher.setAAD(Buffer.from(context, "utf8"));
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return `v2.${iv.toString("base64")}.${cipher.getAuthTag().toString("base64")}.${body.toString("base64")}`;
    },
    open(sealed, context) {
      const [version, iv, tag, body] = sealed.split(".");
      if ((version !== "v1" && version !== "v2") || !iv || !tag || !body) throw new Error("not a sealed installation record");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
      // v1 records predate the binding; the installation store seals them again as v2 when read.
      if (version === "v2") decipher.setAAD(Buffer.from(context, "utf8"));
      decipher.setAuthTag(Buffer.from(tag, "base64"));
      const plain = Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8");
      return { plain, legacy: version === "v1" };
    },
  };
}
