/**
 * Fixed-window counters for rate limits and throttles. In process memory on one node; in Redis
 * (one key per window, INCR + PEXPIRE in one script) when REDIS_URL is set, so every node counts
 * into the same window. While Redis is away the shared counter answers from the node's own
 * memory: limits then hold per node, which is looser but never blocks a request on Redis.
 */
import type { SharedRedis } from './shared-redis.ts';

export interface RateCounter {
  /** Counts one hit on `key` in its window; answers the count so far and when the window ends. */
  hit(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }>;
}

/**
 * @example
 * const counter = createLocalRateCounter({ now: () => clock.now().getTime() });
 * const { count } = await counter.hit('signup:ip:203.0.113.9', 3_600_000);
 */
export function createLocalRateCounter(options: { now: () => number; maxKeys?: number }): RateCounter {
  const { now } = options;
  const maxKeys = options.maxKeys ?? 50_000;
  const windows = new Map<string, { count: number; resetAt: number }>();

  function sweep(at: number): void {
    for (const [key, entry] of windows) if (entry.resetAt <= at) windows.delete(key);
    // Still full of live windows: forget the oldest half rather than grow without bound.
    if (windows.size >= maxKeys) {
      let drop = Math.floor(windows.size / 2);
      for (const key of windows.keys()) {
        if (drop-- <= 0) break;
        windows.delete(key);
      }
    }
  }

  return {
    async hit(key, windowMs) {
      const at = now();
      let entry = windows.get(key);
      if (!entry || entry.resetAt <= at) {
        if (windows.size >= maxKeys) sweep(at);
        entry = { count: 0, resetAt: at + windowMs };
        windows.set(key, entry);
      }
      entry.count += 1;
      return { count: entry.count, resetInMs: entry.resetAt - at };
    },
  };
}

const hitScript = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {count, ttl}`;

/**
 * Counts in Redis under `<prefix>rate:<key>`; falls back to `fallback` while Redis is away.
 *
 * @example
 * const counter = createSharedRateCounter(redis, createLocalRateCounter({ now: Date.now }));
 */
export function createSharedRateCounter(redis: SharedRedis, fallback: RateCounter): RateCounter {
  const client = redis.client as SharedRedis['client'] & {
    datelineHit?: (key: string, windowMs: number) => Promise<[number, number]>;
  };
  if (!client.datelineHit) client.defineCommand('datelineHit', { numberOfKeys: 1, lua: hitScript });
  return {
    async hit(key, windowMs) {
      if (redis.state === 'down') return fallback.hit(key, windowMs);
      try {
        const [count, ttl] = await client.datelineHit!(`${redis.prefix}rate:${key}`, windowMs);
        return { count, resetInMs: ttl };
      } catch {
        return fallback.hit(key, windowMs);
      }
    },
  };
}
