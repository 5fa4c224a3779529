/**
 * The composition root: the only module that knows every capability. It builds services in
 * order and returns a Fastify app that does not listen; only `dateline serve` listens.
 */
import { join } from 'node:path';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import { contentApiPlugin } from './api/index.ts';
import {
  type Community,
  communityAdminExtension,
  communityComments,
  communityReaderPages,
  createCommunity,
} from './community/index.ts';
import { type ContentService, createContentService, demoImagesDir } from './content/index.ts';
import {
  buildLivePlayerAsset,
  createLiveService,
  type LiveService,
  liveAdminExtension,
  testCardPlugin,
} from './live/index.ts';
import { createNewsletter, type Newsletter } from './newsletter/index.ts';
import {
  adminApiPlugin,
  adminAppPlugin,
  createNewsroom,
  editorExtension,
  mediaFilesPlugin,
  type Newsroom,
} from './newsroom/index.ts';
import { CdnPurger, installCookieGuard, purgeOnChanges } from './platform/cdn/index.ts';
import {
  bridgeEvents,
  type Clock,
  type Config,
  createLogger,
  createMailer,
  createMetrics,
  type DatabaseHandle,
  DatabaseHealth,
  EventBus,
  FragmentCache,
  healthPlugin,
  installDatabaseUnavailable,
  installErrorHandler,
  JobQueue,
  type Logger,
  type Mailer,
  migrateToLatest,
  openDatabase,
  openSharedState,
  PageCache,
  publicOrigin,
  type SharedState,
  systemClock,
} from './platform/index.ts';
import { createSearchService, type SearchService } from './search/index.ts';
import { type ArticleThread, buildSiteAssets, sitePlugin } from './site/index.ts';
import { createWireService, type WireService, wireAdminExtension } from './wire/index.ts';

export interface AppDeps {
  readonly config: Config;
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** An already open database (tests, CLI); otherwise opened from config.databaseUrl. */
  readonly database?: DatabaseHandle;
  /** Outgoing mail; otherwise built from config (SMTP_URL, else the outbox folder). */
  readonly mailer?: Mailer;
}

/** The services the app was built from, for the CLI, jobs and tests. */
export interface Services {
  readonly config: Config;
  readonly clock: Clock;
  readonly database: DatabaseHandle;
  readonly events: EventBus;
  readonly mailer: Mailer;
  /** Durable jobs; handlers are registered here, and only `dateline serve` starts the loop. */
  readonly jobs: JobQueue;
  readonly content: ContentService;
  readonly cache: PageCache | null;
  readonly newsroom: Newsroom;
  readonly search: SearchService;
  readonly live: LiveService;
  readonly wire: WireService;
  readonly newsletter: Newsletter;
  readonly community: Community;
  /** Redis (when REDIS_URL is set) and the rate counter every limit shares. */
  readonly shared: SharedState;
  /** CDN purges by surrogate key (CDN_PURGE); null when no CDN is configured. */
  readonly cdnPurger: CdnPurger | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const clock = deps.clock ?? systemClock;
  const logger = deps.logger ?? createLogger(config.logLevel);
  const database = deps.database ?? (await openDatabase(config.databaseUrl));
  const ownsDatabase = deps.database === undefined;
  try {
    await migrateToLatest(database);
  } catch (error) {
    if (ownsDatabase) await database.close();
    throw error;
  }
  // Redis is checked at start: a node that cannot reach it refuses to start rather than run alone.
  const shared = await openSharedState({ ...config, clock, logger }).catch(async (error) => {
    if (ownsDatabase) await database.close();
    throw error;
  });

  const events = new EventBus();
  // Degraded mode: an unreachable database is noticed (and logged once) here; see installDatabaseUnavailable.
  const databaseHealth = new DatabaseHealth({
    ping: () => database.ping(),
    logger,
    name: database.caps.name === 'postgres' ? 'PostgreSQL' : 'SQLite',
  });
  const mailer = deps.mailer ?? createMailer(config, logger);
  const jobs = new JobQueue({
    db: database.db,
    caps: database.caps,
    clock,
    logger,
    leaseMs: config.jobLeaseMs,
    onDatabaseError: (err) => databaseHealth.observe(err),
  });
  const content = createContentService({ db: database.db, events, clock });
  await content.load();
  const search = createSearchService({ db: database.db, caps: database.caps });
  // Wire ingestion writes through the content service (and indexes its batches in their own
  // transaction); its loop starts only with `serve`.
  const wire = createWireService({ db: database.db, content, clock, logger, search });
  const newsroom = createNewsroom({
    db: database.db,
    clock,
    content,
    jobs,
    mailer,
    logger,
    config,
    rateCounter: shared.rateCounter,
  });

  // The search index follows every article change at once; what arrived without events (a seed,
  // a bulk import) is caught up here, before the first request.
  events.on('article.changed', (event) => {
    if (event.searchIndexed) return;
    search
      .reindex(event.articleId)
      .catch((err) => logger.error({ err, articleId: event.articleId }, 'reindexing an article failed'));
  });
  if (await search.ensureIndexed()) logger.info('search index rebuilt from the articles');

  const cache = config.pageCache ? new PageCache({ now: () => clock.now().getTime() }) : null;
  if (cache) {
    events.onAnyNode('article.changed', (event) => cache.purge(event.keys));
    events.onAnyNode('site.changed', (event) => cache.purge([`site:${event.siteId}`]));
    events.onAnyNode('pages.changed', (event) => cache.purge(event.keys));
  }
  events.onAnyNode('site.changed', () => {
    content.load().catch((err) => logger.error({ err }, 'reloading sites failed'));
  });

