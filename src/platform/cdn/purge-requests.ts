import type { PurgeTarget } from './cdn-config.ts';
import { edgeGridAuthorization } from './edgegrid.ts';
import { akamaiTag } from './surrogate-keys.ts';

export interface PurgeRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * How many keys one request may carry: Fastly takes 256 surrogate keys per bulk purge; 30 tags
 * stay within Cloudflare's per-call limit on every plan; Akamai's body limit is 50,000 bytes
 * (200 tags of the page cache's length stay far below it). The generic hook takes 1,000.
 */
const batchSize: Record<PurgeTarget['kind'], number> = {
  generic: 1000,
  fastly: 256,
  cloudflare: 30,
  akamai: 200,
};

/**
 * The HTTP requests that purge `keys` at `target`, as each CDN documents its purge-by-tag API.
 *
 * @example
 * purgeRequests({ kind: 'fastly', apiUrl: 'https://api.fastly.com', serviceId: 'S', token: 'T' }, ['article:12']);
 * // [{ method: 'POST', url: 'https://api.fastly.com/service/S/purge', body: '{"surrogate_keys":["article:12"]}', … }]
 */
export function purgeRequests(target: PurgeTarget, keys: readonly string[], at = new Date()): PurgeRequest[] {
  const unique = [...new Set(keys)];
  const requests: PurgeRequest[] = [];
  for (let i = 0; i < unique.length; i += batchSize[target.kind]) {
    requests.push(one(target, unique.slice(i, i + batchSize[target.kind]), at));
  }
  return requests;
}

function one(target: PurgeTarget, keys: string[], at: Date): PurgeRequest {
  const json = { 'content-type': 'application/json', accept: 'application/json' };
  switch (target.kind) {
    case 'generic': {
      const auth: Record<string, string> = target.token ? { authorization: `Bearer ${target.token}` } : {};
      if (target.method === 'PURGE') {
        // Varnish xkey and similar: the keys travel in a header of a PURGE to the cache itself.
        return {
          method: 'PURGE',
          url: target.url,
          headers: { ...auth, 'surrogate-key': keys.join(' '), 'xkey-purge': keys.join(' ') },
          body: '',
        };
      }
      return {
        method: 'POST',
        url: target.url,
        headers: { ...json, ...auth },
        body: JSON.stringify({ keys }),
      };
    }
    case 'fastly':
      // Bulk purge by surrogate key: POST /service/{id}/purge with the keys in the body.
      return {
        method: 'POST',
        url: `${target.apiUrl}/service/${encodeURIComponent(target.serviceId)}/purge`,
        headers: { ...json, 'fastly-key': target.token },
        body: JSON.stringify({ surrogate_keys: keys }),
      };
    case 'cloudflare':
      // Purge cached content by cache-tags: POST /zones/{zone_id}/purge_cache {"tags": [...]}.
      return {
        method: 'POST',
        url: `${target.apiUrl}/zones/${encodeURIComponent(target.zoneId)}/purge_cache`,
        headers: { ...json, authorization: `Bearer ${target.token}` },
        body: JSON.stringify({ tags: keys }),
      };
    case 'akamai': {
      // Fast Purge v3, invalidate by cache tag (stale copies stay usable until refetched).
      const url = `${target.apiUrl}/ccu/v3/invalidate/tag/${target.network}`;
      const body = JSON.stringify({ objects: keys.map(akamaiTag) });
      return {
        method: 'POST',
        url,
        headers: { ...json, authorization: edgeGridAuthorization(target, { method: 'POST', url, body }, at) },
        body,
      };
    }
  }
}

/** A purge the endpoint did not take; the job retries it later. */
export class PurgeFailed extends Error {
  override name = 'PurgeFailed';
}

/** Sends one purge request; anything but a 2xx within the timeout is a failure to retry. */
export async function sendPurge(request: PurgeRequest, timeoutMs = 10_000): Promise<void> {
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body ? { body: request.body } : {}),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new PurgeFailed(`${request.method} ${request.url}: ${(error as Error).message}`);
  }
  const text = await response.text().catch(() => '');
  if (!response.ok) {
    throw new PurgeFailed(
      `${request.method} ${request.url} answered ${response.status}: ${text.slice(0, 200)}`,
    );
  }
}
