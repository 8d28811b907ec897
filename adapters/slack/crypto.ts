/**
 * Slack OAuth tokens are encrypted at rest: AES-256-GCM under a key derived from INSTALLATION_KEY
 * (scrypt with a fixed, app-specific salt: the variable holds the secret, the salt only separates
 * uses). Each record has its own random IV; tampering fails authentication.
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from "node:crypto";
import { BotError } from "../../src/core/errors.ts";

export interface Sealer {
  seal(plain: string): string;
  open(sealed: string): string;
}

export function createSealer(secret: string | undefined): Sealer {
  if (!secret || secret.length < 16) {
    throw new BotError("CONFIG_INVALID", "INSTALLATION_KEY must be set to at least 16 random characters to store Slack OAuth installations (tokens are encrypted with it), e.g. INSTALLATION_KEY=$(openssl rand -hex 32)");
  }
  const key = scryptSync(secret, "partnership-reflection/slack-installations", 32);
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return `v1.${iv.toString("base64")}.${cipher.getAuthTag().toString("base64")}.${body.toString("base64")}`;
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split(".");
      if (version !== "v1" || !iv || !tag || !body) throw new Error("not a sealed installation record");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
      decipher.setAuthTag(Buffer.from(tag, "base64"));
      return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8");
    },
  };
}
