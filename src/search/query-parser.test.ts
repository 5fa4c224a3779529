import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FullTextQuery } from '../platform/database/full-text.ts';
import { parseQuery, queryLimits } from './query-parser.ts';

/** The query as `a b* "c d"`-style groups, for short assertions. */
function show(query: FullTextQuery | null) {
  if (!query) return null;
  const term = (t: FullTextQuery['none'][number]) =>
    t.words.length > 1
      ? `"${t.words.join(' ')}"${t.prefix ? '*' : ''}`
      : `${t.words[0]}${t.prefix ? '*' : ''}`;
  return { all: query.all.map((g) => g.map(term).join(' | ')), none: query.none.map(term) };
}

test('words, phrases, prefixes, OR and exclusions', () => {
  assert.deepEqual(show(parseQuery('"peace talks" geneva OR bern -war elect*')), {
    all: ['"peace talks"', 'geneva | bern', 'elect*'],
    none: ['war'],
  });
  // OR binds tighter than the implicit AND; a dangling or doubled OR is ignored.
  assert.deepEqual(show(parseQuery('budget tax OR levy')), { all: ['budget', 'tax | levy'], none: [] });
  assert.deepEqual(show(parseQuery('OR a OR OR b OR')), { all: ['a | b'], none: [] });
  // Lower-case "or" is a word; "-OR" excludes the word.
  assert.deepEqual(show(parseQuery('black or white -OR')), { all: ['black', 'or', 'white'], none: ['OR'] });
});

test('punctuation separates words; a hyphenated or dotted word is a phrase', () => {
  assert.deepEqual(show(parseQuery('e-mail 3.5% (budget)')), {
    all: ['"e mail"', '"3 5"', 'budget'],
    none: [],
  });
  assert.equal(parseQuery('e-mail')!.all[0]![0]!.text, 'e-mail', 'PostgreSQL gets the word as typed');
  assert.deepEqual(show(parseQuery('“curly quotes”')), { all: ['"curly quotes"'], none: [] });
});

test('nothing to look for is null, never an error', () => {
  for (const input of [
    '',
    '   ',
    '"',
    '*',
    '-',
    '- -',
    'OR',
    '-word',
    '😀 🎉',
    '!!! ???',
    '\u0000',
    undefined,
    42,
  ]) {
    assert.equal(parseQuery(input), null, JSON.stringify(input));
  }
});

test('a one-letter prefix is a whole word; input is cut at the limits', () => {
  assert.equal(parseQuery('a*')!.all[0]![0]!.prefix, false);
  assert.equal(parseQuery('ab*')!.all[0]![0]!.prefix, true);
  const many = parseQuery(Array.from({ length: 50 }, (_, i) => `w${i}`).join(' '))!;
  assert.equal(many.all.length, queryLimits.maxTerms);
  const long = parseQuery(`${'x'.repeat(1000)} tail`)!;
  assert.equal(long.all.length, 1);
  assert.equal(long.all[0]![0]!.words[0]!.length, queryLimits.maxLength);
});

test('letters of every script are words; marks stay with their letters', () => {
  assert.deepEqual(show(parseQuery('Καλημέρα مرحبا 東京都 cafe\u0301')), {
    all: ['Καλημέρα', 'مرحبا', '東京都', 'café'],
    none: [],
  });
});
