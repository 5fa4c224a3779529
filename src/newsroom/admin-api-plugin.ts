/**
 * The admin JSON API, registered by the composition root under /api/admin/v1. Cookie sessions,
 * the CSRF check, role guards, the error format and the OpenAPI document all live inside this
 * encapsulated plugin, so none of it touches the reader site or the Content API.
 *
 * Order of checks on every request (onRequest, before the body is validated): the session
 * (401), the CSRF header on state-changing methods (403 CSRF_INVALID), then the route's
 * permission (403 FORBIDDEN). Per-article rules (a writer's own articles) follow in the handler.
 */
import swagger from '@fastify/swagger';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { ContentService } from '../content/index.ts';
import type { Clock, Config } from '../platform/index.ts';
import { articleRoutes } from './admin-article-routes.ts';
import { homeRoutes } from './admin-home-routes.ts';
import { adminErrorHandler, findNul, formatSchemaError, readCookie, SESSION_COOKIE } from './admin-http.ts';
import { mediaRoutes } from './admin-media-routes.ts';
import { errorSchema, validationErrorSchema } from './admin-schemas.ts';
import { sessionRoutes } from './admin-session-routes.ts';
import { taxonomyManageRoutes } from './admin-taxonomy-manage-routes.ts';
import { taxonomyRoutes } from './admin-taxonomy-routes.ts';
import { userRoutes } from './admin-user-routes.ts';
import type { AuditLog } from './audit.ts';
import { AdminError, ValidationError } from './errors.ts';
import type { LoginService } from './login.ts';
import type { MediaLibrary } from './media-library.ts';
import type { PasswordResets } from './password-reset.ts';
import { roleHolds } from './permissions.ts';
import type { ScheduledPublishing } from './scheduled-publishing.ts';
import { type SessionStore, sameSecret } from './sessions.ts';
import type { StaffAccounts } from './staff-accounts.ts';

export interface AdminApiOptions {
  readonly content: ContentService;
  readonly clock: Clock;
  readonly sessions: SessionStore;
  readonly login: LoginService;
  readonly audit: AuditLog;
  readonly publishing: ScheduledPublishing;
  readonly media: MediaLibrary;
  /** The largest upload the media library takes (MEDIA_MAX_BYTES). */
  readonly mediaMaxBytes: number;
  readonly accounts: StaffAccounts;
  readonly resets: PasswordResets;
  /** How links in emails reach a site (PUBLIC_SCHEME, PUBLIC_PORT). */
  readonly publicLinks: Pick<Config, 'publicScheme' | 'publicPort'>;
  /**
   * Other capabilities' admin routes (moderation, newsletter, wire desk, live TV), registered
   * inside this plugin so they share its session, CSRF and permission checks and its error
   * format. A route names its permission with `config: { action }` like the newsroom's own.
   */
  readonly extensions?: readonly AdminExtension[];
}

/** A capability's admin routes, mounted under the admin API's prefix. */
export interface AdminExtension {
  /** Becomes an OpenAPI tag, e.g. "comments". */
  readonly name: string;
  readonly description: string;
  readonly routes: FastifyPluginAsync;
}

