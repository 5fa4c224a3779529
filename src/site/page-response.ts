import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CachedPage, PageCache } from '../platform/cache/page-cache.ts';
import { etagOf } from '../platform/cache/page-cache.ts';

/** How long browsers and CDNs may keep each kind of answer. Browsers revalidate (cheap, by ETag). */
export const cachePolicy = {
  page: 'public, max-age=0, must-revalidate, s-maxage=60, stale-while-revalidate=30, stale-if-error=86400',
  gone: 'public, max-age=300, s-maxage=3600, stale-if-error=86400',
  notFound: 'public, max-age=0, s-maxage=30',
  asset: 'public, max-age=31536000, immutable',
  private: 'no-store',
};

export const securityHeaders = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'content-security-policy':
    "default-src 'self'; img-src 'self' https: data:; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'",
};

/** Sends a finished page: 304 when the client's ETag matches, compressed when it accepts that. */
export function sendPage(
  request: FastifyRequest,
  reply: FastifyReply,
  page: CachedPage,
  cache: PageCache | null,
) {
  reply
    .header('etag', page.etag)
    .header('cache-control', page.cacheControl)
    .header('vary', 'Accept-Encoding');
  if (page.keys.length > 0) reply.header('surrogate-key', page.keys.join(' '));
  if (page.lastModified) reply.header('last-modified', page.lastModified);
  reply.headers(securityHeaders);
  if (page.headers) reply.headers(page.headers);
  if (page.status === 200 && notModified(request, page)) return reply.code(304).send();
  reply.code(page.status).type(page.contentType);
  const encoding = pickEncoding(request.headers['accept-encoding']);
  if (encoding && page.body.length > 1024) {
    const body = cache ? cache.encoded(page, encoding) : compressOnce(page, encoding);
    return reply.header('content-encoding', encoding).send(body);
  }
  return reply.send(page.body);
}

/** How a route plugin inside the site plugin stores and sends what it rendered. */
export interface FinishOptions {
  /** Surrogate keys of the content shown; the site plugin adds `site:<id>`. */
  readonly keys: readonly string[];
  readonly cacheControl: string;
  readonly expiresAt?: number;
  readonly cacheable?: boolean;
  /** Defaults to HTML. */
  readonly contentType?: string;
  /** Sent as Last-Modified (to the second) and compared with If-Modified-Since. */
  readonly lastModified?: Date;
  /** Headers of this page only, sent after (and so in place of) the security headers. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** What the site plugin lends the route plugins registered inside it (feeds, sitemaps). */
export interface PageResponder {
  /** Caches the response by the request's page id (unless not cacheable) and sends it. */
  finish(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    body: string,
    options: FinishOptions,
  ): FastifyReply;
  /** The site's 404 page. */
  notFound(request: FastifyRequest, reply: FastifyReply): FastifyReply;
  /** When a site's lists next change (a scheduled story comes due), in ms; Infinity when never. */
  listExpiry(siteId: number): Promise<number>;
}

export function pageEntry(
  status: number,
  body: string,
  options: Pick<
    FinishOptions,
    'keys' | 'cacheControl' | 'expiresAt' | 'contentType' | 'lastModified' | 'headers'
  >,
): CachedPage {
  const buffer = Buffer.from(body);
  return {
    status,
    body: buffer,
    etag: etagOf(buffer),
    contentType: options.contentType ?? 'text/html; charset=utf-8',
    cacheControl: options.cacheControl,
    keys: options.keys,
    expiresAt: options.expiresAt ?? Number.POSITIVE_INFINITY,
    ...(options.lastModified ? { lastModified: options.lastModified.toUTCString() } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
  };
}

/**
 * RFC 9110 §13.2.2: If-None-Match decides when present; otherwise If-Modified-Since against
 * Last-Modified. HTTP-dates have whole seconds, so a change in the same second as the previous
 * render is only told apart by the ETag (which every feed reader worth the name sends).
 */
function notModified(request: FastifyRequest, page: CachedPage): boolean {
  const inm = request.headers['if-none-match'];
  if (inm !== undefined) return matchesEtag(inm, page.etag);
  const ims = request.headers['if-modified-since'];
  if (ims === undefined || !page.lastModified) return false;
  const since = Date.parse(ims);
  return !Number.isNaN(since) && Date.parse(page.lastModified) <= since;
}

function matchesEtag(header: string, etag: string): boolean {
  if (header === etag || header === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

function pickEncoding(header: string | undefined): 'br' | 'gzip' | null {
  if (!header) return null;
  if (/\bbr\b(?!;q=0(\.0*)?\b)/.test(header)) return 'br';
  if (/\bgzip\b(?!;q=0(\.0*)?\b)/.test(header)) return 'gzip';
  return null;
}

function compressOnce(page: CachedPage, encoding: 'br' | 'gzip'): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(page.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
    : gzipSync(page.body);
}
