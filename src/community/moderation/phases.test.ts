import assert from 'node:assert/strict';
import { test } from 'node:test';
import { moderate, moderationPhases } from './phases.ts';
import { goodReader, input, NOW } from './test-input.ts';

test('the phases run in the documented order', () => {
  assert.deepEqual(
    moderationPhases.map((p) => p.name),
    ['account', 'length', 'closed', 'repeated', 'rate', 'banned-words', 'links', 'premoderation'],
  );
});

test('a clean comment is approved; the first refusal or hold decides', async () => {
  assert.deepEqual(await moderate(input()), { kind: 'accept', status: 'approved', holdReason: null });
  const banned = await moderate(input({ reader: { ...goodReader, bannedAt: NOW }, body: '' }));
  assert.equal(banned.kind === 'refuse' && banned.phase, 'account');
  const held = await moderate(
    input({
      body: 'fuck https://x.example',
      approved: 0,
      settings: { siteId: 1, moderationMode: 'pre', bannedWords: [], guidelines: null, closeAfterDays: null },
    }),
  );
  assert.deepEqual(held, { kind: 'accept', status: 'pending', holdReason: 'banned-words' });
});
