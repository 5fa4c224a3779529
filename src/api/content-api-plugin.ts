/**
 * The public, read-only Content API, registered by the composition root under
 * /api/content/v1. Everything it needs (CORS, the rate limit, the key check, its error format)
 * is registered inside this plugin, so none of it touches the reader site.
 */
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { ContentService } from '../content/index.ts';
import { type Clock, type Database, type RateCounter, rateLimitStore } from '../platform/index.ts';
import type { SearchService } from '../search/index.ts';
import { articleRoutes } from './article-routes.ts';
import { authenticate } from './authenticate.ts';
import { registerDocs, registerOpenApi } from './docs.ts';
import {
  apiErrorHandler,
  formatSchemaError,
  rejectNonFiniteNumbers,
  rejectUnknownParameters,
} from './error-handler.ts';
import { ApiError } from './errors.ts';
import { searchRoutes } from './search-routes.ts';
import { sharedSchemas } from './shared-schemas.ts';
import { taxonomyRoutes } from './taxonomy-routes.ts';

export interface ContentApiOptions {
  readonly content: ContentService;
  /** Where API keys are stored. */
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  /** GET /search answers 503 without it. */
  readonly search?: SearchService | null;
  /** Requests each key may make per window; default 600 a minute. */
  readonly rateLimit?: { readonly max: number; readonly timeWindowMs: number };
  /** Where the limit counts: shared by every node through Redis when configured; else in memory. */
  readonly rateCounter?: RateCounter;
}

/**
 * Data answers may be kept by the client for a minute, never by a shared cache: they are
 * fetched with a key, and a CDN keyed on the URL alone would hand them to callers without one
 * (and past the rate limit). Vary names the key headers for caches that look at it anyway.
 */
const dataCacheControl = 'private, max-age=60';

export async function contentApiPlugin(app: FastifyInstance, options: ContentApiOptions): Promise<void> {
  const { content, db, clock } = options;
  const limit = options.rateLimit ?? { max: 600, timeWindowMs: 60_000 };

  app.decorateRequest('apiKey', null);
  app.setSchemaErrorFormatter(formatSchemaError);
  app.setErrorHandler(apiErrorHandler);
  app.setNotFoundHandler((request) => {
    throw new ApiError.NotFound(notFoundMessage(app.prefix, request.url));
  });
  for (const schema of sharedSchemas) app.addSchema(schema);

  // Keys travel in headers, never cookies, so any origin may call: browsers send no credentials.
  await app.register(cors, {
    origin: '*',
    methods: ['GET', 'HEAD', 'OPTIONS'],
    allowedHeaders: ['Authorization', 'X-API-Key'],
    exposedHeaders: ['Retry-After', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'],
    maxAge: 86400,
  });
  await registerOpenApi(app);
  // Counted through the shared rate counter (every node's, with Redis). The key check runs
  // first (an instance hook; the limit is a route hook), so the budget is the key's, across
  // every endpoint; the public docs are limited by address.
  await app.register(rateLimit, {
    ...(options.rateCounter ? { store: rateLimitStore(options.rateCounter, 'api:') } : {}),
    max: limit.max,
    timeWindow: limit.timeWindowMs,
    keyGenerator: (request) => (request.apiKey ? `key:${request.apiKey.id}` : `ip:${request.ip}`),
    errorResponseBuilder: (_request, context) =>
      new ApiError.RateLimited(
        `Too many requests: this key may make ${context.max} per ${windowText(limit.timeWindowMs)}. Retry in ${context.after} (the Retry-After header gives the seconds).`,
      ),
  });

  app.addHook('preValidation', rejectUnknownParameters);
  app.addHook('preHandler', rejectNonFiniteNumbers);
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer');
    // The docs pages set their own policy after this hook (see docs.ts).
    reply.header('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
    return payload;
  });

  await app.register(async (keyed) => {
    keyed.addHook('onRequest', authenticate(db));
    keyed.addHook('onSend', async (_request, reply, payload) => {
      if (!reply.hasHeader('cache-control')) {
        reply.header('cache-control', reply.statusCode < 300 ? dataCacheControl : 'no-store');
      }
      reply.header('vary', 'Authorization, X-API-Key');
      return payload;
    });
    await keyed.register(articleRoutes, { content, clock });
    await keyed.register(taxonomyRoutes, { content, clock });
    await keyed.register(searchRoutes, { content, clock, search: options.search ?? null });
  });

  await registerDocs(app);

  app.get('/', { schema: { hide: true } }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    return {
      name: 'Dateline Content API',
      version: 1,
      docs: `${app.prefix}/docs`,
      openapi: `${app.prefix}/openapi.json`,
    };
  });
  // Without these, unknown API paths would fall through to the reader site's HTML 404 page.
  app.get('/*', { schema: { hide: true } }, async (request) => {
    throw new ApiError.NotFound(notFoundMessage(app.prefix, request.url));
  });
  app.route({
    method: ['POST', 'PUT', 'PATCH', 'DELETE'],
    url: '/*',
    schema: { hide: true },
    handler: async (request) => {
      throw new ApiError.MethodNotAllowed(
        `The Content API is read-only: ${request.method} is not allowed; use GET.`,
      );
    },
  });
}

function notFoundMessage(prefix: string, url: string): string {
  const path = url.split('?')[0]!;
  const shown = path.length > 120 ? `${path.slice(0, 120)}…` : path;
  return `There is no ${JSON.stringify(shown)} in the Content API; ${prefix}/docs lists the endpoints.`;
}

function windowText(ms: number): string {
  if (ms % 3_600_000 === 0) return ms === 3_600_000 ? 'hour' : `${ms / 3_600_000} hours`;
  if (ms % 60_000 === 0) return ms === 60_000 ? 'minute' : `${ms / 60_000} minutes`;
  return ms === 1000 ? 'second' : `${ms / 1000} seconds`;
}
