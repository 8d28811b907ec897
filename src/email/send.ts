/**
 * Queues an email invitation or reminder for someone invited by email. The row carries the link
 * (the only copy of its token), so it is transient: deleted once sent, and erased with the round's
 * other invitations at close if it never was.
 */
import type { BotDeps } from "../core/context.ts";
import { formatDateTime } from "../core/dates.ts";
import type { Translate } from "../core/i18n.ts";
import type { Round, Workspace } from "../store/types.ts";
import { emailInvitationCard } from "./cards.ts";
import { newLinkToken } from "./tokens.ts";

/** What a round says about itself in the person's language. */
export type RoundDetails = (t: Translate & { locale: string }) => { title: string; minutes: number; disclosure: string };

export const answerLink = (deps: BotDeps, token: string): string => `${deps.links.publicUrl}/answer/${token}`;

export async function queueRoundEmail(
  deps: BotDeps,
  workspace: Workspace,
  round: Round,
  invitee: { userId: string; email: string; locale: string | null },
  token: string,
  details: RoundDetails,
  reminder?: number,
): Promise<boolean> {
  const t = deps.i18n.forLocale(invitee.locale, workspace.locale);
  const d = details(t);
  const link = answerLink(deps, token);
  return deps.outbox.post({
    workspaceId: workspace.id,
    platform: workspace.platform,
    destination: { kind: "email", to: invitee.email },
    card: emailInvitationCard(t, {
      title: d.title,
      workspace: workspace.name || t("email.workspace_fallback"),
      minutes: d.minutes,
      closes: formatDateTime(round.closesAt, workspace.timezone, t.locale),
      disclosure: d.disclosure,
      link,
      stop: `${link}/stop`,
      ...(reminder ? { reminder } : {}),
    }),
    dedupeKey: `${round.kind}:${round.id}:${reminder ? `remind${reminder}` : "invite"}:${invitee.userId}`,
    transient: true,
  });
}

/**
 * An email reminder carries a fresh link: the token is never stored, so the earlier one cannot be
 * sent again; it replaces the earlier link (the page says so if the old one is used). Sent once
 * per reminder number (the dedupe key), so a re-run slot neither sends twice nor rotates again.
 */
export async function remindByEmail(
  deps: BotDeps,
  workspace: Workspace,
  round: Round,
  invitee: { userId: string; email: string; locale: string | null },
  details: RoundDetails,
  reminder: number,
): Promise<boolean> {
  const fresh = newLinkToken();
  if (!(await deps.store.rounds.replaceToken(round.id, invitee.userId, fresh.hash, reminder))) return false;
  return queueRoundEmail(deps, workspace, round, invitee, fresh.token, details, reminder);
}
