import assert from 'node:assert/strict';
import { test } from 'node:test';
import { premoderationPhase } from './premoderation.ts';
import { input } from './test-input.ts';

test('pre-moderation holds; post-moderation passes', async () => {
  const settings = { siteId: 1, bannedWords: [], guidelines: null, closeAfterDays: null };
  assert.deepEqual(
    await premoderationPhase.check(input({ settings: { ...settings, moderationMode: 'pre' } })),
    {
      kind: 'hold',
      reason: 'premoderation',
    },
  );
  assert.equal(
    (await premoderationPhase.check(input({ settings: { ...settings, moderationMode: 'post' } }))).kind,
    'pass',
  );
});
