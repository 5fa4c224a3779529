/**
 * The Mailer port: every capability that sends email (sign-in links, password resets,
 * newsletter editions, reply notifications) talks to this interface, never to nodemailer.
 */
export interface MailMessage {
  /** Defaults to the configured MAIL_FROM. */
  readonly from?: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  /** Extra headers, e.g. List-Unsubscribe. */
  readonly headers?: Readonly<Record<string, string>>;
  /** A stable Message-ID lets a receiver drop a duplicate after a crash-and-resend. */
  readonly messageId?: string;
}

export interface MailResult {
  readonly messageId: string;
  /** The server's last reply, e.g. "250 2.0.0 Ok: queued". */
  readonly response: string;
}

/**
 * A message already composed as RFC 5322 bytes (headers and MIME body), with its envelope. Bulk
 * senders compose an edition once and fill in each reader's parts, which is several times cheaper
 * than building every message's MIME tree; DKIM signing (when configured) still applies.
 */
export interface RawMailMessage {
  /** The envelope sender (MAIL FROM), a bare address. */
  readonly from: string;
  /** The envelope recipient (RCPT TO). */
  readonly to: string;
  readonly raw: Buffer;
}

export interface Mailer {
  send(message: MailMessage): Promise<MailResult>;
  sendRaw(message: RawMailMessage): Promise<MailResult>;
  close(): Promise<void>;
}

/**
 * The server refused or could not take a message. `permanent` (a 5xx reply) means do not retry
 * and suppress the address; otherwise (4xx, a dropped connection, a timeout) retry later.
 */
export class MailDeliveryError extends Error {
  override name = 'MailDeliveryError';
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly responseCode: number | undefined,
  ) {
    super(message);
  }
}
