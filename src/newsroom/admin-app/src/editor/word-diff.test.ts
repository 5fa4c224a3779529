import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sideOf, wordDiff } from './word-diff.ts';

describe('word diff', () => {
  test('marks the changed words only', () => {
    const parts = wordDiff('Council approves harbor budget', 'Council rejects harbor budget');
    assert.deepEqual(
      parts.filter((p) => p.kind !== 'same').map((p) => [p.kind, p.text]),
      [
        ['removed', 'approves'],
        ['added', 'rejects'],
      ],
    );
  });
  test('each side is given back whole, spacing and punctuation included', () => {
    const older = 'The bridge opens on Monday.\n\nTraffic will  be light.';
    const newer = 'The new bridge opens on Tuesday, officials said.\n\nTraffic will be light.';
    const parts = wordDiff(older, newer);
    assert.equal(sideOf(parts, 'older'), older);
    assert.equal(sideOf(parts, 'newer'), newer);
  });
  test('identical texts are one unchanged part; two empty texts none', () => {
    assert.deepEqual(wordDiff('same words', 'same words'), [{ text: 'same words', kind: 'same' }]);
    assert.deepEqual(wordDiff('', ''), []);
  });
  test('text added to an empty field is all added', () => {
    assert.deepEqual(wordDiff('', 'A summary'), [{ text: 'A summary', kind: 'added' }]);
  });
});
