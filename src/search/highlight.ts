import type { FullTextQuery } from '../platform/database/full-text.ts';
import { normalise } from '../platform/database/full-text-score.ts';
import type { Segment } from './segments.ts';

/**
 * Hits are marked here, in JavaScript, over the text the index holds, the same way on both
 * dialects. The databases' own highlighters cost more than the search: PostgreSQL's ts_headline
 * parses each body whole (18–28 ms for a page of 20 on 100,000 articles), FTS5's highlight() and
 * snippet() run the query again. This reads a body only up to the end of its passage.
 *
 * Words are compared as the index compares them: runs of letters, digits and marks (as the query
 * parser reads them), without case or accents; a term's last word may be a prefix. Each word of a
 * phrase is marked wherever it appears, as ts_headline marks them: a passage is a pointer to
 * read, not a proof of the match (the index decided that).
 */

/** Tells whether a word of the text is one the query looks for. */
export type HitTest = (word: string) => boolean;

const wordRun = /[\p{L}\p{N}\p{M}]+/gu;

export function hitTest(query: FullTextQuery): HitTest {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const group of query.all) {
    for (const term of group) {
      term.words.forEach((w, i) => {
        const folded = normalise(w);
        if (term.prefix && i === term.words.length - 1) prefixes.push(folded);
        else exact.add(folded);
      });
    }
  }
  return (word) => {
    const folded = normalise(word);
    return exact.has(folded) || prefixes.some((p) => folded.startsWith(p));
  };
}

/** The whole text (a headline, a summary) with its hits marked. */
export function markHits(text: string, isHit: HitTest): Segment[] {
  const out = new Segments();
  let at = 0;
  for (const m of text.matchAll(wordRun)) {
    if (!isHit(m[0])) continue;
    out.add(text.slice(at, m.index), false);
    out.add(m[0], true);
    at = m.index + m[0].length;
  }
  out.add(text.slice(at), false);
  return out.list;
}

/**
 * The passage of a body shown under a result: `size` words from a few words before the first
 * hit, with `…` where the body goes on; the body's opening words when it has no hit.
 *
 * @example
 * passage('The council met. Dredging starts in May.', hitTest(parseQuery('dredging')!), 4);
 * // … met. [Dredging] starts in …  (as segments)
 */
export function passage(body: string, isHit: HitTest, size: number): Segment[] {
  const words: { start: number; end: number; hit: boolean }[] = [];
  let first = -1;
  for (const m of body.matchAll(wordRun)) {
    const hit = isHit(m[0]);
    words.push({ start: m.index, end: m.index + m[0].length, hit });
    if (hit && first < 0) first = words.length - 1;
    if (first >= 0 && words.length >= first + size) break;
  }
  if (words.length === 0) return [];
  const lead = Math.min(leadIn, Math.floor(size / 4));
  const from = first < 0 ? 0 : Math.max(0, Math.min(first - lead, words.length - size));
  const shown = words.slice(from, from + size);
  const out = new Segments();
  if (from > 0) out.add('… ', false);
  let at = shown[0]!.start;
  for (const w of shown) {
    out.add(body.slice(at, w.start), false);
    out.add(body.slice(w.start, w.end), w.hit);
    at = w.end;
  }
  const end = shown.at(-1)!.end;
  // Closing punctuation belongs to the last word; anything after it is the rest of the body.
  const tail = /^[^\s\p{L}\p{N}\p{M}]*/u.exec(body.slice(end, end + 8))![0];
  out.add(tail, false);
  if (/[\p{L}\p{N}]/u.test(body.slice(end + tail.length))) out.add(' …', false);
  return out.list;
}

/** Words shown before the first hit (at most a quarter of the passage), so it does not start on it. */
const leadIn = 3;

/** Segments in order, neighbours of the same kind merged, empty text dropped. */
class Segments {
  readonly list: Segment[] = [];

  add(text: string, hit: boolean): void {
    if (text.length === 0) return;
    const last = this.list.at(-1);
    if (last && last.hit === hit) this.list[this.list.length - 1] = { text: last.text + text, hit };
    else this.list.push({ text, hit });
  }
}
