import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ArticleTeaser, ContentService, Site } from '../content/index.ts';
import type { LiveAsset, LiveService } from '../live/index.ts';
import type { PageCache } from '../platform/cache/page-cache.ts';
import {
  type CacheKind,
  type CdnConfig,
  cacheControlOf,
  defaultCacheTimes,
  kindKey,
  surrogateKeyHeaders,
} from '../platform/cdn/index.ts';
import type { Clock } from '../platform/clock.ts';
import type { SearchService } from '../search/index.ts';
import type { SiteAssets } from './assets.ts';
import { iconSvg, wordmarkSvg } from './brand-images.ts';
import { renderArticlePage } from './components/article-page.ts';
import {
  renderAuthorPage,
  renderHomePage,
  renderSectionPage,
  renderTagPage,
} from './components/list-pages.ts';
import { renderErrorPage, renderMessagePage } from './components/simple-pages.ts';
import type { ArticleComments, SiteExtension } from './extensions.ts';
import { feedRoutes } from './feeds/feed-routes.ts';
import { liveRoutes } from './live-routes.ts';
import type { PageContext } from './page-context.ts';
import {
  cachePolicy,
  type FinishOptions,
  type PageResponder,
  pageEntry,
  securityHeaders,
  sendPage,
} from './page-response.ts';
import { searchRoutes } from './search-routes.ts';
import { type SitemapLimits, sitemapRoutes } from './sitemaps/sitemap-routes.ts';
import { parseArticlePath, urls } from './urls.ts';

export interface SitePluginOptions {
  readonly content: ContentService;
  readonly assets: SiteAssets;
  readonly clock: Clock;
  /** null turns the rendered-page cache off (every request renders). */
  readonly cache: PageCache | null;
  readonly demoMediaDir?: string;
  /** Full-text search: without it there is no /search page (tests of other pages may leave it out). */
  readonly search?: SearchService;
  /** Live TV: the /live page and the header's LIVE indicator; without it /live says there is no channel. */
  readonly live?: { readonly service: LiveService; readonly player: LiveAsset };
  /** Sitemap file limits; the defaults keep every file within the protocol's 50,000 URLs and 50 MB. */
  readonly sitemapLimits?: Partial<SitemapLimits>;
  /** Comments under articles and their counts in lists (the community capability). */
  readonly comments?: ArticleComments;
  /**
   * Other capabilities' reader pages (community: join, account, discussion, guidelines;
   * newsletter: signup, confirm, unsubscribe, preferences), registered inside this plugin so they
   * get the site by Host, the layout's context and the page cache through the responder.
   */
  readonly extensions?: readonly SiteExtension[];
  /** Cache lifetimes per kind and the purge target (for Akamai's tag header); defaults without it. */
  readonly cdn?: Pick<CdnConfig, 'cacheTimes' | 'purge'>;
}

declare module 'fastify' {
  interface FastifyRequest {
    page: {
      site: Site;
      ctx: PageContext;
      cacheId: string;
      pageNumber: number;
      /** `?before=<article id>`: a keyset page of a list (older than that article), else null. */
      before: number | null;
      /** When the header's LIVE indicator next changes (a programme boundary): pages expire then. */
      liveChangesAt: number;
    };
  }
}

const PAGE_SIZE = 20;
/** The key every page of a kind carries, per site: `fronts:1` is every front of site 1. */
const kindKeys: Record<CacheKind, string> = {
  article: 'articles',
  front: 'fronts',
  search: 'searches',
  feed: 'feeds',
  sitemap: 'sitemaps',
  page: 'pages',
  gone: 'articles',
  notFound: 'pages',
  media: 'media',
};
/** Files, feeds and sitemaps: no header, so no LIVE indicator to look up. */
const noHeader = /^\/(assets|brand|media|feeds|sitemaps)\/|^\/(robots\.txt|sitemap\.xml)$/;

