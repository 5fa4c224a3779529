import { ConfigError } from '../config.ts';

/**
 * The kinds of public response, each with its own freshness. Browsers revalidate HTML by ETag
 * (max-age=0); shared caches keep it for s-maxage, may serve it stale while they refetch
 * (stale-while-revalidate) and, when the origin fails, for much longer (stale-if-error).
 */
export type CacheKind =
  | 'article'
  | 'front'
  | 'search'
  | 'feed'
  | 'sitemap'
  | 'page'
  | 'gone'
  | 'notFound'
  | 'media';

export interface CacheTimes {
  readonly maxAge: number;
  readonly sMaxAge: number;
  readonly staleWhileRevalidate: number;
  readonly staleIfError: number;
}

const day = 86_400;

/**
 * The defaults, in seconds. Articles and fronts are purged on change, so s-maxage only bounds a
 * missed purge; it also sets how often a CDN refetches every page it holds (each URL at most once
 * per s-maxage), which is most of the nodes' load behind a CDN: a long tail of thousands of
 * article and tag URLs at 60 s kept two nodes busy refetching (docs/scaling.md).
 */
export const defaultCacheTimes: Readonly<Record<CacheKind, CacheTimes>> = Object.freeze({
  article: { maxAge: 0, sMaxAge: 300, staleWhileRevalidate: 300, staleIfError: day },
  front: { maxAge: 0, sMaxAge: 60, staleWhileRevalidate: 60, staleIfError: day },
  // Search is not purged (any article may change any answer): a minute old at most, then one
  // background refetch while readers get the previous answer.
  search: { maxAge: 0, sMaxAge: 60, staleWhileRevalidate: 60, staleIfError: 600 },
  feed: { maxAge: 60, sMaxAge: 120, staleWhileRevalidate: 60, staleIfError: day },
  sitemap: { maxAge: 0, sMaxAge: 300, staleWhileRevalidate: 300, staleIfError: day },
  page: { maxAge: 0, sMaxAge: 60, staleWhileRevalidate: 30, staleIfError: day },
  gone: { maxAge: 300, sMaxAge: 3600, staleWhileRevalidate: 0, staleIfError: day },
  notFound: { maxAge: 0, sMaxAge: 30, staleWhileRevalidate: 0, staleIfError: 0 },
  media: { maxAge: 3600, sMaxAge: day, staleWhileRevalidate: day, staleIfError: 7 * day },
});

/** Never changes: its name is its content. */
export const immutableCacheControl = 'public, max-age=31536000, immutable';
/** Personal, admin and reader-account answers, and anything that sets a cookie. */
export const privateCacheControl = 'no-store';

export const cacheKinds = Object.keys(defaultCacheTimes) as CacheKind[];

/** The environment variable that overrides a kind: CACHE_CONTROL_ARTICLE, CACHE_CONTROL_NOT_FOUND… */
export function cacheSetting(kind: CacheKind): string {
  return `CACHE_CONTROL_${kind.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
}

/** The Cache-Control header of a kind. */
export function cacheControlOf(times: CacheTimes): string {
  const parts = ['public', `max-age=${times.maxAge}`];
  if (times.maxAge === 0) parts.push('must-revalidate');
  parts.push(`s-maxage=${times.sMaxAge}`);
  if (times.staleWhileRevalidate > 0) parts.push(`stale-while-revalidate=${times.staleWhileRevalidate}`);
  if (times.staleIfError > 0) parts.push(`stale-if-error=${times.staleIfError}`);
  return parts.join(', ');
}

const directives: Record<string, keyof CacheTimes> = {
  'max-age': 'maxAge',
  's-maxage': 'sMaxAge',
  'stale-while-revalidate': 'staleWhileRevalidate',
  'stale-if-error': 'staleIfError',
};
const yearSeconds = 365 * day;

/**
 * Reads CACHE_CONTROL_<KIND> overrides, written like the header they change:
 * `CACHE_CONTROL_ARTICLE="s-maxage=30, stale-if-error=172800"`. Directives left out keep
 * their defaults; anything else is refused naming the setting.
 */
export function parseCacheTimes(env: NodeJS.ProcessEnv): Readonly<Record<CacheKind, CacheTimes>> {
  const out = {} as Record<CacheKind, CacheTimes>;
  for (const kind of cacheKinds) {
    const setting = cacheSetting(kind);
    const raw = env[setting];
    out[kind] = raw ? parseOverride(raw, defaultCacheTimes[kind], setting) : defaultCacheTimes[kind];
  }
  return Object.freeze(out);
}

function parseOverride(raw: string, base: CacheTimes, setting: string): CacheTimes {
  const times: Record<keyof CacheTimes, number> = { ...base };
  for (const part of raw.split(',')) {
    const text = part.trim();
    if (text === '') continue;
    const match = /^([a-z-]+)=(\d{1,9})$/i.exec(text);
    const field = match ? directives[match[1]!.toLowerCase()] : undefined;
    if (!match || !field) {
      throw new ConfigError(
        setting,
        `"${text}" is not one of max-age=N, s-maxage=N, stale-while-revalidate=N, stale-if-error=N (seconds)`,
      );
    }
    const seconds = Number(match[2]);
    if (seconds > yearSeconds) throw new ConfigError(setting, `${match[1]}=${seconds} is more than a year`);
    times[field] = seconds;
  }
  return Object.freeze(times);
}
