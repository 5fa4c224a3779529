/**
 * Hard or soft: whether a failed delivery says the address is gone (suppress it) or that this
 * attempt failed for a reason that may pass (count it).
 */
export type BounceKind = 'hard' | 'soft';

/**
 * RFC 3463 statuses of class 5 that are about the message or the sender, not the address: a full
 * mailbox (5.2.2), a message too big (5.2.3, 5.3.4) and policy refusals (5.7.x: spam filters,
 * blocked senders). Suppressing on those would drop good readers after one bad day.
 */
const SOFT_PERMANENT = /^5\.(2\.2|2\.3|3\.4|7\.\d{1,3})$/;

const HARD_WORDS =
  /user unknown|unknown user|no such (user|recipient|mailbox|address)|does not exist|doesn't exist|address rejected|invalid (recipient|mailbox|address)|recipient (address )?(rejected|not found|unknown)|mailbox (unavailable|not found|disabled)|account (has been )?(disabled|deactivated|closed)|not a valid (mailbox|recipient)|unrouteable|no mailbox/i;
const SOFT_WORDS =
  /mailbox (is )?full|over ?quota|quota exceeded|insufficient (storage|space)|temporar|try again|timed? ?out|deferred|delayed|greylist|rate limit|too many/i;

/** The RFC 3463 enhanced status in a text, e.g. "5.1.1" from "550 5.1.1 User unknown". */
export function statusIn(text: string): string | null {
  return /\b([245])\.(\d{1,3})\.(\d{1,3})\b/.exec(text)?.slice(1).join('.') ?? null;
}

/** The first SMTP reply code (4xx or 5xx) in a text. */
export function replyCodeIn(text: string): number | null {
  const match = /(?:^|[\s:;(])([45][0-7]\d)(?=[\s-])/.exec(text);
  return match ? Number(match[1]) : null;
}

/**
 * Classifies one failed recipient from what the report says (any of them may be missing).
 * Answers null when the report says it was delivered after all (a success DSN).
 *
 * @example
 * classify({ action: 'failed', status: '5.1.1' }); // 'hard'
 * classify({ action: 'delayed', status: '4.4.1' }); // 'soft'
 */
export function classify(report: {
  action?: string | null;
  status?: string | null;
  diagnostic?: string | null;
}): BounceKind | null {
  const action = report.action?.toLowerCase().trim();
  if (action === 'delivered' || action === 'relayed' || action === 'expanded') return null;
  if (action === 'delayed') return 'soft';
  const diagnostic = report.diagnostic ?? '';
  const status = report.status?.trim() || statusIn(diagnostic);
  if (status?.startsWith('2.')) return null;
  if (status?.startsWith('4.')) return 'soft';
  if (status?.startsWith('5.')) {
    if (status === '5.0.0' || status === '5.5.0') return wordsOr(diagnostic, 'hard');
    return SOFT_PERMANENT.test(status) ? 'soft' : 'hard';
  }
  const code = replyCodeIn(diagnostic);
  if (code !== null) return code >= 500 ? wordsOr(diagnostic, 'hard') : 'soft';
  // "failed" with nothing more to go on: the reporting server gave up on the address.
  return wordsOr(diagnostic, action === 'failed' ? 'hard' : 'soft');
}

/** A generic status says little; the server's words may say more. */
function wordsOr(text: string, fallback: BounceKind): BounceKind {
  if (SOFT_WORDS.test(text)) return 'soft';
  if (HARD_WORDS.test(text)) return 'hard';
  return fallback;
}

/** Whether a non-standard bounce's words name a delivery failure at all. */
export function soundsLikeFailure(text: string): boolean {
  return HARD_WORDS.test(text) || SOFT_WORDS.test(text) || replyCodeIn(text) !== null;
}
