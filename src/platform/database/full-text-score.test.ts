import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FullTextQuery, FullTextTerm } from './full-text.ts';
import { columnScorer } from './full-text-score.ts';

/** A small reading of the search capability's syntax (platform imports no capability): words, "phrases", `*`, OR, -. */
function parse(text: string): FullTextQuery {
  const all: FullTextTerm[][] = [];
  const none: FullTextTerm[] = [];
  let or = false;
  for (const [, minus, raw, star] of text.matchAll(/(-?)("[^"]*"|\S+?)(\*?)(?=\s|$)/g)) {
    if (raw === 'OR') {
      or = true;
      continue;
    }
    const term = {
      text: raw!.replaceAll('"', ''),
      words: raw!.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [],
      prefix: star === '*',
    };
    if (minus) none.push(term);
    else if (or) all.at(-1)!.push(term);
    else all.push([term]);
    or = false;
  }
  return { all, none };
}

const score = (query: string, headline: string, summary = '') =>
  columnScorer(parse(query))(headline, summary);

test('a group counts 8 in the headline, 3 in the summary, else 1 (the body)', () => {
  assert.equal(score('harbour', 'Harbour reopens'), 8);
  assert.equal(score('harbour', 'Port reopens', 'The harbour is open again.'), 3);
  assert.equal(score('harbour', 'Port reopens', 'Ships are back.'), 1);
  assert.equal(score('harbour bridge', 'Harbour reopens', 'The bridge too.'), 11);
  // A group scores by its best term.
  assert.equal(score('harbour tax OR levy', 'Levy on ships', 'The harbour…'), 11);
});

test('words are whole, phrases in order, a prefix starts a word; case and accents do not matter', () => {
  assert.equal(score('harbour', 'Harbours reopen'), 1);
  assert.equal(score('harbour*', 'Harbours reopen'), 8);
  assert.equal(score('bour*', 'Harbours reopen'), 1);
  assert.equal(score('"peace talks"', 'Peace talks resume'), 8);
  assert.equal(score('"peace talks"', 'Talks of peace resume'), 1);
  assert.equal(score('"peace talks"', 'Peace—talks resume'), 8, 'punctuation separates words');
  assert.equal(score('cafe', 'Café Zwölf opens'), 8);
  assert.equal(score('ZWÖLF', 'Café zwolf opens'), 8);
  assert.equal(score('city', 'The city’s mayor'), 8);
});

test('exclusions do not score', () => {
  assert.equal(score('harbour -bridge', 'Harbour reopens', 'No bridge.'), 8);
});
