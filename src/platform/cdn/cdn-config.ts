import { ConfigError } from '../config.ts';
import { type CacheKind, type CacheTimes, parseCacheTimes } from './cache-times.ts';

/** Where purges go; null (CDN_PURGE unset or `none`) purges nothing outside the process. */
export type PurgeTarget =
  | {
      readonly kind: 'generic';
      readonly url: string;
      /** POST: one JSON body `{"keys": [...]}`; PURGE: `PURGE <url>` with the keys in a Surrogate-Key header. */
      readonly method: 'POST' | 'PURGE';
      readonly token?: string;
    }
  | { readonly kind: 'fastly'; readonly apiUrl: string; readonly serviceId: string; readonly token: string }
  | { readonly kind: 'cloudflare'; readonly apiUrl: string; readonly zoneId: string; readonly token: string }
  | {
      readonly kind: 'akamai';
      readonly apiUrl: string;
      readonly network: 'production' | 'staging';
      readonly clientToken: string;
      readonly clientSecret: string;
      readonly accessToken: string;
    };

export interface CdnConfig {
  readonly cacheTimes: Readonly<Record<CacheKind, CacheTimes>>;
  readonly purge: PurgeTarget | null;
  /** Keys changed within this window go out in one purge (CDN_PURGE_DELAY_MS, default 1000). */
  readonly purgeDelayMs: number;
}

const purgeKinds = ['none', 'generic', 'fastly', 'cloudflare', 'akamai'] as const;

/**
 * The CDN settings: cache lifetimes per kind of page and the purge target.
 *
 * @example
 * parseCdnConfig({ CDN_PURGE: 'fastly', CDN_PURGE_TOKEN: 't', CDN_PURGE_SERVICE: 'SU1Z0isxPaozGVKXdv0eY' });
 */
export function parseCdnConfig(env: NodeJS.ProcessEnv): CdnConfig {
  const delay = env.CDN_PURGE_DELAY_MS ? Number(env.CDN_PURGE_DELAY_MS) : 1000;
  if (!Number.isSafeInteger(delay) || delay < 0 || delay > 600_000) {
    throw new ConfigError(
      'CDN_PURGE_DELAY_MS',
      `must be a whole number of milliseconds up to 600000 (got "${env.CDN_PURGE_DELAY_MS}")`,
    );
  }
  return Object.freeze({ cacheTimes: parseCacheTimes(env), purge: parsePurge(env), purgeDelayMs: delay });
}

function parsePurge(env: NodeJS.ProcessEnv): PurgeTarget | null {
  const kind = (env.CDN_PURGE || 'none').toLowerCase();
  if (!(purgeKinds as readonly string[]).includes(kind)) {
    throw new ConfigError('CDN_PURGE', `must be one of ${purgeKinds.join(', ')} (got "${env.CDN_PURGE}")`);
  }
  const required = (setting: string, what: string): string => {
    const value = env[setting];
    if (!value) throw new ConfigError(setting, `must be set when CDN_PURGE=${kind} (${what})`);
    return value;
  };
  const apiUrl = (fallback: string | undefined) => {
    const value = env.CDN_PURGE_URL || fallback;
    if (!value) throw new ConfigError('CDN_PURGE_URL', `must be set when CDN_PURGE=${kind}`);
    // The CDN APIs' base URLs are joined with paths below; the generic hook's URL is used as given.
    return kind === 'generic' ? httpUrl(value) : httpUrl(value).replace(/\/+$/, '');
  };
  switch (kind) {
    case 'none':
      return null;
    case 'generic': {
      const method = (env.CDN_PURGE_METHOD || 'POST').toUpperCase();
      if (method !== 'POST' && method !== 'PURGE') {
        throw new ConfigError('CDN_PURGE_METHOD', `must be POST or PURGE (got "${env.CDN_PURGE_METHOD}")`);
      }
      return {
        kind,
        url: apiUrl(undefined),
        method,
        ...(env.CDN_PURGE_TOKEN ? { token: env.CDN_PURGE_TOKEN } : {}),
      };
    }
    case 'fastly':
      return {
        kind,
        apiUrl: apiUrl('https://api.fastly.com'),
        serviceId: required('CDN_PURGE_SERVICE', 'the Fastly service id'),
        token: required('CDN_PURGE_TOKEN', 'a Fastly API token with purge rights'),
      };
    case 'cloudflare':
      return {
        kind,
        apiUrl: apiUrl('https://api.cloudflare.com/client/v4'),
        zoneId: required('CDN_PURGE_SERVICE', 'the Cloudflare zone id'),
        token: required('CDN_PURGE_TOKEN', 'a Cloudflare API token with Cache Purge permission'),
      };
    default: {
      const network = (env.AKAMAI_NETWORK || 'production').toLowerCase();
      if (network !== 'production' && network !== 'staging') {
        throw new ConfigError(
          'AKAMAI_NETWORK',
          `must be production or staging (got "${env.AKAMAI_NETWORK}")`,
        );
      }
      return {
        kind: 'akamai',
        apiUrl: apiUrl(undefined),
        network,
        clientToken: required('AKAMAI_CLIENT_TOKEN', 'the API client’s client_token'),
        clientSecret: required('AKAMAI_CLIENT_SECRET', 'the API client’s client_secret'),
        accessToken: required('AKAMAI_ACCESS_TOKEN', 'the API client’s access_token'),
      };
    }
  }
}

function httpUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('CDN_PURGE_URL', `"${value}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError('CDN_PURGE_URL', 'must start with http:// or https://');
  }
  return value;
}
