/**
 * Shared rate counters on a real Redis: two connections (two nodes) count into one window,
 * including through @fastify/rate-limit's store; without Redis each falls back to its memory.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import rateLimit from '@fastify/rate-limit';
import Fastify from 'fastify';
import { dropPrefix, ownRedisServer, REDIS_URL, randomPrefix, redisAvailable } from '../../testing/redis.ts';
import { createLogger } from '../logger.ts';
import { createLocalRateCounter, createSharedRateCounter } from './rate-counters.ts';
import { rateLimitStore } from './rate-limit-store.ts';
import { connectRedis } from './shared-redis.ts';

const logger = createLogger('silent');

describe('shared rate counters', async () => {
  if (!(await redisAvailable())) return;
  const prefix = randomPrefix();
  const nodes = await Promise.all([1, 2].map(() => connectRedis({ url: REDIS_URL, prefix, logger })));
  const counters = nodes.map((redis) =>
    createSharedRateCounter(redis, createLocalRateCounter({ now: Date.now })),
  );
  after(async () => {
    await Promise.all(nodes.map((n) => n.close()));
    await dropPrefix(prefix);
  });

  test('two nodes count into one window that ends for both', async () => {
    const [a, b] = counters as [
      ReturnType<typeof createSharedRateCounter>,
      ReturnType<typeof createSharedRateCounter>,
    ];
    assert.equal((await a.hit('k', 60_000)).count, 1);
    assert.equal((await b.hit('k', 60_000)).count, 2);
    const third = await a.hit('k', 60_000);
    assert.equal(third.count, 3);
    assert.ok(third.resetInMs > 59_000 && third.resetInMs <= 60_000);
    // A short window really ends.
    await a.hit('short', 150);
    await b.hit('short', 150);
    await new Promise((r) => setTimeout(r, 250));
    assert.equal((await b.hit('short', 150)).count, 1);
  });

  test('the Content API’s limit plugin counts both nodes’ requests through the store', async () => {
    const apps = await Promise.all(
      counters.map(async (counter) => {
        const app = Fastify();
        await app.register(rateLimit, { store: rateLimitStore(counter, 'api:'), max: 3, timeWindow: 60_000 });
        app.get('/', async () => 'ok');
        return app;
      }),
    );
    const codes: number[] = [];
    for (let i = 0; i < 5; i++)
      codes.push((await apps[i % 2]!.inject({ url: '/', remoteAddress: '192.0.2.5' })).statusCode);
    assert.deepEqual(codes, [200, 200, 200, 429, 429]);
    await Promise.all(apps.map((app) => app.close()));
  });

  test('with Redis gone the counter answers from memory at once', async () => {
    const own = await ownRedisServer();
    const redis = await connectRedis({ url: own.url, prefix, logger });
    try {
      const counter = createSharedRateCounter(redis, createLocalRateCounter({ now: Date.now }));
      assert.equal((await counter.hit('x', 60_000)).count, 1);
      await own.stop();
      const started = performance.now();
      // The first hit may still meet the closing connection; it must not throw either way.
      await counter.hit('x', 60_000);
      const local = await counter.hit('x', 60_000);
      assert.ok(local.count >= 1);
      assert.ok(performance.now() - started < 2500, 'no long wait on a dead Redis');
      // The state follows the connection's close event, which may come just after those hits.
      for (let i = 0; i < 40 && redis.state !== 'down'; i++) await new Promise((r) => setTimeout(r, 50));
      assert.equal(redis.state, 'down');
    } finally {
      await redis.close();
      await own.stop();
    }
  });
});
