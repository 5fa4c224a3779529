import { createHash } from 'node:crypto';
import { type Clock, createLocalRateCounter, type RateCounter } from '../platform/index.ts';

/**
 * A fixed-window limit over the app's rate counter: in process memory on one node, shared by
 * every node through Redis when REDIS_URL is set (and per node again while Redis is away).
 * Keys are hashed, so no email address is stored in Redis.
 */
export class RateLimiter {
  readonly #counter: RateCounter;
  constructor(
    private readonly options: {
      limit: number;
      windowMs: number;
      clock: Clock;
      /** Sets this limit's keys apart from every other limit's on the same counter. */
      name: string;
      counter?: RateCounter;
    },
  ) {
    this.#counter = options.counter ?? createLocalRateCounter({ now: () => options.clock.now().getTime() });
  }

  /** Counts one attempt for `key`; answers false when it is over the limit. */
  async hit(key: string): Promise<boolean> {
    const hashed = createHash('sha256').update(key).digest('base64url');
    const { count } = await this.#counter.hit(`${this.options.name}:${hashed}`, this.options.windowMs);
    return count <= this.options.limit;
  }
}
