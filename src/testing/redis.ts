/**
 * Test support for Redis. The machine's Redis (TEST_REDIS_URL, default 127.0.0.1:6379) is shared
 * with other test runs: every test uses a random key prefix and never flushes. Tests that stop
 * and start Redis run their own `redis-server` child on a free port instead.
 * Without CI=true a missing Redis skips with a one-line notice; under CI it fails.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { Redis } from 'ioredis';
import { freePort } from './free-port.ts';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A prefix no other test uses, e.g. "t-3f9c2a1b:". */
export function randomPrefix(): string {
  return `t-${randomBytes(6).toString('hex')}:`;
}

let checked: Promise<boolean> | undefined;

/** Whether the shared Redis answers; false (with a notice) only outside CI. */
export function redisAvailable(): Promise<boolean> {
  checked ??= (async () => {
    const client = new Redis(REDIS_URL, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.ping();
      return true;
    } catch (error) {
      if (process.env.CI === 'true') {
        throw new Error(`Redis is required under CI but ${REDIS_URL} answered: ${(error as Error).message}`);
      }
      console.log(`# notice: Redis at ${REDIS_URL} is not reachable; skipping the Redis tests`);
      return false;
    } finally {
      client.disconnect();
    }
  })();
  return checked;
}

/** Deletes the keys under `prefix` (never anything else on the shared server). */
export async function dropPrefix(prefix: string): Promise<void> {
  const client = new Redis(REDIS_URL, { maxRetriesPerRequest: 0 });
  client.on('error', () => {});
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await client.del(...keys);
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
}

/** A redis-server of the test's own, which it may stop and start again on the same port. */
export interface OwnRedis {
  readonly url: string;
  readonly port: number;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function ownRedisServer(): Promise<OwnRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const own: OwnRedis = {
    url: `redis://127.0.0.1:${port}`,
    port,
    async start() {
      if (child) return;
      const started = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      child = started;
      let output = '';
      started.stdout!.on('data', (chunk) => {
        output += chunk;
      });
      const deadline = Date.now() + 10_000;
      while (!/Ready to accept connections/.test(output)) {
        if (started.exitCode !== null) throw new Error(`redis-server exited: ${output}`);
        if (Date.now() > deadline) throw new Error(`redis-server did not start: ${output}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    async stop() {
      const running = child;
      if (!running) return;
      child = null;
      if (running.exitCode === null) {
        running.kill('SIGKILL');
        await once(running, 'exit');
      }
    },
  };
  await own.start();
  return own;
}