  // Live TV: every page's header shows the LIVE indicator, so a channel or schedule change purges
  // the whole site; pages otherwise expire at the next programme boundary (see the site plugin).
  const live = createLiveService({
    db: database.db,
    events,
    clock,
    timeZoneOf: (siteId) => content.siteById(siteId)?.timeZone,
  });
  if (cache) events.onAnyNode('live.changed', (event) => cache.purge([`site:${event.siteId}`]));
  const newsletter = createNewsletter({
    db: database.db,
    content,
    mailer,
    clock,
    logger,
    config,
    jobs,
    rateCounter: shared.rateCounter,
    // Editions lead with the home page's curated top stories, in the newsroom's order.
    homeOrder: async (siteId) => (await content.curatedHome(siteId)).map((article) => article.id),
  });
  // Editions store their top stories when assembled: a kill or an unpublish takes the article
  // out of every edition not yet sending (the send also compiles only what readers can see).
  events.on('article.changed', (event) => {
    if (!event.takenDown) return;
    newsletter.editions
      .dropArticle(event.siteId, event.articleId)
      .catch((err) =>
        logger.error({ err, articleId: event.articleId }, 'dropping an article from editions failed'),
      );
  });
  // Community: reader accounts, comments and moderation. A comment change drops the pages that
  // show the article's thread (`comments:<id>`); lists show counts at most a minute old.
  const community = createCommunity({
    db: database.db,
    clock,
    mailer,
    content,
    events,
    audit: newsroom.audit,
    logger,
    originFor: (siteId) => publicOrigin(config, content.siteById(siteId)?.hosts[0] ?? 'localhost'),
  });
  if (cache) events.onAnyNode('comments.changed', (event) => cache.purge([`comments:${event.articleId}`]));
  const communityDeps = { community, content, clock };
  // Each article's rendered thread, kept (page cache on or off) until its comments or its
  // brand's settings change: re-rendering an article then costs no comment queries.
  const threads = new FragmentCache<ArticleThread>({
    sizeOf: (thread) => thread.html.value.length,
    now: () => clock.now().getTime(),
  });
  events.onAnyNode('comments.changed', (event) => threads.purge([`comments:${event.articleId}`]));
  events.onAnyNode('site.changed', (event) => threads.purge([`site:${event.siteId}`]));
  // Several nodes: the events above also arrive from the others, over Redis pub/sub.
  if (shared.redis) {
    await bridgeEvents({
      events,
      redis: shared.redis,
      logger,
      resync: () => {
        cache?.clear();
        threads.clear();
        content.load().catch((err) => logger.error({ err }, 'reloading sites failed'));
      },
    });
  }

  // CDN: the same keys the page cache drops are purged at the edge, durably, through the job queue.
  const { cdn } = config;
  const cdnPurger = cdn.purge
    ? new CdnPurger({ db: database.db, jobs, clock, logger, target: cdn.purge, delayMs: cdn.purgeDelayMs })
    : null;
  if (cdnPurger) {
    purgeOnChanges(events, cdnPurger, logger);
    await cdnPurger.resume();
  }

  const metrics = createMetrics();
  shared.registerMetrics(metrics.registry);
  const app: FastifyInstance = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: !config.logRequests }),
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    routerOptions: { maxParamLength: 500 },
  });
  app.decorate('services', {
    config,
    clock,
    database,
    events,
    mailer,
    jobs,
    content,
    cache,
    newsroom,
    search,
    live,
    wire,
    newsletter,
    community,
    shared,
    cdnPurger,
  });
  installErrorHandler(app);
  installDatabaseUnavailable(app, databaseHealth);
  installCookieGuard(app);

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.requests.inc({ method: request.method, route, status: reply.statusCode });
    metrics.duration.observe({ route }, reply.elapsedTime / 1000);
  });

  await app.register(healthPlugin, {
    database: databaseHealth,
    registry: metrics.registry,
    // With Redis, whether this node reaches it (a node without it still serves, on its own state).
    details: (): Record<string, string> => (shared.redis ? { redis: shared.redis.state } : {}),
  });
  // Encapsulated and prefixed: the site plugin's hooks and catch-all route never see these paths.
  await app.register(contentApiPlugin, {
    prefix: '/api/content/v1',
    content,
    db: database.db,
    clock,
    search,
    rateCounter: shared.rateCounter,
  });
  // The admin web app under /admin; its editor previews articles with the reader site's assets.
  const siteAssets = buildSiteAssets();
  await app.register(adminApiPlugin, {
    prefix: '/api/admin/v1',
    content,
    clock,
    ...newsroom,
    extensions: [
      liveAdminExtension({ live, audit: newsroom.audit, clock }),
      wireAdminExtension({
        wire,
        content,
        audit: newsroom.audit,
        clock,
        dropRoot: join(config.dataDir, 'wire'),
      }),
      newsletter.adminExtension(newsroom.audit),
      editorExtension({ content, clock, assets: siteAssets }),
      communityAdminExtension(communityDeps),
    ],
  });
  await app.register(adminAppPlugin, {});
  await app.register(testCardPlugin, { clock });
  await app.register(mediaFilesPlugin, { media: newsroom.media });
  await app.register(sitePlugin, {
    content,
    search,
    clock,
    cache,
    assets: siteAssets,
    demoMediaDir: demoImagesDir,
    live: { service: live, player: buildLivePlayerAsset() },
    comments: communityComments({ ...communityDeps, threads }),
    extensions: [newsletter.readerRoutes, communityReaderPages(communityDeps)],
    cdn,
  });

  app.addHook('onClose', async () => {
    await jobs.stop();
    await wire.stop();
    databaseHealth.close();
    await community.close();
    await mailer.close();
    await shared.close();
    if (ownsDatabase) await database.close();
  });
  return app;
}
