import type { FullTextQuery, FullTextTerm } from './full-text.ts';

/**
 * Relevance computed over the candidates only, from their headline and summary: each group of the
 * query counts 8 when one of its terms is in the headline, 3 in the summary, else 1 (it matched the
 * body), the weights bm25 and ts_rank were given. Ties are broken by the caller (newest first).
 *
 * SQLite's candidates use it instead of bm25(), which reads every phrase's statistics over the
 * whole index before it returns a row (12 ms of CPU for one common word on 100,000 articles). The
 * candidates are at most a few hundred short headlines and summaries: about half a millisecond.
 *
 * Words are compared as FTS5 compares them: letter-and-digit runs, without case or
 * accents. A term this misses only ranks lower, never drops a result: the index decided the
 * matches.
 *
 * @example
 * const score = columnScorer(parseQuery('"peace talks" geneva')!);
 * score('Peace talks open in Geneva', ''); // 16
 */
export function columnScorer(query: FullTextQuery): (headline: string, summary: string) => number {
  const groups = query.all.map((group) => group.map(termPattern));
  return (headline, summary) => {
    const inHeadline = new ColumnText(headline);
    const inSummary = new ColumnText(summary);
    let score = 0;
    for (const group of groups) {
      if (group.some((term) => inHeadline.has(term))) score += 8;
      else if (group.some((term) => inSummary.has(term))) score += 3;
      else score += 1;
    }
    return score;
  };
}

const marks = /\p{M}+/gu;
const word = /[\p{L}\p{N}]+/gu;
const nonAscii = /[^ -~]/;

export function normalise(text: string): string {
  const lower = text.toLowerCase();
  // Decomposing is most of the cost, and only text beyond printable ASCII (accents) needs it.
  return nonAscii.test(lower) ? lower.normalize('NFD').replace(marks, '') : lower;
}

/** A term as a pattern over normalised text: its words in order, whole (the last one may be a prefix). */
function termPattern(term: FullTextTerm): TermPattern | null {
  const words = normalise(term.words.join(' ')).match(word);
  if (!words) return null;
  // The words hold only letters and digits: nothing to escape.
  const end = term.prefix ? '' : '(?![\\p{L}\\p{N}])';
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${words.join('[^\\p{L}\\p{N}]+')}${end}`, 'u');
  return { first: words[0]!, pattern };
}

interface TermPattern {
  /** The first word: most columns do not hold it, which a substring search tells fastest. */
  readonly first: string;
  readonly pattern: RegExp;
}

/** One column's text, normalised once, when a term is first looked for in it. */
class ColumnText {
  #text: string | null = null;

  constructor(readonly raw: string) {}

  has(term: TermPattern | null): boolean {
    if (!term) return false;
    this.#text ??= normalise(this.raw);
    return this.#text.includes(term.first) && term.pattern.test(this.#text);
  }
}
