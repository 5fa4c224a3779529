export {
  MailDeliveryError,
  type Mailer,
  type MailMessage,
  type MailResult,
  type RawMailMessage,
} from './mailer.ts';
export { createOutboxMailer } from './outbox-mailer.ts';
export { createSmtpMailer, type SmtpMailerOptions } from './smtp-mailer.ts';

import path from 'node:path';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { Mailer } from './mailer.ts';
import { createOutboxMailer } from './outbox-mailer.ts';
import { createSmtpMailer } from './smtp-mailer.ts';

/** SMTP when SMTP_URL is set; otherwise the outbox folder under the data directory. */
export function createMailer(config: Config, logger: Logger): Mailer {
  if (config.smtpUrl) {
    return createSmtpMailer({
      url: config.smtpUrl,
      from: config.mailFrom,
      ratePerSecond: config.mailRate,
      dkim: config.dkim,
    });
  }
  return createOutboxMailer({ dir: path.join(config.dataDir, 'outbox'), from: config.mailFrom, logger });
}
