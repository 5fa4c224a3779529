import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CachedPage } from '../cache/page-cache.ts';
import type { DatabaseHealth } from '../database/database-health.ts';
import { databaseErrorKind } from '../database/dialect.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set when the request failed because the database was unreachable or busy. */
    databaseFailure: 'unreachable' | 'busy' | null;
    /** The site plugin's last rendering of this page, served when the database fails (stale-if-error). */
    staleIfError: (() => CachedPage | undefined) | null;
  }
}

const messages = {
  unreachable: {
    title: 'We will be right back',
    text: 'This page cannot be loaded right now because our database is not answering. Nothing you sent was saved. Please try again in a minute.',
    retryAfter: '30',
  },
  busy: {
    title: 'Please try again',
    text: 'We are very busy this instant and nothing you sent was saved. Please try again in a moment.',
    retryAfter: '1',
  },
} as const;

/**
 * Degraded mode for database failures, for every route whatever its own error handler does:
 * an error that means the database is unreachable (or momentarily busy) becomes a 503 with
 * Retry-After and a human message (JSON for the APIs, an HTML page for the reader site and its
 * forms) instead of a 500; a reader page that was rendered before is served from the page cache
 * as it was (stale-if-error). Installed on the root instance before any plugin, so every
 * encapsulated plugin inherits both hooks.
 */
export function installDatabaseUnavailable(app: FastifyInstance, health: DatabaseHealth): void {
  app.decorateRequest('databaseFailure', null);
  app.decorateRequest('staleIfError', null);
  app.addHook('onError', async (request, _reply, error) => {
    const kind = databaseErrorKind(error);
    if (!kind) return;
    request.databaseFailure = kind;
    health.observe(error);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.databaseFailure || reply.statusCode < 500) return payload;
    const stale = request.staleIfError?.();
    if (stale && (request.method === 'GET' || request.method === 'HEAD')) return sendStale(reply, stale);
    const message = messages[request.databaseFailure];
    reply
      .code(503)
      .header('retry-after', message.retryAfter)
      .header('cache-control', 'no-store')
      .removeHeader('content-encoding')
      .removeHeader('content-length');
    if (wantsJson(request, reply)) {
      reply.type('application/json; charset=utf-8');
      const code = request.databaseFailure === 'busy' ? 'DATABASE_BUSY' : 'DATABASE_UNAVAILABLE';
      return JSON.stringify({ error: code, message: message.text });
    }
    reply.type('text/html; charset=utf-8');
    return messagePage(message.title, message.text);
  });
}

function sendStale(reply: FastifyReply, page: CachedPage): Buffer {
  reply
    .code(page.status)
    .type(page.contentType)
    .header('etag', page.etag)
    .header('cache-control', page.cacheControl)
    .header('warning', '110 - "Response is Stale"')
    .removeHeader('content-encoding')
    .removeHeader('content-length');
  if (page.keys.length > 0) reply.header('surrogate-key', page.keys.join(' '));
  if (page.headers) reply.headers(page.headers);
  return page.body;
}

function wantsJson(request: FastifyRequest, reply: FastifyReply): boolean {
  if (request.url.startsWith('/api/')) return true;
  const type = String(reply.getHeader('content-type') ?? '');
  if (type.includes('html')) return false;
  return !String(request.headers.accept ?? '').includes('text/html') && type.includes('json');
}

/** A self-contained page: the site's layout needs data the database may not give right now. */
function messagePage(title: string, text: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${title}</title>
<style>body{font:1.125rem/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1a1a1a}h1{font-size:1.75rem}</style></head>
<body><main><h1>${title}</h1><p>${text}</p><p><a href="/">Back to the home page</a></p></main></body></html>
`;
}
