import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { PageCache } from './page-cache.ts';

const page = (body: string, keys: string[], expiresAt = Number.POSITIVE_INFINITY) => ({
  status: 200,
  body: Buffer.from(body),
  contentType: 'text/html',
  cacheControl: 'public',
  keys,
  expiresAt,
});

test('purging a key drops exactly the pages that carry it', () => {
  const cache = new PageCache();
  cache.set('a', page('A', ['article:1', 'site:1']));
  cache.set('b', page('B', ['tag:3', 'site:1']));
  cache.set('c', page('C', ['article:2', 'site:2']));
  assert.equal(cache.purge(['article:1', 'tag:9']), 1);
  assert.equal(cache.get('a'), undefined);
  assert.ok(cache.get('b'));
  assert.equal(cache.purge(['site:1']), 1);
  assert.ok(cache.get('c'));
});

test('entries expire at their time and the cache stays within its byte budget', () => {
  let now = 1000;
  const cache = new PageCache({ maxBytes: 10, now: () => now });
  cache.set('soon', page('x', [], 2000));
  assert.ok(cache.get('soon'));
  now = 2000;
  assert.equal(cache.get('soon'), undefined);
  cache.set('one', page('12345', []));
  cache.set('two', page('12345', []));
  cache.get('one'); // most recently used now
  cache.set('three', page('12345', []));
  assert.ok(cache.get('one'));
  assert.equal(cache.get('two'), undefined);
});

test('compressed variants are made once and match the body', () => {
  const cache = new PageCache();
  const entry = cache.set('a', page('hello '.repeat(500), []));
  const gz = cache.encoded(entry, 'gzip');
  assert.equal(cache.encoded(entry, 'gzip'), gz);
  assert.equal(gunzipSync(gz).toString(), 'hello '.repeat(500));
  assert.match(entry.etag, /^"[\w-]{22}"$/);
});
