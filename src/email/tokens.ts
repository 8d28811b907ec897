/**
 * Single-use answer links for people invited by email. The token is 128 random bits sent only in
 * the email; the database keeps its SHA-256 beside the invitation, so a copy of the database
 * cannot be turned into working links.
 */
import { createHash, randomBytes } from "node:crypto";

export interface LinkToken {
  /** What goes in the link (base64url, 22 characters). */
  token: string;
  /** What is stored (hex SHA-256 of the token). */
  hash: string;
}

export const hashToken = (token: string): string => createHash("sha256").update(token, "utf8").digest("hex");

export function newLinkToken(): LinkToken {
  const token = randomBytes(16).toString("base64url");
  return { token, hash: hashToken(token) };
}

/** A token as it appears in a link: anything else is not looked up at all. */
export const isTokenShape = (value: string): boolean => /^[A-Za-z0-9_-]{22}$/.test(value);
