/**
 * What the composition root needs from Redis, or its stand-ins without REDIS_URL: the rate
 * counter every limit counts with, the Redis link itself (null on one node), a `/readyz` field
 * and a `/metrics` gauge.
 */
import { Gauge, type Registry } from 'prom-client';
import type { Clock } from '../clock.ts';
import type { Logger } from '../logger.ts';
import { createLocalRateCounter, createSharedRateCounter, type RateCounter } from './rate-counters.ts';
import { connectRedis, type SharedRedis } from './shared-redis.ts';

export interface SharedState {
  readonly redis: SharedRedis | null;
  readonly rateCounter: RateCounter;
  /** For /readyz: "up", "down" (serving on local state) or "off" (not configured). */
  redisStatus(): 'up' | 'down' | 'off';
  /** Adds `dateline_redis_up` (1 up, 0 down; absent without Redis) to the registry. */
  registerMetrics(registry: Registry): void;
  close(): Promise<void>;
}

/**
 * Connects to Redis when `redisUrl` is set (throws RedisUnavailableError when it cannot).
 *
 * @example
 * const shared = await openSharedState({ redisUrl: config.redisUrl, redisPrefix: config.redisPrefix, clock, logger });
 */
export async function openSharedState(options: {
  redisUrl: string | undefined;
  redisPrefix: string;
  clock: Clock;
  logger: Logger;
}): Promise<SharedState> {
  const local = createLocalRateCounter({ now: () => options.clock.now().getTime() });
  const redis = options.redisUrl
    ? await connectRedis({ url: options.redisUrl, prefix: options.redisPrefix, logger: options.logger })
    : null;
  return {
    redis,
    rateCounter: redis ? createSharedRateCounter(redis, local) : local,
    redisStatus: () => (redis ? redis.state : 'off'),
    registerMetrics(registry) {
      if (!redis) return;
      new Gauge({
        name: 'dateline_redis_up',
        help: 'Whether this node reaches Redis (0: serving from its own caches and limits)',
        registers: [registry],
        collect() {
          this.set(redis.state === 'up' ? 1 : 0);
        },
      });
    },
    close: async () => redis?.close(),
  };
}