export type AdminRouteDeps = Omit<AdminApiOptions, 'extensions'>;

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function adminApiPlugin(app: FastifyInstance, options: AdminApiOptions): Promise<void> {
  const { sessions } = options;

  app.decorateRequest('staff', null);
  app.setSchemaErrorFormatter(formatSchemaError);
  app.setErrorHandler(adminErrorHandler);
  app.setNotFoundHandler((request) => {
    throw new AdminError.NotFound(
      `There is no ${request.method} ${request.url.split('?')[0]} in the admin API.`,
    );
  });
  app.addSchema(errorSchema);
  app.addSchema(validationErrorSchema);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Dateline Admin API',
        version: '1.0.0',
        description:
          'The newsroom API. Sign in with POST /session; the dl_staff cookie then identifies you. Every POST, PATCH, PUT and DELETE except sign-in must carry `X-CSRF-Token` with the token sign-in (or GET /session) answered. Errors are `{error, message}`; invalid fields answer 422 `{error: "VALIDATION", message, fields: [{field, message}]}`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
      security: [{ session: [], csrf: [] }],
      tags: [
        { name: 'session', description: 'Signing in and out' },
        { name: 'articles', description: 'Articles of every status and their lifecycle' },
        { name: 'taxonomy', description: 'Sites, sections and tags' },
        { name: 'audit', description: 'Who did what' },
        { name: 'users', description: 'Staff accounts (admins)' },
        { name: 'home', description: "Curating each brand's home page" },
        { name: 'media', description: 'The media library: uploaded images and their renditions' },
        ...(options.extensions ?? []).map(({ name, description }) => ({ name, description })),
      ],
    },
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) =>
        typeof json.$id === 'string' ? json.$id : `def-${i}`,
    },
  });

  app.addHook('onRequest', async (request) => {
    const token = readCookie(request.headers.cookie, SESSION_COOKIE);
    request.staff = token
      ? await sessions.verify(token).then((found) => (found ? { ...found, token } : null))
      : null;
    const config = request.routeOptions.config;
    if (config.public) return;
    if (!request.staff) {
      throw new AdminError.Unauthenticated(
        `Sign in first: POST ${app.prefix}/session with your email and password.`,
      );
    }
    if (!safeMethods.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameSecret(header, request.staff.session.csrfToken)) {
        throw new AdminError.CsrfInvalid(
          'Send the X-CSRF-Token header with the csrfToken that sign-in or GET /session answered.',
        );
      }
    }
    const { role } = request.staff.user;
    if (config.action && !roleHolds(role, config.action)) {
      throw new AdminError.Forbidden(`Your role (${role}) does not allow ${config.action}.`);
    }
  });
  app.addHook('preValidation', async (request) => {
    const field = findNul(request.body) ?? findNul(request.query, 'query');
    if (field) throw new ValidationError([{ field, message: 'must not contain NUL characters' }]);
  });
  // Ajv coerces "Infinity" to a number that passes `integer`, `minimum` and `maximum`.
  app.addHook('preHandler', async (request) => {
    for (const values of [request.params, request.query] as Record<string, unknown>[]) {
      for (const [name, value] of Object.entries(values ?? {})) {
        if (typeof value === 'number' && !Number.isFinite(value)) {
          throw new ValidationError([{ field: name, message: 'must be a finite whole number' }]);
        }
      }
    }
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    reply
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .header('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
    return payload;
  });

  // Only the services: the options Fastify hands a plugin also carry its prefix.
  const deps: AdminRouteDeps = {
    content: options.content,
    clock: options.clock,
    sessions,
    login: options.login,
    audit: options.audit,
    publishing: options.publishing,
    media: options.media,
    mediaMaxBytes: options.mediaMaxBytes,
    accounts: options.accounts,
    resets: options.resets,
    publicLinks: options.publicLinks,
  };
  await app.register(sessionRoutes, deps);
  await app.register(articleRoutes, deps);
  await app.register(taxonomyRoutes, deps);
  await app.register(mediaRoutes, deps);
  await app.register(homeRoutes, deps);
  await app.register(taxonomyManageRoutes, deps);
  await app.register(userRoutes, deps);
  for (const extension of options.extensions ?? []) await app.register(extension.routes);

  app.get('/openapi.json', { schema: { hide: true }, config: { public: true } }, async () => app.swagger());
  // Without it, unknown admin paths would fall through to the reader site's HTML 404 page.
  app.all('/*', { schema: { hide: true }, config: { public: true } }, async (request) => {
    throw new AdminError.NotFound(
      `There is no ${request.method} ${request.url.split('?')[0]} in the admin API.`,
    );
  });
}
