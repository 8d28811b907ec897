/**
 * Email invitations and reminders for people invited by email. The queued email holds a
 * placeholder, not a link: the link's token is made at the moment of sending (`createLinkingMailSender`),
 * its hash written beside the invitation, and the token itself exists only in the email that left.
 * A copy of the database, even one taken while SMTP is down and emails wait, holds no working link.
 */
import type { MailSender } from "../core/adapter.ts";
import type { Card } from "../core/card.ts";
import type { BotDeps } from "../core/context.ts";
import { formatDateTime } from "../core/dates.ts";
import { BotError } from "../core/errors.ts";
import type { Translator } from "../core/i18n.ts";
import type { Round, RoundStore, Workspace } from "../store/types.ts";
import { emailInvitationCard } from "./cards.ts";
import { newLinkToken } from "./tokens.ts";

/** What a round says about itself in the person's language. */
export type RoundDetails = (t: Translator) => { title: string; minutes: number; disclosure: string };

/** Stands for the person's answer link in a queued email until it is sent. */
export const LINK_PLACEHOLDER = "{{answer-link}}";

/**
 * Who was invited by email, by address domain: a partner can see when an audience is mostly the
 * INGO's own mailboxes (the chat invitation says the same with its "one of N invited"). Worked out
 * once per round from the invitees the caller already holds.
 */
export function emailDomains(invitees: { email?: string | null }[]): Map<string, number> {
  const domains = new Map<string, number>();
  for (const { email } of invitees) {
    if (!email) continue;
    const domain = email.slice(email.lastIndexOf("@") + 1);
    domains.set(domain, (domains.get(domain) ?? 0) + 1);
  }
  return domains;
}

export async function queueRoundEmail(
  deps: BotDeps,
  workspace: Workspace,
  round: Round,
  invitee: { userId: string; email: string; locale: string | null },
  details: RoundDetails,
  domains: Map<string, number>,
  reminder?: number,
): Promise<boolean> {
  const t = deps.i18n.forLocale(invitee.locale, workspace.locale);
  const d = details(t);
  const invited = t("email.invited_line", {
    count: round.invitedCount,
    domains: [...domains]
      .sort((a, b) => b[1] - a[1])
      .map(([domain, n]) => `${domain} (${n})`)
      .join(", "),
  });
  return deps.outbox.post({
    workspaceId: workspace.id,
    platform: workspace.platform,
    destination: { kind: "email", to: invitee.email, link: { roundId: round.id, userId: invitee.userId } },
    card: emailInvitationCard(t, {
      title: d.title,
      workspace: workspace.name || t("email.workspace_fallback"),
      minutes: d.minutes,
      closes: formatDateTime(round.closesAt, workspace.timezone, t.locale),
      disclosure: d.disclosure,
      invited,
      link: LINK_PLACEHOLDER,
      stop: `${LINK_PLACEHOLDER}/stop`,
      ...(reminder ? { reminder } : {}),
    }),
    dedupeKey: `${round.kind}:${round.id}:${reminder ? `remind${reminder}` : "invite"}:${invitee.userId}`,
    // The address goes with the row once sent.
    transient: true,
  });
}

/**
 * An email reminder carries a new link that replaces the earlier one (tokens are never stored, so
 * the earlier one cannot be sent again). Once per reminder number: a re-run slot, or another
 * replica, sends nothing more.
 */
export async function remindByEmail(
  deps: BotDeps,
  workspace: Workspace,
  round: Round,
  invitee: { userId: string; email: string; locale: string | null },
  details: RoundDetails,
  domains: Map<string, number>,
  reminder: number,
): Promise<boolean> {
  // The old link stops working now; the new one is made when the reminder is sent.
  if (!(await deps.store.rounds.replaceToken(round.id, invitee.userId, null, reminder))) return false;
  return queueRoundEmail(deps, workspace, round, invitee, details, domains, reminder);
}

/** Replaces the placeholder in every string of a card. */
function withLink(card: Card, link: string): Card {
  return JSON.parse(JSON.stringify(card).split(LINK_PLACEHOLDER).join(link)) as Card;
}

/**
 * Wraps the mail sender: an email with a link gets a fresh token right before it leaves. If the
 * invitation is gone (the round closed meanwhile), the email is not sent at all.
 */
export function createLinkingMailSender(inner: MailSender, rounds: Pick<RoundStore, "setToken">, publicUrl: string): MailSender {
  return {
    pacing: inner.pacing,
    async send(to, card, link) {
      if (!link) return inner.send(to, card);
      const fresh = newLinkToken();
      if (!(await rounds.setToken(link.roundId, link.userId, fresh.hash))) {
        throw new BotError("ADAPTER_SEND_FAILED", "the invitation no longer exists (the round closed)", { retryable: false });
      }
      return inner.send(to, withLink(card, `${publicUrl}/answer/${fresh.token}`));
    },
  };
}
