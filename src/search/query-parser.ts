import type { FullTextQuery, FullTextTerm } from '../platform/database/full-text.ts';

/** How much of a reader's query is read: longer input is cut, never refused here. */
export const queryLimits = Object.freeze({
  /** Code points. */
  maxLength: 256,
  /** Words, phrases and exclusions together. */
  maxTerms: 12,
  /** A prefix shorter than this would match most of the archive; it is searched as a whole word. */
  minPrefixLength: 2,
});

type Item =
  | { readonly or: true }
  | { readonly or: false; readonly negated: boolean; readonly term: FullTextTerm };

// Control, format, surrogate, private-use and unassigned characters separate words like spaces do;
// a NUL or a lone surrogate never reaches a database.
const invisible = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/gu;
const curlyQuotes = /[“”„‟«»＂]/g;
const wordRun = /[\p{L}\p{N}\p{M}]+/gu;
const letterOrDigit = /[\p{L}\p{N}]/u;
const space = /\s/u;

/**
 * Reads what a reader typed: words, "quoted phrases", a trailing `*` for a prefix, `OR` between two
 * terms and a leading `-` to exclude one. Everything else only separates words, so no input is an
 * error. Returns null when nothing is left to look for (empty input, only punctuation or emoji,
 * only exclusions).
 *
 * Groups joined by OR bind tighter than the implicit AND: `budget tax OR levy` finds budget and
 * (tax or levy).
 *
 * @example
 * parseQuery('"peace talks" geneva OR bern -war elect*');
 */
export function parseQuery(input: unknown): FullTextQuery | null {
  if (typeof input !== 'string') return null;
  const text = Array.from(input.normalize('NFC').replace(invisible, ' ').replace(curlyQuotes, '"'))
    .slice(0, queryLimits.maxLength)
    .join('');
  const items = scan(text);

  const all: FullTextTerm[][] = [];
  const none: FullTextTerm[] = [];
  let terms = 0;
  let orPending = false;
  let lastWasPositive = false;
  for (const item of items) {
    if (item.or) {
      orPending = lastWasPositive;
      continue;
    }
    if (terms >= queryLimits.maxTerms) break;
    terms++;
    if (item.negated) {
      none.push(item.term);
      lastWasPositive = false;
    } else {
      if (orPending) all.at(-1)!.push(item.term);
      else all.push([item.term]);
      lastWasPositive = true;
    }
    orPending = false;
  }
  return all.length > 0 ? { all, none } : null;
}

function scan(text: string): Item[] {
  const items: Item[] = [];
  let i = 0;
  while (i < text.length) {
    if (space.test(text[i]!)) {
      i++;
      continue;
    }
    let negated = false;
    if (text[i] === '-') {
      negated = true;
      i++;
      if (i >= text.length || space.test(text[i]!)) continue;
    }
    let raw: string;
    let prefix = false;
    if (text[i] === '"') {
      const end = text.indexOf('"', i + 1);
      raw = end === -1 ? text.slice(i + 1) : text.slice(i + 1, end);
      i = end === -1 ? text.length : end + 1;
      while (text[i] === '*') {
        prefix = true;
        i++;
      }
    } else {
      let j = i;
      while (j < text.length && text[j] !== '"' && !space.test(text[j]!)) j++;
      raw = text.slice(i, j);
      i = j;
      if (raw === 'OR' && !negated) {
        items.push({ or: true });
        continue;
      }
      prefix = raw.endsWith('*');
    }
    const term = toTerm(raw, prefix);
    if (term) items.push({ or: false, negated, term });
  }
  return items;
}

function toTerm(raw: string, prefix: boolean): FullTextTerm | null {
  const words = (raw.match(wordRun) ?? []).filter((w) => letterOrDigit.test(w));
  if (words.length === 0) return null;
  const last = words.at(-1)!;
  return {
    // Stars are the only operator PostgreSQL's phrase parser could still see; the rest is plain text.
    text: raw.replaceAll('*', ' ').trim(),
    words,
    prefix: prefix && Array.from(last).length >= queryLimits.minPrefixLength,
  };
}
