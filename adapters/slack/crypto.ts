/**
 * Slack OAuth tokens are encrypted at rest: AES-256-GCM under a key derived from INSTALLATION_KEY
 * (scrypt with a fixed, app-specific salt: the variable holds the secret, the salt only separates
 * uses). Each record has its own random IV; tampering fails authentication. A record is bound to
 * its workspace (authenticated additional data), so a database writer cannot move one workspace's
 * token to another.
 */
import { createDecipheriv, scryptSync } from "node:crypto";
import { createSeal } from "../../src/core/seal.ts";
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
  const bound = createSeal(secret, "partnership-reflection/slack-installations");
  return {
    seal: (plain, context) => bound.seal(plain, context),
    open(sealed, context) {
      if (sealed.startsWith("v2.")) return { plain: bound.open(sealed, context), legacy: false };
      // v1 records predate the binding; the installation store seals them again as v2 when read.
      const [version, iv, tag, body] = sealed.split(".");
      if (version !== "v1" || !iv || !tag || !body) throw new Error("not a sealed installation record");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
      decipher.setAuthTag(Buffer.from(tag, "base64"));
      const plain = Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8");
      return { plain, legacy: true };
    },
  };
}
