import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Logger } from '../logger.ts';
import type { Mailer, MailMessage, MailResult, RawMailMessage } from './mailer.ts';

/**
 * Without SMTP_URL (a fresh `npm start`), mail is written as .eml files to an outbox folder and
 * logged, so a person trying Dateline can still follow a sign-in or confirmation link.
 */
export function createOutboxMailer(options: { dir: string; from: string; logger: Logger }): Mailer {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(message: MailMessage): Promise<MailResult> {
      const info = await composer.sendMail({
        from: message.from ?? options.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        ...(message.headers ? { headers: { ...message.headers } } : {}),
        ...(message.messageId ? { messageId: message.messageId } : {}),
      });
      await mkdir(options.dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const file = path.join(options.dir, `${stamp}-${randomUUID().slice(0, 8)}.eml`);
      await writeFile(file, info.message as Buffer);
      options.logger.info(
        { to: message.to, subject: message.subject, file },
        'no SMTP_URL: mail saved to the outbox',
      );
      return { messageId: info.messageId, response: `saved to ${file}` };
    },
    async sendRaw(message: RawMailMessage): Promise<MailResult> {
      await mkdir(options.dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const file = path.join(options.dir, `${stamp}-${randomUUID().slice(0, 8)}.eml`);
      await writeFile(file, message.raw);
      options.logger.info({ to: message.to, file }, 'no SMTP_URL: mail saved to the outbox');
      return { messageId: '', response: `saved to ${file}` };
    },
    async close() {
      composer.close();
    },
  };
}
