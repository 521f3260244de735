import nodemailer from 'nodemailer';
import type { Logger } from '@scai/telemetry';
import { escapeHtml } from '../oidc/pages.ts';

export interface InvitationMail {
  to: string;
  displayName: string;
  link: string;
  expiresAt: Date;
}

/** Delivers invitation links: `mailed` tells whether they left by mail (else they were logged). */
export interface InvitationMailer {
  readonly mailed: boolean;
  send(mail: InvitationMail): Promise<void>;
  close(): void;
}

export interface MailerSettings {
  smtpUrl?: string;
  from: string;
  /** In production a logged invitation never shows its link (the token is a password in waiting). */
  production: boolean;
}

function text(mail: InvitationMail): string {
  return `Hello ${mail.displayName},

You have been invited to the SCAI platform. Set your password here:

${mail.link}

The link works once and expires at ${mail.expiresAt.toISOString()}.`;
}

function html(mail: InvitationMail): string {
  return `<p>Hello ${escapeHtml(mail.displayName)},</p>
<p>You have been invited to the SCAI platform. <a href="${escapeHtml(mail.link)}">Set your password</a>.</p>
<p>The link works once and expires at ${escapeHtml(mail.expiresAt.toISOString())}.</p>`;
}

/**
 * SMTP through nodemailer when `SMTP_URL` is set. Without it the invitation is written to
 * the log: with its link outside production (development has no mail server), without it
 * in production, where an administrator must configure SMTP or re-invite.
 */
export function createInvitationMailer(settings: MailerSettings, logger: Logger): InvitationMailer {
  if (settings.smtpUrl) {
    const transport = nodemailer.createTransport(settings.smtpUrl);
    return {
      mailed: true,
      async send(mail) {
        await transport.sendMail({ from: settings.from, to: mail.to, subject: 'Your invitation to the SCAI platform', text: text(mail), html: html(mail) });
      },
      close: () => transport.close(),
    };
  }
  return {
    mailed: false,
    async send(mail) {
      const fields = { to: mail.to, expires_at: mail.expiresAt.toISOString() };
      if (settings.production) logger.warn(fields, 'invitation created but not mailed: SMTP_URL is not set (the link is not logged in production)');
      else logger.info({ ...fields, link: mail.link }, 'invitation link (SMTP_URL is not set; development only: the link is never logged in production)');
    },
    close: () => undefined,
  };
}
