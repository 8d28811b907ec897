import { randomBytes, randomUUID } from "node:crypto";

/**
 * Injected id generator. Production ids are random (never sequential), because anonymous rows must
 * not reveal their insertion order.
 */
export interface Ids {
  /** A random UUID for database rows. */
  uuid(): string;
  /** A short, human-typable reference (for rounds, reviews and actions in chat). */
  short(): string;
}

const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

export function createRandomIds(): Ids {
  return {
    uuid: () => randomUUID(),
    short: () => {
      const bytes = randomBytes(6);
      let out = "";
      for (const b of bytes) out += alphabet[b % alphabet.length];
      return out;
    },
  };
}
