/**
 * Authenticated encryption for records the database must not be able to read: AES-256-GCM under a
 * key derived (scrypt) from a secret that lives outside the database, with a salt naming the use,
 * a random IV per record and the context (a workspace id, a purpose) as additional data, so a
 * record cannot be moved to another context. Format: `v2.<iv>.<tag>.<body>` (base64).
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from "node:crypto";

export interface Seal {
  seal(plain: string, context: string): string;
  /** Throws when the record was not sealed with this key for this context, or was altered. */
  open(sealed: string, context: string): string;
}

export function createSeal(secret: string | Buffer, purpose: string): Seal {
  const key = scryptSync(secret, purpose, 32);
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
      if (version !== "v2" || !iv || !tag || !body) throw new Error("not a sealed record");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
      decipher.setAAD(Buffer.from(context, "utf8"));
      decipher.setAuthTag(Buffer.from(tag, "base64"));
      return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8");
    },
  };
}
