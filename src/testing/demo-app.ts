import type { FastifyInstance } from 'fastify';
import { seedDemoCommunity } from '../community/index.ts';
import { seedDemo } from '../content/demo/index.ts';
import { seedDemoLive } from '../live/index.ts';
import { fixedClock } from '../platform/index.ts';
import { sqliteDialect } from './databases.ts';
import { buildTestApp } from './test-app.ts';

/** A fresh in-memory database with the demo publisher, served by the real app with a fixed clock. */
export async function buildDemoApp(
  options: { env?: Record<string, string>; now?: Date } = {},
): Promise<FastifyInstance> {
  const now = options.now ?? new Date('2026-11-25T15:00:00Z');
  const database = (await sqliteDialect.open())!;
  const app = await buildTestApp({ database, clock: fixedClock(now), env: options.env });
  await seedDemo(app.services.content, { now });
  await seedDemoLive(database.db, app.services.content, { now });
  await seedDemoCommunity(database.db, app.services.content, { now });
  // The seed writes through the repositories (no events): bring the search index up to date.
  await app.services.search.reindexAll();
  return app;
}

/** The path of the newest visible article of the default site (a typical article page). */
export async function someArticlePath(app: FastifyInstance, index = 0): Promise<string> {
  const { content, clock } = app.services;
  const site = content.siteForHost('localhost')!;
  const page = await content.articles.listVisible({ siteId: site.id, now: clock.now(), pageSize: index + 1 });
  const item = page.items[index]!;
  const section = content.sectionById(item.sectionId)!;
  return `/${section.path}/${item.slug}/${item.id}`;
}
