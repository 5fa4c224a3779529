/** The reader side's HTTP plumbing: the session cookie, CSRF checks, form fields. */
import type { FastifyRequest } from 'fastify';
import { CommunityError } from '../errors.ts';
import type { Reader } from '../model.ts';
import { type ReaderSession, sameSecret } from '../readers.ts';

export const READER_COOKIE = 'dl_reader';

export interface SignedInReader {
  readonly reader: Reader;
  readonly session: ReaderSession;
  readonly token: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in reader of a community request, or null. */
    reader: SignedInReader | null;
  }
}

/** HttpOnly, SameSite=Lax, Secure on HTTPS; kept 30 days like the session it opens. */
export function readerCookie(token: string, secure: boolean): string {
  return `${READER_COOKIE}=${token}; Path=/; Max-Age=${30 * 24 * 60 * 60}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

export function clearedReaderCookie(secure: boolean): string {
  return `${READER_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** One string field of a urlencoded form ('' when absent; the first of repeated fields). */
export function field(request: FastifyRequest, name: string): string {
  const body = request.body as Record<string, unknown> | undefined;
  const value = body && typeof body === 'object' ? body[name] : undefined;
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return '';
}

export function queryField(request: FastifyRequest, name: string): string {
  const value = (request.query as Record<string, unknown>)[name];
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return '';
}

export function positiveId(value: string): number | null {
  return /^[1-9]\d{0,14}$/.test(value) && Number.isSafeInteger(Number(value)) ? Number(value) : null;
}

/**
 * The request came from a page of this host: Origin when the browser sends one (every current
 * browser does on POST), else Referer. A form on another site cannot pass.
 */
export function sameOrigin(request: FastifyRequest): boolean {
  const source = request.headers.origin ?? request.headers.referer;
  if (typeof source !== 'string' || source === 'null') return false;
  try {
    // Both through the URL parser, so a default port (":80") compares equal to none.
    return new URL(source).host === new URL(`${request.protocol}://${request.host}`).host;
  } catch {
    return false;
  }
}

/** A signed-in form: the reader's session and its CSRF token in the `csrf` field. */
export function requireReaderForm(request: FastifyRequest): SignedInReader {
  const signed = request.reader;
  if (!signed) {
    throw new CommunityError.SignInRequired(
      'Your session has ended. Sign in again, then repeat what you did.',
    );
  }
  const token = field(request, 'csrf');
  const origin = request.headers.origin;
  const crossSite = typeof origin === 'string' && !sameOrigin(request);
  if (crossSite || token.length === 0 || !sameSecret(token, signed.session.csrfToken)) {
    throw new CommunityError.CsrfInvalid(
      'This form was out of date or did not come from our site, so nothing was changed. Reload the page and try again.',
    );
  }
  return signed;
}
