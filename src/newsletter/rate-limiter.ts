import type { Clock } from '../platform/index.ts';

/**
 * A fixed-window counter in process memory (like the Content API's), bounded in size. Enough on
 * one node; several nodes each count their own until the limits move to Redis.
 */
export class RateLimiter {
  readonly #hits = new Map<string, { count: number; resetAt: number }>();
  constructor(
    private readonly options: { limit: number; windowMs: number; clock: Clock; maxKeys?: number },
  ) {}

  /** Counts one attempt for `key`; answers false when it is over the limit. */
  hit(key: string): boolean {
    const now = this.options.clock.now().getTime();
    let entry = this.#hits.get(key);
    if (!entry || entry.resetAt <= now) {
      if (this.#hits.size >= (this.options.maxKeys ?? 50_000)) this.#sweep(now);
      entry = { count: 0, resetAt: now + this.options.windowMs };
      this.#hits.set(key, entry);
    }
    entry.count += 1;
    return entry.count <= this.options.limit;
  }

  #sweep(now: number): void {
    for (const [key, entry] of this.#hits) if (entry.resetAt <= now) this.#hits.delete(key);
    // Still full of live windows: forget the oldest half rather than grow without bound.
    if (this.#hits.size >= (this.options.maxKeys ?? 50_000)) {
      let drop = Math.floor(this.#hits.size / 2);
      for (const key of this.#hits.keys()) {
        if (drop-- <= 0) break;
        this.#hits.delete(key);
      }
    }
  }
}
