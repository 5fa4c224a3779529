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
  reply.headers(securityHeaders);
  const inm = request.headers['if-none-match'];
  if (inm !== undefined && page.status === 200 && matchesEtag(inm, page.etag)) {
    return reply.code(304).send();
  }
  reply.code(page.status).type(page.contentType);
  const encoding = pickEncoding(request.headers['accept-encoding']);
  if (encoding && page.body.length > 1024) {
    const body = cache ? cache.encoded(page, encoding) : compressOnce(page, encoding);
    return reply.header('content-encoding', encoding).send(body);
  }
  return reply.send(page.body);
}

export function pageEntry(
  status: number,
  body: string,
  options: { keys: readonly string[]; cacheControl: string; expiresAt?: number },
): CachedPage {
  const buffer = Buffer.from(body);
  return {
    status,
    body: buffer,
    etag: etagOf(buffer),
    contentType: 'text/html; charset=utf-8',
    cacheControl: options.cacheControl,
    keys: options.keys,
    expiresAt: options.expiresAt ?? Number.POSITIVE_INFINITY,
  };
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
