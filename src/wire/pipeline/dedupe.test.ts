import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StoredWireItem } from '../wire-store.ts';
import { dedupe } from './dedupe.ts';
import { testContext, wireItem } from './test-support.ts';
import type { Draft, IngestOutcome } from './types.ts';

const stored = (version: number, status: StoredWireItem['status']) => ({ version, status }) as StoredWireItem;

test('a first version creates, or queues when the source waits for the desk', async () => {
  assert.equal(((await dedupe({ item: wireItem() }, testContext())) as Draft).action, 'create');
  const queued = (await dedupe(
    { item: wireItem() },
    testContext({ source: { autoPublish: false } }),
  )) as Draft;
  assert.equal(queued.action, 'queue');
});

test('the same or an older version is a duplicate; a newer one updates the article', async () => {
  const store = { history: async () => ({ latest: stored(5, 'published'), articleId: 42 }) };
  const same = (await dedupe({ item: wireItem({ version: 5 }) }, testContext({ store }))) as IngestOutcome;
  assert.equal(same.status, 'duplicate');
  assert.equal(same.articleId, 42);
  assert.equal(
    ((await dedupe({ item: wireItem({ version: 4 }) }, testContext({ store }))) as IngestOutcome).status,
    'duplicate',
  );
  const newer = (await dedupe({ item: wireItem({ version: 6 }) }, testContext({ store }))) as Draft;
  assert.equal(newer.action, 'update');
  assert.equal(newer.articleId, 42);
});

test('canceled or withheld is a kill; after a kill, later usable versions are ignored', async () => {
  const store = { history: async () => ({ latest: stored(5, 'published'), articleId: 42 }) };
  const kill = (await dedupe(
    { item: wireItem({ version: 6, pubStatus: 'canceled' }) },
    testContext({ store }),
  )) as Draft;
  assert.equal(kill.action, 'kill');
  const killed = { history: async () => ({ latest: stored(6, 'killed'), articleId: 42 }) };
  const later = (await dedupe(
    { item: wireItem({ version: 7 }) },
    testContext({ store: killed }),
  )) as IngestOutcome;
  assert.equal(later.status, 'ignored');
});
