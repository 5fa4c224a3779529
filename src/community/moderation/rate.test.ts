import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rateLimits, ratePhase } from './rate.ts';
import { input, NOW } from './test-input.ts';

const posts = (n: number, agoMs: number) =>
  Array.from({ length: n }, (_, i) => ({
    articleId: i,
    body: `post ${i}`,
    at: new Date(NOW.getTime() - agoMs),
  }));

test('a burst from one account is refused with COMMUNITY_RATE_LIMITED', async () => {
  const burst = await ratePhase.check(
    input({ recent: { byReader: posts(rateLimits.perReaderPerMinute, 10_000) } }),
  );
  assert.equal(burst.kind === 'refuse' && (burst.error as { code?: string }).code, 'COMMUNITY_RATE_LIMITED');
  const slow = await ratePhase.check(
    input({ recent: { byReader: posts(rateLimits.perReaderPerMinute, 120_000) } }),
  );
  assert.equal(slow.kind, 'pass');
});

test('one address posting for many accounts is limited too', async () => {
  const result = await ratePhase.check(input({ recent: { byIpInLastMinute: rateLimits.perIpPerMinute } }));
  assert.equal(result.kind, 'refuse');
});

test('a day has a ceiling', async () => {
  const result = await ratePhase.check(
    input({ recent: { byReader: posts(rateLimits.perReaderPerDay, 3_600_000) } }),
  );
  assert.match(result.kind === 'refuse' ? result.error.message : '', /today/);
});
