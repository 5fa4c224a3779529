import Fastify, { type FastifyInstance } from 'fastify';
import { type ContentApiOptions, contentApiPlugin, createApiKey } from '../api/index.ts';

export const API = '/api/content/v1';

/**
 * The Content API alone, over the services of an app built for tests (the demo app), with its
 * own options: a low rate limit, or none worth mentioning for tests that send thousands of requests.
 */
export async function buildApiApp(
  from: FastifyInstance,
  options: Partial<Pick<ContentApiOptions, 'rateLimit' | 'search'>> = {},
): Promise<FastifyInstance> {
  const { content, database, clock } = from.services;
  const app = Fastify({ logger: false });
  await app.register(contentApiPlugin, { prefix: API, content, db: database.db, clock, ...options });
  await app.ready();
  return app;
}

/** A new API key's secret, for every site or for one. */
export async function newApiKey(app: FastifyInstance, options: { site?: string; name?: string } = {}) {
  const { content, database, clock } = app.services;
  const siteId = options.site ? content.sites.find((s) => s.slug === options.site)!.id : null;
  const created = await createApiKey(database.db, { name: options.name ?? 'test', siteId, at: clock.now() });
  if (!created.ok) throw new Error(created.message);
  return { ...created.key, secret: created.secret };
}