/** The reader web: home, fronts, articles, tags, authors, guidelines; every page cached by surrogate key. */
export async function sitePlugin(app: FastifyInstance, options: SitePluginOptions): Promise<void> {
  const { content, assets, clock, cache } = options;
  const cacheTimes = options.cdn?.cacheTimes ?? defaultCacheTimes;
  const cacheControls = Object.fromEntries(
    Object.entries(cacheTimes).map(([kind, times]) => [kind, cacheControlOf(times)]),
  ) as Record<CacheKind, string>;
  const cacheControl = (kind: CacheKind) => cacheControls[kind];
  const akamai = options.cdn?.purge?.kind === 'akamai';

  app.decorateRequest('page', null as never);

  // Resolve the site and serve from the page cache before any route work.
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    const site = content.siteForHost(request.host);
    if (!site) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('No site is set up yet: run `dateline seed --demo`.');
    }
    const url = request.url;
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    const { pageNumber, before } =
      q === -1 ? firstPage : parseListParams(request.query as Record<string, unknown>);
    const origin = originFor(request, site);
    const cacheId = `${site.id}|${origin}|${path}|${pageNumber}${before === null ? '' : `|b${before}`}`;
    if (cache && pageNumber > 0) {
      const hit = cache.get(cacheId);
      if (hit) return sendPage(request, reply, hit, cache);
      // If rendering fails because the database is unreachable, the last rendering is served.
      request.staleIfError = () => cache.stale(cacheId);
    }
    const now = clock.now();
    const live =
      options.live && !noHeader.test(path) ? await options.live.service.status(site.id, now) : null;
    request.page = {
      site,
      ctx: { ...contextFor(request, site, origin), now, live: live?.live ?? false },
      cacheId,
      pageNumber,
      before,
      liveChangesAt: live ? live.changesAt.getTime() : Number.POSITIVE_INFINITY,
    };
  });

  function contextFor(request: FastifyRequest, site: Site, origin: string): PageContext {
    const scheme = origin.slice(0, origin.indexOf('://'));
    const port = /:\d+$/.exec(request.host)?.[0] ?? '';
    return {
      site,
      sites: content.sites,
      sections: content.sections(site.id),
      origin,
      originOf: (other) =>
        other.id === site.id ? origin : `${scheme}://${other.hosts[0] ?? request.hostname}${port}`,
      assets: { css: assets.css.path, js: assets.js.path },
      now: clock.now(),
    };
  }

  function finish(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    body: string,
    options: FinishOptions,
  ) {
    const kind = options.kind ?? 'page';
    const siteId = request.page.site.id;
    const keys = [...options.keys, kindKey(kindKeys[kind], siteId), `site:${siteId}`];
    // Every page's header shows the LIVE indicator: keep the page only until it changes.
    const expiresAt = Math.min(options.expiresAt ?? Number.POSITIVE_INFINITY, request.page.liveChangesAt);
    const entry = pageEntry(status, body, {
      ...options,
      keys,
      expiresAt,
      cacheControl: options.cacheControl ?? cacheControl(kind),
      // Surrogate-Key and Cache-Tag (and Akamai's Edge-Cache-Tag) travel with the cached page.
      headers: { ...surrogateKeyHeaders(keys, { akamai }), ...options.headers },
    });
    if (cache && options.cacheable !== false) cache.set(request.page.cacheId, entry);
    return sendPage(request, reply, entry, cache);
  }

  function notFound(request: FastifyRequest, reply: FastifyReply) {
    const ctx = request.page?.ctx;
    if (!ctx) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    const body = renderErrorPage(ctx, 404, request.url.split('?')[0]!).value;
    return finish(request, reply, 404, body, {
      keys: [],
      kind: 'notFound',
      cacheable: false,
    });
  }

  /**
   * Where a list page starts: after the `?before=` article (keyset), else at `?page=`'s offset.
   * undefined when the cursor names no article of this site (the page is then a 404).
   */
  async function listStart(request: FastifyRequest) {
    const { before, pageNumber, site } = request.page;
    if (before === null) return { page: pageNumber };
    const position = await content.articles.positionOf(site.id, before);
    return position ? { before: position } : undefined;
  }

  /** Lists change when a scheduled story comes due: cache them only until then. */
  async function listExpiry(siteId: number): Promise<number> {
    const next = await content.articles.nextScheduledAfter(siteId, clock.now());
    return next ? next.getTime() : Number.POSITIVE_INFINITY;
  }

  app.setNotFoundHandler((request, reply) => notFound(request, reply));

  // The site (by Host) and page context of any request, GET or not (extensions' POSTs).
  const pageContext = (request: FastifyRequest) => {
    if (request.page) return { site: request.page.site, ctx: request.page.ctx };
    const site = content.siteForHost(request.host);
    return site ? { site, ctx: contextFor(request, site, originFor(request, site)) } : null;
  };
  // Feeds and sitemaps: inside this plugin, so they get the site by Host and the page cache.
  const responder: PageResponder = { finish, notFound, listExpiry, cacheControl };
  await app.register(feedRoutes, { content, responder });
  await app.register(sitemapRoutes, { content, responder, limits: options.sitemapLimits });
  if (options.search) await app.register(searchRoutes, { content, search: options.search, responder });
  await app.register(liveRoutes, { live: options.live, responder });
  for (const extension of options.extensions ?? []) {
    await app.register(extension, { responder, pageContext });
  }

  /** Teasers show comment counts; a list that shows them is cached at most countsMaxAgeMs. */
  async function withCounts(request: FastifyRequest, items: readonly ArticleTeaser[], expiresAt: number) {
    const { comments } = options;
    if (!comments || items.length === 0) return { ctx: request.page.ctx, expiresAt };
    const commentCounts = await comments.counts(items.map((item) => item.id));
    const ctx = { ...request.page.ctx, commentCounts };
    return { ctx, expiresAt: Math.min(expiresAt, clock.now().getTime() + comments.countsMaxAgeMs) };
  }

  app.get('/', async (request, reply) => {
    const { site, ctx } = request.page;
    if (request.page.pageNumber !== 1 || request.page.before !== null) return notFound(request, reply);
    const now = clock.now();
    // The newsroom's top stories lead, in its order; the latest fill the rest of the top.
    const curated = await content.curatedHome(site.id);
    const latest = await content.articles.listVisible({
      siteId: site.id,
      now,
      excludeIds: curated.map((a) => a.id),
      pageSize: Math.max(1, 7 - curated.length),
    });
    const top = { items: [...curated, ...latest.items].slice(0, Math.max(7, curated.length)) };
    const topIds = top.items.map((a) => a.id);
    const sections = ctx.sections.filter((s) => s.parentId === null);
    const bySection = await Promise.all(
      sections.map(async (section) => ({
        section,
        items: (
          await content.articles.listVisible({
            siteId: site.id,
            now,
            sectionIds: content.sectionFamily(section),
            excludeIds: topIds,
            pageSize: 4,
          })
        ).items,
      })),
    );
    const listed = await withCounts(
      request,
      [...top.items, ...bySection.flatMap((s) => s.items)],
      await listExpiry(site.id),
    );
    const body = renderHomePage(listed.ctx, {
      top: top.items,
      curated: curated.length,
      bySection: bySection.filter((s) => s.items.length > 0),
    }).value;
    return finish(request, reply, 200, body, {
      keys: [`home:${site.id}`, ...sections.map((s) => `section:${s.id}`)],
      kind: 'front',
      expiresAt: listed.expiresAt,
    });
  });

  app.get<{ Params: { slug: string } }>('/tag/:slug', async (request, reply) => {
    const { site, pageNumber } = request.page;
    const tag = await content.taxonomy.tagBySlug(site.id, request.params.slug);
    if (!tag) {
      // A renamed or merged tag's old page points to its new home.
      const moved = await content.management.tagRedirect(site.id, request.params.slug);
      if (moved) return permanentRedirect(reply, urls.withPage(urls.tag(moved), pageNumber));
    }
    const start = tag && pageNumber >= 1 ? await listStart(request) : undefined;
    if (!tag || !start) return notFound(request, reply);
    const page = await content.articles.listVisible({
      siteId: site.id,
      now: clock.now(),
      tagId: tag.id,
      ...start,
      pageSize: PAGE_SIZE,
    });
    if (page.items.length === 0 && (page.before !== null || pageNumber > 1)) return notFound(request, reply);
    const listed = await withCounts(request, page.items, await listExpiry(site.id));
    return finish(request, reply, 200, renderTagPage(listed.ctx, tag, page).value, {
      keys: [`tag:${tag.id}`],
      kind: 'front',
      expiresAt: listed.expiresAt,
    });
  });

  app.get<{ Params: { slug: string } }>('/author/:slug', async (request, reply) => {
    const { site, pageNumber } = request.page;
    const author = await content.taxonomy.authorBySlug(site.id, request.params.slug);
    const start = author && pageNumber >= 1 ? await listStart(request) : undefined;
    if (!author || !start) return notFound(request, reply);
    const page = await content.articles.listVisible({
      siteId: site.id,
      now: clock.now(),
      authorId: author.id,
      ...start,
      pageSize: PAGE_SIZE,
    });
    if (page.items.length === 0 && (page.before !== null || pageNumber > 1)) return notFound(request, reply);
    const listed = await withCounts(request, page.items, await listExpiry(site.id));
    return finish(request, reply, 200, renderAuthorPage(listed.ctx, author, page).value, {
      keys: [`author:${author.id}`],
      kind: 'front',
      expiresAt: listed.expiresAt,
    });
  });

  app.get<{ Params: { file: string } }>('/media/demo/:file', async (request, reply) => {
    const file =
      options.demoMediaDir && /^[a-z0-9-]+\.svg$/.test(request.params.file) ? request.params.file : null;
    const svg = file ? await readFile(join(options.demoMediaDir!, file)).catch(() => null) : null;
    if (!svg) return notFound(request, reply);
    reply.headers(securityHeaders).header('cache-control', cacheControl('media'));
    return reply.type('image/svg+xml').send(svg);
  });

  // Brand images change with the brand's settings (`site.changed` purges `site:<id>`).
  const brandHeaders = (site: Site) => ({
    ...securityHeaders,
    'cache-control': cacheControl('media'),
    ...surrogateKeyHeaders([kindKey('media', site.id), `site:${site.id}`], { akamai }),
  });
  app.get('/brand/logo.svg', async (request, reply) => {
    reply.headers(brandHeaders(request.page.site));
    return reply.type('image/svg+xml').send(wordmarkSvg(request.page.site));
  });

  app.get('/brand/icon.svg', async (request, reply) => {
    reply.headers(brandHeaders(request.page.site));
    return reply.type('image/svg+xml').send(iconSvg(request.page.site));
  });

  app.get<{ Params: { file: string } }>('/assets/:file', async (request, reply) => {
    const asset = assets.byPath(`/assets/${request.params.file}`);
    if (!asset) return notFound(request, reply);
    reply.headers(securityHeaders).header('cache-control', cachePolicy.asset);
    return reply.type(asset.contentType).send(asset.body);
  });

  // Until the newsletter's reader routes are registered, its form answers that it is not open yet.
  if (!app.hasRoute({ method: 'POST', url: urls.newsletterSignup() }))
    app.post(urls.newsletterSignup(), async (request, reply) => {
      const site = content.siteForHost(request.host);
      if (!site) return reply.code(503).send();
      const ctx = contextFor(request, site, originFor(request, site));
      reply.headers(securityHeaders).header('cache-control', cachePolicy.private);
      return reply
        .code(501)
        .type('text/html; charset=utf-8')
        .send(
          renderMessagePage(ctx, {
            title: 'Newsletter signup is not open yet',
            message: `${site.name}'s Daily Newsletter is not taking signups yet. Nothing was stored; please try again soon.`,
          }).value,
        );
    });

  // Sections and articles share the URL space: /world, /world/europe, /world/europe/slug/123.
  app.get('/*', async (request, reply) => {
    const { site, ctx, pageNumber } = request.page;
    const path = request.url.split('?')[0]!;
    if (path.length > 1 && path.endsWith('/')) {
      return reply.redirect(path.replace(/\/+$/, '') || '/', 301);
    }
    const articlePath = parseArticlePath(path);
    if (articlePath) {
      const found = await content.viewArticle(site.id, articlePath.id);
      if (!found) return notFound(request, reply);
      const { view, visible } = found;
      if (!visible) {
        if (view.status !== 'unpublished') return notFound(request, reply);
        return finish(request, reply, 410, renderErrorPage(ctx, 410, path).value, {
          keys: [`article:${view.id}`],
          kind: 'gone',
        });
      }
      const canonical = urls.article(view, view.section);
      if (canonical !== path)
        return reply.header('cache-control', cacheControl('page')).redirect(canonical, 301);
      // The thread is rendered with the page and cached with it; its keys (`comments:<id>`)
      // drop the page when a comment is posted or moderated.
      const thread = options.comments ? await options.comments.thread(ctx, view) : null;
      return finish(request, reply, 200, renderArticlePage(ctx, view, thread?.html).value, {
        keys: [`article:${view.id}`, ...(thread?.keys ?? [])],
        kind: 'article',
        ...(thread?.expiresAt ? { expiresAt: thread.expiresAt } : {}),
      });
    }
    const section = content.sectionByPath(site.id, path.slice(1));
    if (!section) {
      const moved = await content.management.sectionRedirect(site.id, path.slice(1));
      if (moved) return permanentRedirect(reply, urls.withPage(urls.section(moved), pageNumber));
    }
    const start = section && pageNumber >= 1 ? await listStart(request) : undefined;
    if (!section || !start) return notFound(request, reply);
    const page = await content.articles.listVisible({
      siteId: site.id,
      now: clock.now(),
      sectionIds: content.sectionFamily(section),
      ...start,
      pageSize: PAGE_SIZE,
    });
    if (page.items.length === 0 && (page.before !== null || pageNumber > 1)) return notFound(request, reply);
    const listed = await withCounts(request, page.items, await listExpiry(site.id));
    const body = renderSectionPage(listed.ctx, section, content.sectionTrail(section), page).value;
    return finish(request, reply, 200, body, {
      keys: [`section:${section.id}`],
      kind: 'front',
      expiresAt: listed.expiresAt,
    });
  });
}

