import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CachedPage, PageCache } from '../platform/cache/page-cache.ts';
import { etagOf } from '../platform/cache/page-cache.ts';
import {
  type CacheKind,
  cacheControlOf,
  defaultCacheTimes,
  immutableCacheControl,
  privateCacheControl,
} from '../platform/cdn/index.ts';

/**
 * The default lifetimes, for code outside the responder. Pages finished through the responder
 * take their kind's configured lifetimes instead (CACHE_CONTROL_*; see platform/cdn).
 */
export const cachePolicy = {
  page: cacheControlOf(defaultCacheTimes.page),
  gone: cacheControlOf(defaultCacheTimes.gone),
  notFound: cacheControlOf(defaultCacheTimes.notFound),
  asset: immutableCacheControl,
  private: privateCacheControl,
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
  /** Surrogate keys of the content shown; the site plugin adds `site:<id>` and the kind's key. */
  readonly keys: readonly string[];
  /** What kind of page this is: it decides Cache-Control (configured per kind) and a key (`fronts:1`). */
  readonly kind?: CacheKind;
  /** Overrides the kind's Cache-Control (rarely wanted). */
  readonly cacheControl?: string;
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
  /** The configured Cache-Control of a kind (for redirects and answers sent without `finish`). */
  cacheControl(kind: CacheKind): string;
}

export function pageEntry(
  status: number,
  body: string,
  options: Pick<FinishOptions, 'keys' | 'expiresAt' | 'contentType' | 'lastModified' | 'headers'> & {
    readonly cacheControl: string;
  },
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
