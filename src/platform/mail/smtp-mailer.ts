import { readFileSync } from 'node:fs';
import nodemailer from 'nodemailer';
import {
  MailDeliveryError,
  type Mailer,
  type MailMessage,
  type MailResult,
  type RawMailMessage,
} from './mailer.ts';

export interface SmtpMailerOptions {
  /** smtp://user:pass@host:port or smtps://… */
  readonly url: string;
  readonly from: string;
  /** Pooled connections kept open (default 5). */
  readonly maxConnections?: number;
  /** At most this many messages a second over the whole pool (default: no limit). */
  readonly ratePerSecond?: number;
  readonly dkim?: {
    readonly domainName: string;
    readonly keySelector: string;
    readonly privateKeyFile: string;
  };
}

/**
 * Nodemailer over SMTP with a connection pool. Errors are mapped to MailDeliveryError so callers
 * decide retry or suppress on `permanent`, never on nodemailer's shapes.
 *
 * @example
 * const mailer = createSmtpMailer({ url: 'smtp://127.0.0.1:2525', from: 'News <news@example.org>' });
 */
export function createSmtpMailer(options: SmtpMailerOptions): Mailer {
  const rate = options.ratePerSecond;
  const transport = nodemailer.createTransport({
    url: options.url,
    pool: true,
    maxConnections: options.maxConnections ?? 5,
    maxMessages: Number.POSITIVE_INFINITY,
    ...(rate ? { rateDelta: 1000, rateLimit: rate } : {}),
    ...(options.dkim
      ? {
          dkim: {
            domainName: options.dkim.domainName,
            keySelector: options.dkim.keySelector,
            privateKey: readFileSync(options.dkim.privateKeyFile, 'utf8'),
          },
        }
      : {}),
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    async send(message: MailMessage): Promise<MailResult> {
      try {
        const info = await transport.sendMail({
          from: message.from ?? options.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          ...(message.html ? { html: message.html } : {}),
          ...(message.headers ? { headers: { ...message.headers } } : {}),
          ...(message.messageId ? { messageId: message.messageId } : {}),
        });
        if (info.rejected.length > 0) {
          throw new MailDeliveryError(`the server refused ${message.to}: ${info.response}`, true, undefined);
        }
        return { messageId: info.messageId, response: info.response };
      } catch (error) {
        throw toDeliveryError(error);
      }
    },
    async sendRaw(message: RawMailMessage): Promise<MailResult> {
      try {
        const info = await transport.sendMail({
          envelope: { from: message.from, to: [message.to] },
          raw: message.raw,
        });
        if (info.rejected.length > 0) {
          throw new MailDeliveryError(`the server refused ${message.to}: ${info.response}`, true, undefined);
        }
        return { messageId: info.messageId, response: info.response };
      } catch (error) {
        throw toDeliveryError(error);
      }
    },
    async close() {
      transport.close();
    },
  };
}

function toDeliveryError(error: unknown): MailDeliveryError {
  if (error instanceof MailDeliveryError) return error;
  const { responseCode, message } = error as { responseCode?: number; message?: string };
  const permanent = typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600;
  return new MailDeliveryError(message ?? 'sending failed', permanent, responseCode);
}
