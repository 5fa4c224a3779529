import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface CachedPage {
  readonly status: number;
  readonly body: Buffer;
  readonly etag: string;
  readonly contentType: string;
  readonly cacheControl: string;
  /** Surrogate keys: the content this page shows ("article:12", "tag:3", "site:1"). */
  readonly keys: readonly string[];
  /** Absolute ms time after which the page must be rendered again (a scheduled story comes due). */
  readonly expiresAt: number;
  /** An HTTP-date for Last-Modified (feeds and sitemaps; HTML pages rely on the ETag alone). */
  readonly lastModified?: string;
  /** Headers of this page only (the /live page's Content-Security-Policy names its stream's hosts). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Compressed variants, made on first request for them. */
  gzip?: Buffer;
  br?: Buffer;
}

export interface PageCacheOptions {
  /** Upper bound on the bytes of bodies held (compressed variants included). */
  readonly maxBytes?: number;
  readonly now?: () => number;
}

/**
 * The rendered-page cache: an LRU of finished responses indexed by surrogate key, so that a
 * content change drops exactly the pages that showed it, and nothing else.
 */
export class PageCache {
  readonly #entries = new Map<string, CachedPage>();
  readonly #byKey = new Map<string, Set<string>>();
  readonly #maxBytes: number;
  readonly #now: () => number;
  #bytes = 0;
  hits = 0;
  misses = 0;

  constructor({ maxBytes = 128 * 1024 * 1024, now = Date.now }: PageCacheOptions = {}) {
    this.#maxBytes = maxBytes;
    this.#now = now;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(id: string): CachedPage | undefined {
    const entry = this.#entries.get(id);
    if (!entry) {
      this.misses++;
      return undefined;
    }
    if (entry.expiresAt <= this.#now()) {
      // Kept (until replaced, purged or evicted) for stale-if-error: see stale().
      this.misses++;
      return undefined;
    }
    // Re-insert to mark as most recently used.
    this.#entries.delete(id);
    this.#entries.set(id, entry);
    this.hits++;
    return entry;
  }

  /**
   * The page last rendered for `id` even past its expiry, for when rendering it again fails
   * because the database is unreachable (stale-if-error). A purged page is gone: its content
   * changed, and showing the old version as current would be wrong.
   */
  stale(id: string): CachedPage | undefined {
    return this.#entries.get(id);
  }

  set(id: string, page: Omit<CachedPage, 'etag'> & { etag?: string }): CachedPage {
    this.#delete(id);
    const entry: CachedPage = { ...page, etag: page.etag ?? etagOf(page.body) };
    this.#entries.set(id, entry);
    this.#bytes += entry.body.length;
    for (const key of entry.keys) {
      const ids = this.#byKey.get(key);
      if (ids) ids.add(id);
      else this.#byKey.set(key, new Set([id]));
    }
    this.#evict();
    return entry;
  }

  /** Drops every page that carries any of `keys`. */
  purge(keys: Iterable<string>): number {
    let dropped = 0;
    for (const key of keys) {
      const ids = this.#byKey.get(key);
      if (!ids) continue;
      for (const id of [...ids]) {
        if (this.#delete(id)) dropped++;
      }
    }
    return dropped;
  }

  clear(): void {
    this.#entries.clear();
    this.#byKey.clear();
    this.#bytes = 0;
  }

  /** The body in `encoding`, compressing once and keeping the result. */
  encoded(entry: CachedPage, encoding: 'br' | 'gzip'): Buffer {
    if (encoding === 'br') {
      if (!entry.br) {
        entry.br = brotliCompressSync(entry.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
        this.#bytes += entry.br.length;
      }
      return entry.br;
    }
    if (!entry.gzip) {
      entry.gzip = gzipSync(entry.body, { level: 6 });
      this.#bytes += entry.gzip.length;
    }
    return entry.gzip;
  }

  #delete(id: string): boolean {
    const entry = this.#entries.get(id);
    if (!entry) return false;
    this.#entries.delete(id);
    this.#bytes -= entry.body.length + (entry.gzip?.length ?? 0) + (entry.br?.length ?? 0);
    for (const key of entry.keys) {
      const ids = this.#byKey.get(key);
      ids?.delete(id);
      if (ids?.size === 0) this.#byKey.delete(key);
    }
    return true;
  }

  #evict(): void {
    for (const id of this.#entries.keys()) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#delete(id);
    }
  }
}

export function etagOf(body: Buffer | string): string {
  return `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
}