/** 301 for a page that moved (a renamed section, a merged tag); CDNs may keep it like a page. */
function permanentRedirect(reply: FastifyReply, location: string) {
  return reply.headers(securityHeaders).header('cache-control', cachePolicy.page).redirect(location, 301);
}

const firstPage = Object.freeze({ pageNumber: 1, before: null });

/**
 * ?page=N (1 when absent) and ?before=ID (a keyset page; null when absent). Page 0 (never served)
 * when either is malformed or both are given, so one page has one address in the cache.
 */
function parseListParams(query: Record<string, unknown>): { pageNumber: number; before: number | null } {
  const { page, before } = query;
  if (before !== undefined) {
    if (page !== undefined || typeof before !== 'string' || !/^[1-9]\d{0,9}$/.test(before))
      return { pageNumber: 0, before: null };
    return { pageNumber: 1, before: Number(before) };
  }
  if (page === undefined) return firstPage;
  if (typeof page !== 'string' || !/^[1-9]\d{0,4}$/.test(page)) return { pageNumber: 0, before: null };
  return { pageNumber: Number(page), before: null };
}

/** The origin for absolute URLs: the request's host when it is one of the site's, else the site's first. */
function originFor(request: FastifyRequest, site: Site): string {
  const scheme = request.protocol;
  const hostname = request.hostname.toLowerCase();
  if (site.hosts.includes(hostname)) return `${scheme}://${request.host.toLowerCase()}`;
  return `${scheme}://${site.hosts[0] ?? 'localhost'}`;
}
