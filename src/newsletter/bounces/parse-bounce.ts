/**
 * Reads a bounce message (raw RFC 822): an RFC 3464 delivery status notification
 * (multipart/report; report-type=delivery-status, or RFC 6533's global variant), or one of the
 * common non-standard bounces (qmail, older Exim, plain "undeliverable" notices) found by their
 * words. Pure: no database; `BounceInbox` records what this answers.
 */
import { createHash } from 'node:crypto';
import { type Attachment, type ParsedMail, simpleParser } from 'mailparser';
import { type BounceKind, classify, soundsLikeFailure, statusIn } from './classify.ts';

export interface BouncedRecipient {
  /** Lower-cased; null when only the quoted Message-ID names who it was (rare, non-standard). */
  readonly email: string | null;
  readonly kind: BounceKind;
  /** RFC 3463 status, e.g. "5.1.1". */
  readonly status: string | null;
  /** The remote server's words (Diagnostic-Code, or the bounce's text around the address). */
  readonly diagnostic: string | null;
}

/** The edition and subscriber our Message-ID names (`<edition-E.subscriber-S@host>`). */
export interface OriginalMessage {
  readonly editionId: number;
  readonly subscriberId: number;
}

export type ParsedBounce =
  | {
      readonly bounce: true;
      /** The report's Message-ID, or a hash of the message when it has none. */
      readonly reportId: string;
      /** 'dsn' for RFC 3464 reports, 'heuristic' for the non-standard ones. */
      readonly format: 'dsn' | 'heuristic';
      readonly recipients: readonly BouncedRecipient[];
      /** Our Message-IDs quoted in the report (its attached headers or copy). */
      readonly originals: readonly OriginalMessage[];
    }
  | { readonly bounce: false; readonly reason: string };

/** Bigger than any bounce a mail server sends back (they quote at most the original). */
export const MAX_BOUNCE_BYTES = 10 * 1024 * 1024;

const OUR_MESSAGE_ID = /<edition-(\d{1,10})\.subscriber-(\d{1,10})@[^>\s]+>/g;
const ADDRESS =
  /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+/g;
const BOUNCE_SUBJECT =
  /undeliver|undelivered|delivery (status notification|failure|has failed|problem)|returned mail|failure notice|mail delivery (failed|failure|system)|could not be delivered|non[- ]?delivery|delivery notification|mail system error|rejected/i;
const DAEMON = /^(mailer-daemon|postmaster|mail-daemon|mailer|bounce[s]?|mdaemon|noreply-dmarc)@/i;
const AUTO_REPLY_SUBJECT =
  /out of (the )?office|auto(matic)?[- ]?(reply|response)|abwesenheit|vacation|away from/i;

