import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalize } from './normalize.ts';
import { testContext, wireItem } from './test-support.ts';
import type { Draft } from './types.ts';

test('a holder-only item gets "© YEAR Agency. All rights reserved."; the source default wins over it', () => {
  const plain = normalize({ item: wireItem() }, testContext()) as Draft;
  assert.equal(plain.item.rightsLine, '© 2024 Test Wire. All rights reserved.');
  const withDefault = normalize(
    { item: wireItem() },
    testContext({ source: { defaultRightsLine: '© Test Wire' } }),
  ) as Draft;
  assert.equal(withDefault.item.rightsLine, '© Test Wire');
  const own = normalize({ item: wireItem({ rightsLine: 'Copyright dpa' }) }, testContext()) as Draft;
  assert.equal(own.item.rightsLine, 'Copyright dpa');
});

test('texts are clamped to the article limits and a missing agency becomes the source', () => {
  const draft = normalize(
    { item: wireItem({ headline: 'word '.repeat(100), summary: 'x'.repeat(2000), agency: null }) },
    testContext(),
  ) as Draft;
  assert.ok(draft.item.headline.length <= 300);
  assert.ok(draft.item.headline.endsWith('…'));
  assert.ok(draft.item.summary.length <= 1000);
  assert.equal(draft.item.agency, 'Test source');
});
