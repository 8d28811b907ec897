/**
 * Participation as a one-way code (DESIGN.md §3 rule 2): HMAC-SHA256 of the person under the
 * round's secret. While the secret exists the bot can tell whether someone answered (one answer
 * per person, reminders to non-respondents); once it is erased at close, nobody can.
 */
import { createHmac, randomBytes } from "node:crypto";

export const newRoundSecret = (): Buffer => randomBytes(32);

export function personHash(secret: Buffer, workspaceId: string, userId: string): string {
  return createHmac("sha256", secret).update(`${workspaceId}\u0000${userId}`).digest("hex");
}