export async function parseBounce(raw: Buffer | string): Promise<ParsedBounce> {
  const bytes = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
  if (bytes.length === 0) return { bounce: false, reason: 'the message is empty' };
  if (bytes.length > MAX_BOUNCE_BYTES) return { bounce: false, reason: 'the message is larger than 10 MB' };
  const head = bytes.subarray(0, 64 * 1024).toString('latin1');
  if (!/^[\x21-\x39\x3b-\x7e]+:/m.test(head.split(/\r?\n\r?\n/)[0] ?? ''))
    return { bounce: false, reason: 'this is not an email message (no header fields)' };
  // keepDeliveryStatus: the machine-readable part stays a part of its own instead of joining the text.
  const mail = await simpleParser(bytes, {
    keepDeliveryStatus: true,
    skipImageLinks: true,
    skipTextToHtml: true,
  });
  const reportId =
    mail.messageId?.slice(0, 300) ?? `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
  const originals = ourMessageIds(bytes.toString('latin1'));

  const statusPart = mail.attachments.find((a) =>
    /^message\/(global-)?delivery-status$/i.test(a.contentType),
  );
  if (statusPart) {
    const recipients = readDeliveryStatus(statusPart.content.toString('utf8'));
    if (recipients.length === 0)
      return { bounce: false, reason: 'the delivery report says every message was delivered' };
    return { bounce: true, reportId, format: 'dsn', recipients, originals };
  }
  if (isAutoReply(mail)) return { bounce: false, reason: 'this is an automatic reply, not a bounce' };
  if (!looksLikeBounce(mail))
    return { bounce: false, reason: 'this is neither a delivery status notification nor a bounce' };
  const recipients = heuristicRecipients(mail);
  if (recipients.length === 0 && originals.length === 0)
    return { bounce: false, reason: 'the bounce names no recipient that could be read' };
  const kind = recipients[0]?.kind ?? classify({ action: 'failed', diagnostic: bodyText(mail) });
  return {
    bounce: true,
    reportId,
    format: 'heuristic',
    recipients: recipients.length
      ? recipients
      : [{ email: null, kind: kind ?? 'hard', status: statusIn(bodyText(mail)), diagnostic: null }],
    originals,
  };
}

/**
 * The per-recipient groups of a message/delivery-status body (RFC 3464 §2.1: the per-message
 * fields, a blank line, then one group per recipient, each a block of header-like fields).
 */
export function readDeliveryStatus(body: string): BouncedRecipient[] {
  const groups = body
    .replace(/\r\n/g, '\n')
    .split(/\n[ \t]*\n/)
    .map(fieldsOf)
    .filter((f) => f.has('final-recipient') || f.has('original-recipient'));
  const found: BouncedRecipient[] = [];
  for (const fields of groups) {
    const email = addressOf(fields.get('final-recipient')) ?? addressOf(fields.get('original-recipient'));
    const diagnostic = fields.get('diagnostic-code')?.replace(/^[a-z-]+;\s*/i, '') ?? null;
    const status = /^\d\.\d{1,3}\.\d{1,3}/.exec(fields.get('status') ?? '')?.[0] ?? null;
    const kind = classify({ action: fields.get('action'), status, diagnostic });
    if (!kind || !email) continue;
    found.push({ email, kind, status, diagnostic: diagnostic?.slice(0, 500) ?? null });
  }
  return found;
}

/** Header-like "Name: value" lines, with folded continuation lines joined. */
function fieldsOf(block: string): Map<string, string> {
  const fields = new Map<string, string>();
  let last: string | null = null;
  for (const line of block.split('\n')) {
    if (/^[ \t]/.test(line) && last) {
      fields.set(last, `${fields.get(last)} ${line.trim()}`);
      continue;
    }
    const match = /^([A-Za-z][A-Za-z0-9-]*):\s*(.*)$/.exec(line);
    if (!match) continue;
    last = match[1]!.toLowerCase();
    if (!fields.has(last)) fields.set(last, match[2]!.trim());
  }
  return fields;
}

/** "rfc822; Someone@Example.org" (or "utf-8; …", RFC 6533) → the address. */
function addressOf(value: string | undefined): string | null {
  if (!value) return null;
  const address = value.includes(';') ? value.slice(value.indexOf(';') + 1) : value;
  const match = new RegExp(ADDRESS.source).exec(address.replace(/[<>]/g, ' '));
  return match ? match[0].toLowerCase() : null;
}

function ourMessageIds(text: string): OriginalMessage[] {
  const seen = new Map<string, OriginalMessage>();
  for (const m of text.matchAll(OUR_MESSAGE_ID)) {
    seen.set(`${m[1]}.${m[2]}`, { editionId: Number(m[1]), subscriberId: Number(m[2]) });
  }
  return [...seen.values()];
}

function isAutoReply(mail: ParsedMail): boolean {
  const autoSubmitted = String(mail.headers.get('auto-submitted') ?? '').toLowerCase();
  const subject = mail.subject ?? '';
  if (BOUNCE_SUBJECT.test(subject)) return false;
  return (
    AUTO_REPLY_SUBJECT.test(subject) ||
    autoSubmitted === 'auto-replied' ||
    mail.headers.has('x-autoreply') ||
    mail.headers.has('x-autorespond')
  );
}

function looksLikeBounce(mail: ParsedMail): boolean {
  const from = mail.from?.value[0]?.address ?? '';
  const returnPath = String(mail.headers.get('return-path') ?? '');
  const nullSender = /<\s*>/.test(returnPath) || returnPath.trim() === '';
  const subjectSays = BOUNCE_SUBJECT.test(mail.subject ?? '');
  const fromDaemon = DAEMON.test(from);
  if (!(subjectSays || fromDaemon || (nullSender && mail.headers.has('return-path')))) return false;
  return soundsLikeFailure(bodyText(mail));
}

function bodyText(mail: ParsedMail): string {
  return String(mail.text ?? '');
}

/**
 * A non-standard bounce names the failed address in its text, usually with the server's answer
 * right after it ("<a@b>: 550 5.1.1 User unknown", qmail; "a@b\n  SMTP error … 550 …", Exim).
 * When it quotes the original message, the original's To: is the most precise answer.
 */
function heuristicRecipients(mail: ParsedMail): BouncedRecipient[] {
  const text = bodyText(mail);
  const ours = new Set(
    [...(mail.to ? [mail.to].flat().flatMap((a) => a.value) : []), ...(mail.from?.value ?? [])]
      .map((a) => a.address?.toLowerCase())
      .filter((a): a is string => !!a),
  );
  const quotedTo = quotedRecipients(mail, text);
  const candidates = quotedTo.length
    ? quotedTo
    : [...new Set([...text.matchAll(ADDRESS)].map((m) => m[0].toLowerCase()))].filter(
        (a) => !ours.has(a) && !DAEMON.test(a),
      );
  const found: BouncedRecipient[] = [];
  for (const email of candidates.slice(0, 50)) {
    const at = text.toLowerCase().indexOf(email);
    // The server's words follow the address; without it (only in the quoted copy) use the whole text.
    const around = at >= 0 ? text.slice(at, at + 600) : text.slice(0, 2000);
    const kind = classify({ action: 'failed', diagnostic: around });
    if (!kind) continue;
    const diagnostic = around
      .split('\n')
      .map((l) => l.trim())
      .find((l) => /\b[45]\d\d\b|[45]\.\d{1,3}\.\d{1,3}/.test(l));
    found.push({ email, kind, status: statusIn(around), diagnostic: diagnostic?.slice(0, 500) ?? null });
  }
  return found;
}

/** The To: of the original message, when the bounce attaches or quotes it. */
function quotedRecipients(mail: ParsedMail, text: string): string[] {
  const copies: string[] = mail.attachments
    .filter((a: Attachment) => /^(message\/(global|rfc822)|text\/rfc822-headers)$/i.test(a.contentType))
    .map((a) => a.content.toString('utf8'));
  const inline =
    /-{3,}\s*(this is a copy of the message|below this line is a copy of the message|original message|undelivered message)[^\n]*\n([\s\S]*)/i.exec(
      text,
    );
  if (inline) copies.push(inline[2]!);
  const found = new Set<string>();
  for (const copy of copies) {
    const headers = copy.replace(/\r\n/g, '\n').split(/\n\n/)[0] ?? '';
    const to = fieldsOf(headers).get('to');
    for (const m of (to ?? '').matchAll(ADDRESS)) found.add(m[0].toLowerCase());
  }
  return [...found];
}
