export { bridgeEvents } from './event-bridge.ts';
export { createLocalRateCounter, createSharedRateCounter, type RateCounter } from './rate-counters.ts';
export { rateLimitStore } from './rate-limit-store.ts';
export {
  type ConnectRedisOptions,
  connectRedis,
  type RedisState,
  RedisUnavailableError,
  redisDisplayUrl,
  type SharedRedis,
} from './shared-redis.ts';
export { openSharedState, type SharedState } from './shared-state.ts';
