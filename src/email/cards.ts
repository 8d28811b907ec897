/** What an email invitation and reminder say: the round, the promise, one link, and how to stop reminders. */
import { card, context, heading, text, type Card } from "../core/card.ts";
import type { Translator } from "../core/i18n.ts";

export interface EmailInvitation {
  title: string;
  workspace: string;
  minutes: number;
  closes: string;
  /** The disclosure shown before any question in chat (what is stored, who sees what). */
  disclosure: string;
  /** How many were invited, and by email at which domains. */
  invited: string;
  link: string;
  stop: string;
  /** Reminder number (1 or 2); absent for the invitation. */
  reminder?: number;
}

export function emailInvitationCard(t: Translator, e: EmailInvitation): Card {
  const subject = t("email.invite_subject", { title: e.title, workspace: e.workspace });
  return {
    ...card(
      subject,
      heading(e.title),
      text(e.reminder ? t("email.reminder_intro", { title: e.title, closes: e.closes }) : t("email.invite_intro", { title: e.title, minutes: e.minutes, closes: e.closes })),
      text(e.disclosure),
      context(e.invited),
      text(t("email.invite_link", { link: e.link })),
      e.reminder ? context(t("email.reminder_replaces")) : undefined,
      context(t("email.invite_ignore", { stop: e.stop })),
    ),
    lang: t.locale,
  };
}
