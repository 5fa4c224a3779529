import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linksPhase } from './links.ts';
import { input } from './test-input.ts';

test('a link from an account without approved comments is held', async () => {
  assert.deepEqual(await linksPhase.check(input({ body: 'see https://spam.example', approved: 0 })), {
    kind: 'hold',
    reason: 'new-account-links',
  });
});

test('an established account may link; text without links always passes', async () => {
  assert.equal(
    (await linksPhase.check(input({ body: 'see https://news.example', approved: 3 }))).kind,
    'pass',
  );
  assert.equal((await linksPhase.check(input({ body: 'no links, example.com', approved: 0 }))).kind, 'pass');
});
