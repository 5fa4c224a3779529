/**
 * The node's link to Redis when REDIS_URL is set: one connection for commands (shared counters,
 * publishing) and one for pub/sub, both reconnecting on their own. Redis is shared state, never
 * the only copy of anything: while it is away the node runs on its own caches and limits (the
 * callers fall back), logs the outage once, and picks up again when both connections are back.
 */
import { randomBytes } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../logger.ts';

export type RedisState = 'up' | 'down';

/** Redis could not be reached at start; `message` is one line naming REDIS_URL. */
export class RedisUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedisUnavailableError';
  }
}

export interface SharedRedis {
  /** Every key and channel starts with it (REDIS_PREFIX), so several installs can share a server. */
  readonly prefix: string;
  /** This process's random id: a node ignores the events it published itself. */
  readonly nodeId: string;
  /** For commands; it refuses at once (no offline queue) while Redis is away. */
  readonly client: Redis;
  readonly state: RedisState;
  /** Called on every transition, after the one log line that announces it. */
  onStateChange(listener: (state: RedisState) => void): () => void;
  /** Subscribes to `prefix + channel`; resubscribed after every reconnection. */
  subscribe(channel: string, listener: (message: string) => void): Promise<void>;
  /** Publishes to `prefix + channel`; false when Redis is away (the message is dropped). */
  publish(channel: string, message: string): Promise<boolean>;
  close(): Promise<void>;
}

export interface ConnectRedisOptions {
  readonly url: string;
  readonly prefix: string;
  readonly logger: Logger;
  /** How long the first connection may take before the start fails (default 3 s). */
  readonly connectTimeoutMs?: number;
}

/** The URL without its password, for logs and messages. */
export function redisDisplayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'REDIS_URL';
  }
}

/**
 * Connects both connections or throws RedisUnavailableError.
 *
 * @example
 * const redis = await connectRedis({ url: 'redis://127.0.0.1:6379', prefix: 'dateline:', logger });
 */
export async function connectRedis(options: ConnectRedisOptions): Promise<SharedRedis> {
  const { url, prefix, logger } = options;
  const shown = redisDisplayUrl(url);
  const connectTimeout = options.connectTimeoutMs ?? 3000;
  const redisOptions: RedisOptions = {
    lazyConnect: true,
    connectTimeout,
    // Fail fast while Redis is away, so callers fall back at once instead of queueing requests.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    // A Redis that stops answering (not just closing) must not hold requests for long.
    commandTimeout: 1000,
    retryStrategy: (times) => Math.min(100 * times, 1000),
  };
  const client = new Redis(url, redisOptions);
  const subscriber = new Redis(url, { ...redisOptions, commandTimeout: undefined, autoResubscribe: true });
  // ioredis reports every failed reconnection as an 'error' event; the state change is logged
  // once instead (below), so these are dropped rather than flooding the log.
  client.on('error', () => {});
  subscriber.on('error', () => {});
  try {
    await withTimeout(Promise.all([client.connect(), subscriber.connect()]), connectTimeout + 500);
    await client.ping();
  } catch (error) {
    client.disconnect();
    subscriber.disconnect();
    throw new RedisUnavailableError(
      `REDIS_URL: cannot reach Redis at ${shown} (${(error as Error).message || 'no answer'})`,
    );
  }

  const nodeId = randomBytes(8).toString('hex');
  const listeners = new Set<(state: RedisState) => void>();
  const handlers = new Map<string, Set<(message: string) => void>>();
  let state: RedisState = 'up';
  let closing = false;

  function update(): void {
    if (closing) return;
    const next: RedisState = client.status === 'ready' && subscriber.status === 'ready' ? 'up' : 'down';
    if (next === state) return;
    state = next;
    if (next === 'down') {
      logger.error(
        { redis: shown },
        'Redis is unreachable: serving from this node’s own caches and rate limits until it returns',
      );
    } else {
      logger.warn({ redis: shown }, 'Redis is back: shared rate limits and cache invalidation resumed');
    }
    for (const listener of listeners) listener(next);
  }
  for (const connection of [client, subscriber]) {
    connection.on('ready', update);
    connection.on('close', update);
    connection.on('end', update);
    connection.on('reconnecting', update);
  }
  subscriber.on('message', (channel: string, message: string) => {
    for (const handler of handlers.get(channel) ?? []) handler(message);
  });

  return {
    prefix,
    nodeId,
    client,
    get state() {
      return state;
    },
    onStateChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async subscribe(channel, listener) {
      const name = prefix + channel;
      let set = handlers.get(name);
      if (!set) {
        set = new Set();
        handlers.set(name, set);
        await subscriber.subscribe(name);
      }
      set.add(listener);
    },
    async publish(channel, message) {
      if (state === 'down') return false;
      try {
        await client.publish(prefix + channel, message);
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      closing = true;
      await Promise.all([client.quit().catch(() => {}), subscriber.quit().catch(() => {})]);
      client.disconnect();
      subscriber.disconnect();
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
