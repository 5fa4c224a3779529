import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closedPhase } from './closed.ts';
import { input, NOW } from './test-input.ts';

const settings = (closeAfterDays: number | null) => ({
  siteId: 1,
  moderationMode: 'post' as const,
  bannedWords: [],
  guidelines: null,
  closeAfterDays,
});

test('an article with comments off refuses', async () => {
  const result = await closedPhase.check(
    input({ article: { id: 1, commentsEnabled: false, publishedAt: NOW } }),
  );
  assert.equal(result.kind === 'refuse' && (result.error as { code?: string }).code, 'COMMENTS_CLOSED');
});

test('the brand closes threads N days after publication, to the millisecond', async () => {
  const publishedAt = new Date(NOW.getTime() - 2 * 86_400_000);
  const article = { id: 1, commentsEnabled: true, publishedAt };
  assert.equal((await closedPhase.check(input({ article, settings: settings(3) }))).kind, 'pass');
  assert.equal((await closedPhase.check(input({ article, settings: settings(2) }))).kind, 'refuse');
  assert.equal((await closedPhase.check(input({ article, settings: settings(null) }))).kind, 'pass');
});
