import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accountPhase } from './account.ts';
import { goodReader, input, NOW } from './test-input.ts';

test('a reader in good standing passes', async () => {
  assert.equal((await accountPhase.check(input())).kind, 'pass');
});

test('a banned reader is refused with COMMUNITY_ACCOUNT_BANNED', async () => {
  const result = await accountPhase.check(input({ reader: { ...goodReader, bannedAt: NOW } }));
  assert.equal(result.kind, 'refuse');
  assert.equal(
    result.kind === 'refuse' && (result.error as { code?: string }).code,
    'COMMUNITY_ACCOUNT_BANNED',
  );
});

test('a suspension refuses until it lapses, and says until when', async () => {
  const until = new Date(NOW.getTime() + 3600_000);
  const suspended = { ...goodReader, suspendedUntil: until };
  const result = await accountPhase.check(input({ reader: suspended }));
  assert.equal(result.kind, 'refuse');
  assert.match(
    result.kind === 'refuse' ? result.error.message : '',
    /suspended from commenting until Tue, 21 Oct 2025 13:05:00 GMT/,
  );
  assert.equal((await accountPhase.check(input({ reader: suspended, now: until }))).kind, 'pass');
});
