/** The normalized wire item every format maps to, and the typed refusal of what is not one. */
import type { Block } from '../content/index.ts';

export type WireFormat = 'newsml-g2' | 'ninjs' | 'nitf' | 'rss' | 'atom';
export const wireFormats: readonly WireFormat[] = ['newsml-g2', 'ninjs', 'nitf', 'rss', 'atom'];

/** usable: publish; withheld / canceled: the agency takes it back (a kill). */
export type PubStatus = 'usable' | 'withheld' | 'canceled';

export interface WireSubject {
  /** The agency's code, e.g. "medtop:20000350" or "subj:04000000"; null when only named. */
  readonly code: string | null;
  readonly name: string | null;
}

/** One agency story, whatever format it came in. */
export interface WireItem {
  readonly format: WireFormat;
  /** The agency's globally unique id: the same for every version of the story. */
  readonly guid: string;
  /** Higher is newer. */
  readonly version: number;
  readonly pubStatus: PubStatus;
  readonly headline: string;
  readonly slugline: string | null;
  readonly summary: string;
  readonly body: readonly Block[];
  readonly byline: string | null;
  /** The agency (provider, or the copyright holder when that is all there is). */
  readonly agency: string | null;
  /** "© 2025 Agency. All rights reserved." or the agency's own notice. */
  readonly rightsLine: string | null;
  readonly usageTerms: string | null;
  readonly keywords: readonly string[];
  readonly subjects: readonly WireSubject[];
  /** The dateline place ("New York"), from `located` or the format's equivalent. */
  readonly dateline: string | null;
  readonly language: string | null;
  readonly firstCreated: Date | null;
  readonly versionCreated: Date | null;
  /** Not to be published before this instant. */
  readonly embargo: Date | null;
  /** The licence ends here: the article must come down. */
  readonly licenceEnd: Date | null;
  /** IPTC urgency: 1 most urgent (a flash) to 9 least; null when the item gives none. */
  readonly urgency: number | null;
}

export type RefusalCode =
  | 'too_large'
  | 'bad_encoding'
  | 'hostile_xml'
  | 'malformed_xml'
  | 'malformed_json'
  | 'unknown_format'
  | 'unsupported_format'
  | 'not_a_news_item'
  | 'not_text'
  | 'package'
  | 'no_content'
  | 'invalid_item';

/** Why a file, or one item in it, was not taken. */
export interface Refusal {
  readonly refused: true;
  readonly code: RefusalCode;
  readonly reason: string;
}

export function refusal(code: RefusalCode, reason: string): Refusal {
  return { refused: true, code, reason };
}

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && (value as Refusal).refused === true;
}

/** What one file held: its items and the refusals (of the whole file, or of single items in it). */
export interface ParsedFile {
  readonly format: WireFormat | null;
  readonly items: readonly WireItem[];
  readonly refusals: readonly Refusal[];
}

/**
 * The rights line a reader sees: the agency's notice when it gives one, else built from the
 * holder: "© 2025 Agency. All rights reserved."
 */
export function rightsLineFrom(options: {
  notice?: string | null;
  holder?: string | null;
  year?: number | null;
}): string | null {
  const notice = options.notice?.replace(/\s+/g, ' ').trim();
  if (notice) return notice.slice(0, 300);
  const holder = options.holder?.replace(/\s+/g, ' ').trim();
  if (!holder) return null;
  const year = options.year ?? null;
  return `© ${year !== null ? `${year} ` : ''}${holder}. All rights reserved.`.slice(0, 300);
}

/** A date from a wire timestamp, lenient about the offsets agencies really send ("+0100"). */
export function wireDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  let text = value.trim();
  if (text === '') return null;
  // 2017-10-11T10:41:00+0100 → +01:00; 20151014T043001+0100 (NITF norm) → ISO
  const compact = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})?(.*)$/.exec(text);
  if (compact)
    text = `${compact[1]}-${compact[2]}-${compact[3]}T${compact[4]}:${compact[5]}:${compact[6] ?? '00'}${compact[7]}`;
  text = text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** An IPTC urgency (1 to 9) from a format's text or number; null when absent or out of range. */
export function urgencyOf(value: unknown): number | null {
  const n = typeof value === 'number' ? value : Number.parseInt(String(value ?? '').trim(), 10);
  return Number.isInteger(n) && n >= 1 && n <= 9 ? n : null;
}

/** Trims, collapses whitespace and returns null for empty text. */
export function clean(text: string | null | undefined): string | null {
  const value = text === null || text === undefined ? text : squashSpaces(text);
  return value ? value : null;
}

/** Any whitespace other than a lone space: what `squashSpaces` must rewrite. */
const unsquashed = /[^\S ]| {2}/;

/**
 * `text.replace(/\s+/g, ' ').trim()`, without copying text that is so already (most
 * paragraphs): the replace made a new string whenever the text had a space at all.
 */
export function squashSpaces(text: string): string {
  return (unsquashed.test(text) ? text.replace(/\s+/g, ' ') : text).trim();
}

/**
 * A headline for a story sent without one (it happens: STT abstracts, RSS items with only a
 * description): the first sentence of the summary or body, at most 120 characters. The desk can
 * rewrite it; refusing real copy for a missing headline would lose it.
 */
export function fallbackHeadline(summary: string, body: readonly Block[]): string | null {
  const first = summary || body.map((b) => ('text' in b ? b.text : '')).find((t) => t.trim() !== '') || '';
  const sentence = clean(first.split(/(?<=[.!?])\s/)[0]);
  if (!sentence) return null;
  return sentence.length <= 120 ? sentence : `${sentence.slice(0, 117).replace(/\s+\S*$/, '')}…`;
}
