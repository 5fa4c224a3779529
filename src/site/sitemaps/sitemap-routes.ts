import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type ArticleListing, type ContentService, isSafeUrl } from '../../content/index.ts';
import { absolute } from '../components/layout.ts';
import type { PageContext } from '../page-context.ts';
import type { PageResponder } from '../page-response.ts';
import { urls } from '../urls.ts';
import {
  newsLanguage,
  renderSitemapIndex,
  renderUrlset,
  type SitemapRef,
  type SitemapUrl,
} from './sitemap-xml.ts';

export interface SitemapLimits {
  /**
   * URLs per article sitemap file, 1 to 10,000. An entry is at most about 4.3 KB (a <loc> of at
   * most 2,048 characters, an image URL of at most about 2,100), so 10,000 stay under the
   * protocol's 50 MB as well as its 50,000 URLs.
   */
  readonly maxUrlsPerFile: number;
}

export const defaultSitemapLimits: SitemapLimits = { maxUrlsPerFile: 10_000 };

/** Google News lists articles of the last two days, at most 1,000 per sitemap. */
const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;
const MAX_NEWS_URLS = 1000;

const XML_TYPE = 'application/xml; charset=utf-8';

export interface SitemapRoutesOptions {
  readonly content: ContentService;
  readonly responder: PageResponder;
  readonly limits?: Partial<SitemapLimits>;
}

/**
 * /robots.txt, the sitemap index at /sitemap.xml and the sitemaps under /sitemaps/: sections,
 * tags, Google News (last 48 hours) and the articles in files of consecutive id ranges (an
 * article never moves between files, and each file's size is bounded by the range).
 */
