import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bannedWordsPhase, hasBannedWords, normaliseBannedWord } from './banned-words.ts';
import { input } from './test-input.ts';

test('profanity is held, also when obfuscated', async () => {
  for (const body of ['what the fuck', 'sh1t happens', 'fuuuuck', 'fück this', 'ƒuck']) {
    assert.deepEqual(
      await bannedWordsPhase.check(input({ body })),
      { kind: 'hold', reason: 'banned-words' },
      body,
    );
  }
});

test('ordinary words that contain a bad one pass (Scunthorpe, assess)', async () => {
  for (const body of ['We visited Scunthorpe', 'Let us assess the class of bass players']) {
    assert.equal((await bannedWordsPhase.check(input({ body }))).kind, 'pass', body);
  }
});

test("the brand's own words are held, in any case and with look-alike characters", () => {
  assert.equal(hasBannedWords('Buy CR7PTO now', ['crypto']), false);
  assert.equal(hasBannedWords('Buy CRYPTO now', ['crypto']), true);
  assert.equal(hasBannedWords('Buy cryyypto now', ['crypto']), true);
  assert.equal(hasBannedWords('cryptography lecture', ['crypto']), false);
});

test('brand words are cleaned to letters, digits and spaces', () => {
  assert.equal(normaliseBannedWord('  Spam-Bot!  '), 'spambot');
  assert.equal(normaliseBannedWord('x'), null);
});
