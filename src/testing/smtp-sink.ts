/**
 * A real SMTP server on loopback (npm smtp-server) that records what it receives, parsed with
 * mailparser. Tests can make it answer a recipient with a temporary (4xx) or permanent (5xx) error,
 * answer every message only after `delayMs` (a slow server), or hold its answers for a while. Like
 * an MTA, it keeps a message only if it could answer it: one whose client went away before the
 * answer (a killed sender) is dropped, as that sender will rightly send it again.
 */
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  readonly from: string;
  readonly to: readonly string[];
  readonly raw: string;
  readonly parsed: ParsedMail;
}

export interface SmtpSink {
  /** smtp://127.0.0.1:PORT, for SMTP_URL. */
  readonly url: string;
  readonly port: number;
  readonly messages: ReceivedMail[];
  /** Answer RCPT TO for addresses matching `pattern` with `code` (e.g. 451 or 550), `times` times (default always). */
  failRecipient(pattern: RegExp, code: number, times?: number): void;
  /** Resolves once at least `count` messages have arrived (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** Stops answering DATA (messages wait, unacknowledged) until `release()`. */
  hold(): void;
  release(): void;
  /** Messages received and not yet answered (held or delayed). */
  readonly waiting: number;
  /** Messages delivered to one address. */
  to(address: string): ReceivedMail[];
  close(): Promise<void>;
}

export async function startSmtpSink(options: { parse?: boolean; delayMs?: number } = {}): Promise<SmtpSink> {
  const parse = options.parse ?? true;
  const delayMs = options.delayMs ?? 0;
  const closed = new Set<string>();
  let held: Promise<void> | null = null;
  let release = () => {};
  let waiting = 0;
  const messages: ReceivedMail[] = [];
  const failures: { pattern: RegExp; code: number; left: number }[] = [];
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 25 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      const failure = failures.find((f) => f.left > 0 && f.pattern.test(address.address));
      if (failure) {
        failure.left -= 1;
        const error = new Error(`${failure.code} refused by the test sink`) as Error & {
          responseCode: number;
        };
        error.responseCode = failure.code;
        return callback(error);
      }
      callback();
    },
    onClose(session) {
      closed.add(session.id);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        waiting += 1;
        if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
        while (held) await held;
        waiting -= 1;
        if (closed.has(session.id)) return callback(new Error('the client went away'));
        const raw = Buffer.concat(chunks).toString('utf8');
        const parsed = parse ? await simpleParser(raw) : ({} as ParsedMail);
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          parsed,
        });
        for (const wake of waiters.splice(0)) wake();
        callback();
      });
    },
  });
  // A client that dies mid-session (the crash tests SIGKILL the sender) resets its connection;
  // that is expected here, not an error of the sink.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    failRecipient(pattern, code, times = Number.POSITIVE_INFINITY) {
      failures.push({ pattern, code, left: times });
    },
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`expected ${count} messages, the sink has ${messages.length}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return messages;
    },
    hold() {
      held ??= new Promise<void>((resolve) => {
        release = () => {
          held = null;
          resolve();
        };
      });
    },
    release: () => release(),
    get waiting() {
      return waiting;
    },
    to: (address) => messages.filter((m) => m.to.includes(address.toLowerCase()) || m.to.includes(address)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
