/** GET /articles, /articles/:id and /articles/by-slug/:slug. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type ContentService, isVisible, type Site } from '../content/index.ts';
import type { Clock } from '../platform/index.ts';
import { authorNamed, originFor, sectionsUnder, siteForRequest, tagNamed } from './api-context.ts';
import { type ArticleField, type ArticleParts, articleJson, parseFields } from './article-json.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { ApiError } from './errors.ts';
import {
  type ArticleListQuery,
  type ArticleQuery,
  getArticleBySlugSchema,
  getArticleSchema,
  listArticlesSchema,
} from './schemas.ts';

export interface ApiRouteDeps {
  readonly content: ContentService;
  readonly clock: Clock;
}

/** The instants the databases can store: from 1970 to the end of year 9999. */
const earliest = 0;
const latest = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export async function articleRoutes(app: FastifyInstance, { content, clock }: ApiRouteDeps): Promise<void> {
  const render = articleRenderer(content);

  app.get<{ Querystring: ArticleListQuery }>('/articles', { schema: listArticlesSchema }, async (request) => {
    const { query } = request;
    const site = siteForRequest(request, content, query.site);
    const fields = parseFields(query.fields);
    const changedSince = query.updated_since === undefined ? undefined : instant(query.updated_since);
    const order = changedSince ? 'changed' : 'published';
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, order);
    const sectionIds =
      query.section === undefined ? undefined : sectionsUnder(content, site, query.section).map((s) => s.id);
    const tagId = query.tag === undefined ? undefined : (await tagNamed(content, site, query.tag)).id;
    const authorId =
      query.author === undefined ? undefined : (await authorNamed(content, site, query.author)).id;
    const page = await content.articles.listVisibleByCursor({
      siteId: site.id,
      now: clock.now(),
      sectionIds,
      tagId,
      authorId,
      changedSince,
      after,
      limit: query.limit,
    });
    return {
      data: page.items.map((item) => render(request, site, item, fields)).filter((json) => json !== null),
      next_cursor: page.next ? encodeCursor(order, page.next) : null,
    };
  });

  app.get<{ Params: { id: number }; Querystring: ArticleQuery }>(
    '/articles/:id',
    { schema: getArticleSchema },
    async (request) => {
      const { id } = request.params;
      // Ids are unique across sites: any site the key reads, unless ?site= narrows it.
      const only =
        request.query.site === undefined ? null : siteForRequest(request, content, request.query.site);
      const fields = parseFields(request.query.fields);
      const found = await content.articles.findWithRelations(id);
      const keySite = request.apiKey?.siteId ?? null;
      const site = found ? content.siteById(found.article.siteId) : undefined;
      const json =
        found &&
        site &&
        isVisible(found.article, clock.now()) &&
        (keySite === null || keySite === site.id) &&
        (only === null || only.id === site.id)
          ? render(request, site, found, fields)
          : null;
      if (!json) {
        throw new ApiError.NotFound(
          `There is no published article ${id}${only ? ` on the site "${only.slug}"` : ''}; it may not be published yet, or was taken down.`,
        );
      }
      return json;
    },
  );

  app.get<{ Params: { slug: string }; Querystring: ArticleQuery }>(
    '/articles/by-slug/:slug',
    { schema: getArticleBySlugSchema },
    async (request) => {
      const { slug } = request.params;
      const site = siteForRequest(request, content, request.query.site);
      const fields = parseFields(request.query.fields);
      const now = clock.now();
      const id = await content.articles.findVisibleIdBySlug(site.id, slug, now);
      const found = id === null ? null : await content.articles.findWithRelations(id);
      const json = found && isVisible(found.article, now) ? render(request, site, found, fields) : null;
      if (!json) {
        throw new ApiError.NotFound(
          `There is no published article with the slug "${slug}" on the site "${site.slug}"; to read another site, add ?site=SLUG.`,
        );
      }
      return json;
    },
  );
}

/** Renders an article's JSON as seen from a request; null if its section is not loaded (yet). */
export function articleRenderer(content: ContentService) {
  return (request: FastifyRequest, site: Site, parts: ArticleParts, fields: readonly ArticleField[]) => {
    const section = content.sectionById(parts.article.sectionId);
    return section ? articleJson(parts, { site, origin: originFor(request, site), section }, fields) : null;
  };
}

/** An ISO 8601 date-time (already checked by the schema) as a Date the databases can compare. */
function instant(value: string): Date {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new ApiError.InvalidParameter(
      'updated_since: must be an ISO 8601 date-time with a time zone, e.g. 2025-10-21T12:05:00Z.',
    );
  }
  return new Date(Math.min(latest, Math.max(earliest, ms)));
}
