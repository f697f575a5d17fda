import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@convergence/server/core';
import type { Locale } from '@convergence/shared/domain';
import { createTransport, type SendMailOptions, type Transporter } from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
  /**
   * Stable id of this message (e.g. derived from the delivery or digest it carries): it becomes the
   * `Message-ID` header, so a message sent again after a crash is recognisably the same one.
   */
  messageId: string;
  locale?: Locale;
}

/**
 * Sends e-mail over SMTP (`SMTP_URL`), or, with no SMTP server configured, writes each message as
 * `<dataDir>/mail/<messageId>.eml` so that `npm start` works without a mail server and the messages
 * can still be opened in a mail client.
 */
@Injectable()
export class MailerService implements OnModuleDestroy {
  private readonly transport: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly settings: AppConfig) {
    this.transport = settings.smtpUrl
      ? createTransport({
          url: settings.smtpUrl,
          // One connection reused for many messages: a new SMTP session per e-mail costs ~100 ms.
          pool: true,
          // A send must give up well before its claim expires (MAIL_CLAIM_SECONDS), or another
          // worker could take the claim over and send the same e-mail again.
          ...sendTimeouts(settings.mailClaimSeconds),
        })
      : createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  /** Where messages are written when there is no SMTP server; null when they are really sent. */
  get mailDirectory(): string | null {
    return this.settings.smtpUrl ? null : join(this.settings.dataDir, 'mail');
  }

  async send(mail: OutgoingMail): Promise<void> {
    const options: SendMailOptions = {
      from: this.settings.mailFrom,
      to: mail.to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      messageId: messageIdHeader(mail.messageId, this.settings.mailFrom),
      // RFC 3834: automatic messages, so that auto-responders do not answer them.
      headers: {
        'Auto-Submitted': 'auto-generated',
        ...(mail.locale ? { 'Content-Language': mail.locale } : {}),
      },
    };
    const info = (await this.transport.sendMail(options)) as { message?: Buffer };
    const directory = this.mailDirectory;
    if (directory && info.message) {
      await mkdir(directory, { recursive: true });
      // Same message id, same file: a message written again after a crash replaces itself.
      await writeFile(join(directory, `${fileSafe(mail.messageId)}.eml`), info.message);
    }
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}

/**
 * `Message-ID` wants `<local@domain>`; a bare id gets the domain of the sender (`MAIL_FROM`, which
 * AppConfig only accepts with one).
 */
export function messageIdHeader(messageId: string, mailFrom: string): string {
  if (/^<[^<>\s]+@[^<>\s]+>$/.test(messageId)) return messageId;
  const domain = /@([^<>@\s]+)>?$/.exec(mailFrom)?.[1];
  if (!domain) throw new Error(`MAIL_FROM has no domain: ${mailFrom}`);
  return `<${fileSafe(messageId)}@${domain}>`;
}

function fileSafe(id: string): string {
  return id.replace(/^<|>$/g, '').replace(/[^A-Za-z0-9._-]/g, '_');
}

/** Connection, greeting and socket timeouts that together stay under a third of the claim. */
function sendTimeouts(claimSeconds: number): {
  connectionTimeout: number;
  greetingTimeout: number;
  socketTimeout: number;
} {
  const budget = Math.max(1_000, Math.floor((claimSeconds * 1_000) / 3));
  return { connectionTimeout: budget, greetingTimeout: budget, socketTimeout: budget };
}
