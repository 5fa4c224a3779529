/**
 * The admin API's HTTP plumbing: the session cookie, the request's signed-in staff member,
 * route permission config, and how errors (ours, content's, schema validation) become answers.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldProblem } from '../content/index.ts';
import { AdminError, type FieldError, ValidationError } from './errors.ts';
import type { Action } from './permissions.ts';
import type { StaffSession } from './sessions.ts';
import type { StaffUser } from './staff-users.ts';

export const SESSION_COOKIE = 'dl_staff';

export interface SignedIn {
  readonly user: StaffUser;
  readonly session: StaffSession;
  readonly token: string;
}

/** Per-route config: `action` is the permission the route needs; `public` routes need no session. */
export interface AdminRouteConfig {
  readonly action?: Action;
  readonly public?: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in staff member of an admin API request, or null. */
    staff: SignedIn | null;
  }
  interface FastifyContextConfig {
    action?: Action;
    public?: boolean;
  }
}

/** The staff member of a route that passed the session check (every non-public route). */
export function signedIn(request: FastifyRequest): SignedIn {
  if (!request.staff) throw new AdminError.Unauthenticated('Sign in first.');
  return request.staff;
}

/** The value of one cookie in a Cookie header, or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * HttpOnly (scripts never see it), SameSite=Lax (other sites' forms and fetches do not carry
 * it), Secure on HTTPS. No Max-Age: the browser drops it when it closes; the server's 12-hour
 * sliding expiry bounds it either way.
 */
export function sessionCookie(token: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure ? '; Secure' : ''}`;
}

/** Ajv's errors as field problems: `body[0].text`, `headline`, `q`. */
export const formatSchemaError: Parameters<FastifyInstance['setSchemaErrorFormatter']>[0] = (
  errors,
  dataVar,
) => {
  const fields: FieldError[] = errors.map((error) => {
    const params = error.params as Record<string, unknown>;
    const path = error.instancePath
      .split('/')
      .slice(1)
      .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
      .join('')
      .replace(/^\./, '');
    if (error.keyword === 'required' && typeof params.missingProperty === 'string') {
      return {
        field: path ? `${path}.${params.missingProperty}` : params.missingProperty,
        message: 'is required',
      };
    }
    return { field: path || dataVar, message: error.message ?? 'is not valid' };
  });
  return new ValidationError(fields);
};

/** ContentError.Invalid says "field: problem; field: problem"; split it back into fields. */
function contentProblems(message: string): FieldProblem[] {
  return message.split('; ').map((part) => {
    const colon = part.indexOf(': ');
    return colon > 0
      ? { field: part.slice(0, colon), message: part.slice(colon + 2) }
      : { field: 'article', message: part };
  });
}

const contentCodes: Record<string, { status: number; code: string }> = {
  CONTENT_NOT_FOUND: { status: 404, code: 'NOT_FOUND' },
  CONTENT_REVISION_CONFLICT: { status: 409, code: 'REVISION_CONFLICT' },
  CONTENT_TRANSITION_REFUSED: { status: 409, code: 'TRANSITION_REFUSED' },
};
const ourCodes = new Set(Object.values(AdminError).map((E) => new E('').code));

export function adminErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  reply.header('cache-control', 'no-store');
  const fields =
    error instanceof ValidationError
      ? error.fields
      : error.code === 'CONTENT_INVALID'
        ? contentProblems(error.message)
        : null;
  if (fields) {
    const problem = new ValidationError(fields);
    return reply.code(422).send({ error: problem.code, message: problem.message, fields });
  }
  const mapped = contentCodes[error.code];
  if (mapped) return reply.code(mapped.status).send({ error: mapped.code, message: error.message });
  const status = error.statusCode ?? 500;
  if (ourCodes.has(error.code)) return reply.code(status).send({ error: error.code, message: error.message });
  if (status >= 400 && status < 500) {
    // Fastify's own 4xx (malformed JSON, wrong content type, a body too large) keep their message.
    return reply.code(status).send({ error: 'BAD_REQUEST', message: error.message });
  }
  request.log.error({ err: error }, 'admin API request failed');
  return reply
    .code(500)
    .send({ error: 'INTERNAL', message: 'Something went wrong on our side. Please try again.' });
}

/**
 * PostgreSQL refuses NUL in text; refuse it for every dialect, with the field named, before it
 * reaches a query.
 */
export function findNul(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || 'value' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = findNul(inner, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}
