/**
 * The mail sender: email through SMTP with nodemailer (SMTP_URL, MAIL_FROM). Errors are turned
 * into BotErrors the outbox understands (a permanent 5xx refusal is not retried) and never carry
 * the address, so a log line says nothing about who was invited.
 */
import type { Transporter } from "nodemailer";
import type { MailSender, PacingRules } from "../core/adapter.ts";
import { BotError } from "../core/errors.ts";
import { cardToEmail } from "./render.ts";

export interface SmtpOptions {
  smtpUrl: string;
  from: string;
  pacing?: PacingRules;
}

/** Card summaries carry the language in a header-safe way: the renderer only needs it for `lang`. */
export function createSmtpSender(options: SmtpOptions): MailSender & { close(): void } {
  // nodemailer is loaded with the first email: most deployments never send one.
  let transport: Transporter | undefined;
  const connect = async () => (transport ??= (await import("nodemailer")).default.createTransport(options.smtpUrl, { from: options.from }));
  return {
    // A few a second is gentle on any provider; the outbox retries 4xx deferrals with backoff.
    pacing: options.pacing ?? { perConversationIntervalMs: 200, perWorkspacePerSecond: 5, maxAttempts: 6 },
    async send(to, card) {
      const lang = card.lang ?? "en";
      const mail = cardToEmail(card, lang);
      try {
        await (await connect()).sendMail({ to, subject: mail.subject, text: mail.text, html: mail.html, headers: { "Content-Language": lang } });
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        const permanent = typeof code === "number" && code >= 500;
        throw new BotError("ADAPTER_SEND_FAILED", `SMTP: ${permanent ? `refused (${code})` : `failed${code ? ` (${code})` : ""}`}`, { retryable: !permanent });
      }
    },
    close() {
      transport?.close();
    },
  };
}
