import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { API, buildApiApp, newApiKey } from '../testing/content-api.ts';
import { buildDemoApp } from '../testing/demo-app.ts';

describe('Content API rate limit', async () => {
  let demo: FastifyInstance;
  let api: FastifyInstance;
  before(async () => {
    demo = await buildDemoApp();
    api = await buildApiApp(demo, { rateLimit: { max: 3, timeWindowMs: 60_000 } });
  });
  after(async () => {
    await api.close();
    await demo.close();
  });

  const get = (key: string) =>
    api.inject({ url: `${API}/articles?limit=1&fields=id`, headers: { authorization: `Bearer ${key}` } });

  test('each key has its own budget; past it, 429 with Retry-After and a JSON message', async () => {
    const first = (await newApiKey(demo)).secret;
    const second = (await newApiKey(demo)).secret;
    for (let i = 0; i < 3; i++) {
      const res = await get(first);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['x-ratelimit-remaining'], String(2 - i));
    }
    const limited = await get(first);
    assert.equal(limited.statusCode, 429);
    const retryAfter = Number(limited.headers['retry-after']);
    assert.ok(retryAfter > 0 && retryAfter <= 60, `Retry-After ${limited.headers['retry-after']}`);
    assert.equal(limited.headers['cache-control'], 'no-store');
    const body = limited.json();
    assert.equal(body.error, 'API_RATE_LIMITED');
    assert.match(body.message, /this key may make 3 per minute\. Retry in \d+ (seconds?|minute)/);
    // The budget is the key's, across endpoints; another key still has all of its own.
    assert.equal((await api.inject({ url: `${API}/tags`, headers: { 'x-api-key': first } })).statusCode, 429);
    assert.equal((await get(second)).statusCode, 200);
  });
});
