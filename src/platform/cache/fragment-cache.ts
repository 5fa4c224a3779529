/**
 * Rendered pieces of pages that change far less often than the page around them (an article's
 * comment thread), kept in process by id, bounded by size (LRU) and dropped by surrogate key like
 * the page cache. It works whether or not the page cache is on: a page that must be rendered
 * (a miss, an edit, the cache turned off) then skips the fragment's queries and templates.
 *
 * A fragment made from reads that started before a purge may already be out of date, so `set`
 * takes the `mark()` read before those reads and keeps nothing if a purge came in between.
 */
export interface FragmentCacheOptions<T> {
  /** Upper bound on the summed `sizeOf` of the fragments held. */
  readonly maxSize?: number;
  readonly sizeOf: (value: T) => number;
  readonly now?: () => number;
}

interface Entry<T> {
  readonly value: T;
  readonly keys: readonly string[];
  readonly expiresAt: number;
  readonly size: number;
}

export class FragmentCache<T> {
  readonly #entries = new Map<string, Entry<T>>();
  readonly #byKey = new Map<string, Set<string>>();
  readonly #maxSize: number;
  readonly #sizeOf: (value: T) => number;
  readonly #now: () => number;
  #size = 0;
  #purges = 0;

  constructor({ maxSize = 16 * 1024 * 1024, sizeOf, now = Date.now }: FragmentCacheOptions<T>) {
    this.#maxSize = maxSize;
    this.#sizeOf = sizeOf;
    this.#now = now;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(id: string): T | undefined {
    const entry = this.#entries.get(id);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.#now()) {
      this.#delete(id);
      return undefined;
    }
    this.#entries.delete(id);
    this.#entries.set(id, entry);
    return entry.value;
  }

  /** Read before the reads a fragment is made from; pass it to `set`. */
  mark(): number {
    return this.#purges;
  }

  /** Keeps `value` unless a purge happened since `mark` (it may show what that purge removed). */
  set(id: string, value: T, options: { keys: readonly string[]; expiresAt?: number; mark: number }): boolean {
    if (options.mark !== this.#purges) return false;
    const size = this.#sizeOf(value);
    if (size > this.#maxSize) return false;
    this.#delete(id);
    this.#entries.set(id, {
      value,
      keys: options.keys,
      expiresAt: options.expiresAt ?? Number.POSITIVE_INFINITY,
      size,
    });
    this.#size += size;
    for (const key of options.keys) {
      const ids = this.#byKey.get(key);
      if (ids) ids.add(id);
      else this.#byKey.set(key, new Set([id]));
    }
    for (const oldest of this.#entries.keys()) {
      if (this.#size <= this.#maxSize) break;
      this.#delete(oldest);
    }
    return true;
  }

  /** Drops every fragment that carries any of `keys`. */
  purge(keys: Iterable<string>): void {
    this.#purges++;
    for (const key of keys) {
      const ids = this.#byKey.get(key);
      if (!ids) continue;
      for (const id of [...ids]) this.#delete(id);
    }
  }

  /** Drops everything (a node that missed events while cut off from the others). */
  clear(): void {
    this.#purges++;
    for (const id of [...this.#entries.keys()]) this.#delete(id);
  }

  #delete(id: string): void {
    const entry = this.#entries.get(id);
    if (!entry) return;
    this.#entries.delete(id);
    this.#size -= entry.size;
    for (const key of entry.keys) {
      const ids = this.#byKey.get(key);
      ids?.delete(id);
      if (ids?.size === 0) this.#byKey.delete(key);
    }
  }
}
