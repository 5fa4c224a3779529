import { timingSafeEqual } from 'node:crypto';
import { open, readdir, unlink } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { join } from 'node:path';

/**
 * Purge by surrogate key for open-source nginx, which has no purge of its own: nginx keeps the
 * upstream's response headers at the start of every cache file, `Surrogate-Key` included, so
 * this agent (running next to nginx, with access to its `proxy_cache_path`) deletes the files
 * whose keys intersect the purge. nginx treats a missing file as a miss and fetches the page
 * again. It answers Dateline's generic purge hook (POST `{"keys": [...]}`) and PURGE with a
 * `Surrogate-Key` header. A purge scans the whole cache (reading each file's first 16 KB), which
 * is fine for a node's cache of some thousands of pages and coalesced purges; a large cache
 * wants a CDN's purge-by-tag instead.
 */
export interface NginxPurgeAgent {
  readonly server: Server;
  readonly port: number;
  close(): Promise<void>;
}

export interface NginxPurgeAgentOptions {
  /** nginx's proxy_cache_path. */
  readonly cacheDir: string;
  readonly port?: number;
  readonly host?: string;
  /** When set, requests must carry `Authorization: Bearer <token>`. */
  readonly token?: string;
}

const headBytes = 16 * 1024;

export async function startNginxPurgeAgent(options: NginxPurgeAgentOptions): Promise<NginxPurgeAgent> {
  const server = createServer((request, response) => {
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (options.token && !authorized(request, options.token)) {
      return answer(401, { error: 'unauthorized', message: 'Send Authorization: Bearer <token>.' });
    }
    readKeys(request)
      .then(async (keys) => {
        if (keys === null) {
          return answer(400, {
            error: 'bad_request',
            message: 'POST {"keys": ["article:12", …]} or PURGE with a Surrogate-Key header.',
          });
        }
        answer(200, await purgeCacheFiles(options.cacheDir, keys));
      })
      .catch((error: Error) => answer(500, { error: 'purge_failed', message: error.message }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address();
  return {
    server,
    port: typeof address === 'object' && address ? address.port : 0,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Deletes the cache files that carry any of `keys`; answers how many were scanned and purged. */
export async function purgeCacheFiles(
  cacheDir: string,
  keys: readonly string[],
): Promise<{ scanned: number; purged: number }> {
  const wanted = new Set(keys);
  let scanned = 0;
  let purged = 0;
  for (const file of await cacheFiles(cacheDir)) {
    scanned++;
    const fileKeys = await storedKeys(file);
    if (fileKeys.some((key) => wanted.has(key))) {
      await unlink(file).catch(() => {});
      purged++;
    }
  }
  return { scanned, purged };
}

/** Cache files are named by the MD5 of their key (32 hex digits); temporary files are not. */
async function cacheFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && /^[0-9a-f]{32}$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

async function storedKeys(file: string): Promise<string[]> {
  const handle = await open(file, 'r').catch(() => null);
  if (!handle) return []; // nginx replaced or evicted it meanwhile
  try {
    const buffer = Buffer.alloc(headBytes);
    const { bytesRead } = await handle.read(buffer, 0, headBytes, 0);
    const head = buffer.subarray(0, bytesRead).toString('latin1');
    const match = /\r\nsurrogate-key:[ \t]*([^\r\n]*)\r\n/i.exec(head);
    return match ? match[1]!.split(/\s+/).filter(Boolean) : [];
  } finally {
    await handle.close();
  }
}

async function readKeys(request: IncomingMessage): Promise<string[] | null> {
  if (request.method === 'PURGE') {
    const header = request.headers['surrogate-key'];
    const keys = typeof header === 'string' ? header.split(/\s+/).filter(Boolean) : [];
    return keys.length > 0 ? keys : null;
  }
  if (request.method !== 'POST') return null;
  let body = '';
  for await (const chunk of request) {
    body += chunk;
    if (body.length > 1_000_000) return null;
  }
  try {
    const parsed = JSON.parse(body) as { keys?: unknown };
    const keys = parsed.keys;
    if (
      !Array.isArray(keys) ||
      keys.length === 0 ||
      !keys.every((k) => typeof k === 'string' && k.length > 0)
    )
      return null;
    return keys as string[];
  } catch {
    return null;
  }
}

function authorized(request: IncomingMessage, token: string): boolean {
  const given = Buffer.from(request.headers.authorization ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
