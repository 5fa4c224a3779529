import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hitTest, markHits, passage } from './highlight.ts';
import { parseQuery } from './query-parser.ts';
import type { Segment } from './segments.ts';

const isHit = (text: string) => hitTest(parseQuery(text)!);
const shown = (segments: readonly Segment[]) =>
  segments.map((s) => (s.hit ? `[${s.text}]` : s.text)).join('');
const body = Array.from({ length: 60 }, (_, i) => `w${i}`).join(' ');

test('the passage starts a few words before the first hit (a quarter at most), holds the size asked for and says where the body goes on', () => {
  const text = `${body} The harbour dredging starts in May; dredging ends in June.`;
  assert.equal(
    shown(passage(text, isHit('dredging'), 8)),
    '… The harbour [dredging] starts in May; [dredging] ends …',
  );
  assert.equal(shown(passage('Dredging starts.', isHit('dredging'), 8)), '[Dredging] starts.');
});

test('without a hit in the body, its opening words', () => {
  assert.equal(shown(passage(body, isHit('absent'), 4)), 'w0 w1 w2 w3 …');
  assert.deepEqual(passage('', isHit('absent'), 4), []);
});

test('case, accents and prefixes compare as the index compares them; each word of a phrase is marked', () => {
  const text = 'Der Bürgermeister sprach. Election results came in; the ELECTORAL board met.';
  assert.equal(shown(passage(text, isHit('burgermeister'), 3)), '… [Bürgermeister] sprach. Election …');
  assert.equal(
    shown(passage(text, isHit('elect*'), 9)),
    '… Bürgermeister sprach. [Election] results came in; the [ELECTORAL] board …',
  );
  assert.equal(shown(passage(text, isHit('"results came"'), 3)), '… [results] [came] in; …');
  assert.equal(
    shown(markHits('Café owners and cafe regulars', isHit('CAFE'))),
    '[Café] owners and [cafe] regulars',
  );
});

test('a hit near the end still shows a full passage; a headline is marked whole; words in other scripts are whole words', () => {
  assert.equal(shown(passage(`${body} last.`, isHit('last'), 4)), '… w57 w58 w59 [last].');
  assert.equal(shown(passage('alpha beta', isHit('beta OR alpha'), 28)), '[alpha] [beta]');
  assert.equal(shown(markHits('Harbour talks resume', isHit('talks -war'))), 'Harbour [talks] resume');
  assert.equal(shown(markHits('No hit here', isHit('absent'))), 'No hit here');
  assert.equal(shown(markHits('हिन्दी समाचार', isHit('हिन्दी'))), '[हिन्दी] समाचार');
  assert.equal(shown(markHits('東京で地震', isHit('東京で地震'))), '[東京で地震]');
});