export async function sitemapRoutes(app: FastifyInstance, options: SitemapRoutesOptions) {
  const { content, responder } = options;
  const maxUrls = options.limits?.maxUrlsPerFile ?? defaultSitemapLimits.maxUrlsPerFile;
  if (!Number.isSafeInteger(maxUrls) || maxUrls < 1 || maxUrls > 10_000) {
    throw new RangeError(`sitemap maxUrlsPerFile must be an integer from 1 to 10000, not ${maxUrls}`);
  }

  /** Every sitemap lists articles, so any article change (home:<site>) drops it. */
  async function send(
    request: FastifyRequest,
    reply: FastifyReply,
    body: string,
    extra: { expiresAt?: number } = {},
  ) {
    const { site, ctx } = request.page;
    const listExpiry = await responder.listExpiry(site.id);
    return responder.finish(request, reply, 200, body, {
      keys: [`home:${site.id}`],
      kind: 'sitemap',
      expiresAt: Math.min(listExpiry, extra.expiresAt ?? Number.POSITIVE_INFINITY),
      contentType: XML_TYPE,
      lastModified: ctx.now,
    });
  }

  function articleUrl(ctx: PageContext, listing: ArticleListing): SitemapUrl | null {
    const section = content.sectionById(listing.sectionId);
    if (!section) return null;
    const image = listing.featuredImage?.src;
    return {
      loc: ctx.origin + urls.article(listing, section),
      lastmod: listing.updatedAt ?? listing.publishedAt,
      images: image && isSafeUrl(image) ? [absolute(ctx.origin, image)] : [],
    };
  }

  const recent = (ctx: PageContext, limit: number) =>
    content.articles.listListings({
      siteId: ctx.site.id,
      now: ctx.now,
      publishedSince: new Date(ctx.now.getTime() - NEWS_WINDOW_MS),
      limit,
    });

  app.addHook('preHandler', async (request, reply) => {
    // None of these has pages: any ?page= is a URL we never link to.
    if (request.page.pageNumber !== 1) return responder.notFound(request, reply);
  });

  app.get('/robots.txt', async (request, reply) => {
    const { site, ctx } = request.page;
    const body = `# ${site.name}\nUser-agent: *\nAllow: /\n\nSitemap: ${ctx.origin}/sitemap.xml\n`;
    // It names no article: only a site change (its hosts) drops it.
    return responder.finish(request, reply, 200, body, {
      keys: [],
      kind: 'sitemap',
      contentType: 'text/plain; charset=utf-8',
      lastModified: ctx.now,
    });
  });

  app.get('/sitemap.xml', async (request, reply) => {
    const { site, ctx } = request.page;
    const [chunks, news, newest, tags] = await Promise.all([
      content.articles.listingChunks(site.id, ctx.now, maxUrls),
      recent(ctx, 1),
      content.articles.listListings({ siteId: site.id, now: ctx.now, limit: 1 }),
      content.taxonomy.listTags(site.id),
    ]);
    const at = (path: string) => `${ctx.origin}${path}`;
    const refs: SitemapRef[] = [
      { loc: at('/sitemaps/sections.xml'), lastmod: newest[0]?.publishedAt },
      ...(tags.length > 0 ? [{ loc: at('/sitemaps/tags.xml') }] : []),
      ...news.map((n) => ({ loc: at('/sitemaps/news.xml'), lastmod: n.updatedAt ?? n.publishedAt })),
      ...chunks.map((c) => ({ loc: at(`/sitemaps/articles-${c.index + 1}.xml`), lastmod: c.lastModified })),
    ];
    // The news sitemap leaves the index when its newest article is two days old.
    const newsEnds = news[0] ? news[0].publishedAt.getTime() + NEWS_WINDOW_MS : undefined;
    return send(request, reply, renderSitemapIndex(refs, site.timeZone), { expiresAt: newsEnds });
  });

  app.get('/sitemaps/news.xml', async (request, reply) => {
    const { site, ctx } = request.page;
    const listings = await recent(ctx, MAX_NEWS_URLS);
    const language = newsLanguage(site.locale);
    const entries = listings.flatMap((listing) => {
      const url = articleUrl(ctx, listing);
      if (!url) return [];
      const news = {
        publicationName: site.name,
        language,
        publishedAt: listing.publishedAt,
        title: listing.headline,
      };
      return [{ ...url, news }];
    });
    const oldest = listings.at(-1);
    return send(request, reply, renderUrlset(entries, site.timeZone), {
      expiresAt: oldest ? oldest.publishedAt.getTime() + NEWS_WINDOW_MS : undefined,
    });
  });

  app.get('/sitemaps/sections.xml', async (request, reply) => {
    const { site, ctx } = request.page;
    const newestIn = async (sectionIds?: number[]) =>
      (await content.articles.listVisible({ siteId: site.id, now: ctx.now, sectionIds, pageSize: 1 }))
        .items[0]?.publishedAt;
    const entries: SitemapUrl[] = [
      { loc: ctx.origin + urls.home(), lastmod: await newestIn() },
      ...(await Promise.all(
        ctx.sections.map(async (section) => ({
          loc: ctx.origin + urls.section(section),
          lastmod: await newestIn(content.sectionFamily(section)),
        })),
      )),
    ];
    return send(request, reply, renderUrlset(entries, site.timeZone));
  });

  app.get('/sitemaps/tags.xml', async (request, reply) => {
    const { site, ctx } = request.page;
    const tags = await content.taxonomy.listTags(site.id);
    const entries = tags.map((tag) => ({ loc: ctx.origin + urls.tag(tag) }));
    return send(request, reply, renderUrlset(entries, site.timeZone));
  });

  // /sitemaps/articles-N.xml: the visible articles with ids (N-1)·size+1 to N·size.
  app.get<{ Params: { file: string } }>('/sitemaps/:file', async (request, reply) => {
    const { site, ctx } = request.page;
    const match = /^articles-([1-9]\d{0,8})\.xml$/.exec(request.params.file);
    if (!match) return responder.notFound(request, reply);
    const n = Number(match[1]);
    const listings = await content.articles.listListings({
      siteId: site.id,
      now: ctx.now,
      ids: { from: (n - 1) * maxUrls + 1, to: n * maxUrls },
    });
    const entries = listings.flatMap((listing) => articleUrl(ctx, listing) ?? []);
    if (entries.length === 0) return responder.notFound(request, reply);
    return send(request, reply, renderUrlset(entries, site.timeZone));
  });
}
