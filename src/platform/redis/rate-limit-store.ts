/**
 * A store for @fastify/rate-limit over a RateCounter, so the Content API's limit is shared by
 * every node through Redis (and falls back to the node's memory while Redis is away) like the
 * other limits, instead of the plugin's own Redis store, which fails the request (or skips the
 * limit) when Redis is down.
 */
import type { RateCounter } from './rate-counters.ts';

type IncrCallback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** Answers the class the plugin instantiates (`store: rateLimitStore(counter, 'api:')`). */
export function rateLimitStore(counter: RateCounter, namespace: string) {
  return class CounterStore {
    readonly #namespace: string;
    readonly #windowMs: number;
    constructor(options: { timeWindow?: number }, space = namespace) {
      this.#windowMs = Number(options.timeWindow ?? 60_000);
      this.#namespace = space;
    }
    incr(key: string, callback: IncrCallback, timeWindow?: number): void {
      counter
        .hit(this.#namespace + key, Number(timeWindow ?? this.#windowMs))
        .then(({ count, resetInMs }) => callback(null, { current: count, ttl: resetInMs }), callback);
    }
    // The plugin passes its route options with `routeInfo` (its types say RouteOptions).
    child(routeOptions: object) {
      const { timeWindow, routeInfo } = routeOptions as {
        timeWindow?: number;
        routeInfo?: { method?: string; url?: string };
      };
      return new CounterStore(
        { timeWindow: timeWindow ?? this.#windowMs },
        `${this.#namespace}${routeInfo?.method ?? ''}${routeInfo?.url ?? ''}:`,
      );
    }
  };
}
