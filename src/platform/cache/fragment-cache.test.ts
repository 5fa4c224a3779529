import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FragmentCache } from './fragment-cache.ts';

const sized = (now = () => 0, maxSize?: number) =>
  new FragmentCache<string>({ sizeOf: (value) => value.length, now, ...(maxSize ? { maxSize } : {}) });

test('a fragment is kept until a key it carries is purged', () => {
  const cache = sized();
  assert.equal(cache.set('a', 'A', { keys: ['comments:1', 'site:1'], mark: cache.mark() }), true);
  cache.set('b', 'B', { keys: ['comments:2', 'site:1'], mark: cache.mark() });
  assert.equal(cache.get('a'), 'A');
  cache.purge(['comments:1']);
  assert.equal(cache.get('a'), undefined);
  assert.equal(cache.get('b'), 'B');
  cache.purge(['site:1']);
  assert.equal(cache.get('b'), undefined);
  assert.equal(cache.size, 0);
});

test('a fragment made from reads older than a purge is not kept', () => {
  const cache = sized();
  const mark = cache.mark();
  // A comment is posted while the thread is being read: its event purges before the fragment is stored.
  cache.purge(['comments:9']);
  assert.equal(cache.set('a', 'stale', { keys: ['comments:1'], mark }), false);
  assert.equal(cache.get('a'), undefined);
  assert.equal(cache.set('a', 'fresh', { keys: ['comments:1'], mark: cache.mark() }), true);
});

test('fragments expire at their time, and the cache stays within its size, oldest use first', () => {
  let now = 1000;
  const cache = sized(() => now, 10);
  cache.set('soon', 'x', { keys: [], expiresAt: 2000, mark: cache.mark() });
  assert.equal(cache.get('soon'), 'x');
  now = 2000;
  assert.equal(cache.get('soon'), undefined);
  cache.set('one', '12345', { keys: ['k'], mark: cache.mark() });
  cache.set('two', '12345', { keys: ['k'], mark: cache.mark() });
  cache.get('one');
  cache.set('three', '12345', { keys: ['k'], mark: cache.mark() });
  assert.equal(cache.get('one'), '12345');
  assert.equal(cache.get('two'), undefined);
  assert.equal(cache.set('huge', '12345678901', { keys: [], mark: cache.mark() }), false);
});
