/** GET /search: the search capability's results, as whole articles. */
import type { FastifyInstance } from 'fastify';
import type { SearchService } from '../search/index.ts';
import { sectionsUnder, siteForRequest, tagNamed } from './api-context.ts';
import { parseFields } from './article-json.ts';
import { type ApiRouteDeps, articleRenderer } from './article-routes.ts';
import { ApiError } from './errors.ts';
import { type SearchQuery, searchSchema } from './schemas.ts';

export async function searchRoutes(
  app: FastifyInstance,
  { content, clock, search }: ApiRouteDeps & { readonly search: SearchService | null },
): Promise<void> {
  const render = articleRenderer(content);

  app.get<{ Querystring: SearchQuery }>('/search', { schema: searchSchema }, async (request) => {
    const { query } = request;
    if (!search)
      throw new ApiError.SearchUnavailable('Search is not set up on this install; try again later.');
    const site = siteForRequest(request, content, query.site);
    const fields = parseFields(query.fields);
    const sectionIds =
      query.section === undefined ? undefined : sectionsUnder(content, site, query.section).map((s) => s.id);
    const tagId = query.tag === undefined ? undefined : (await tagNamed(content, site, query.tag)).id;
    const now = clock.now();
    const result = await search.search(query.q, {
      siteId: site.id,
      now,
      sectionIds,
      tagId,
      sort: query.sort,
      page: query.page,
      pageSize: query.limit,
    });
    // The search service answers the last page for a page past it; a client walking pages
    // must see the end instead.
    const past = result.page < query.page;
    const hits = past ? [] : result.items;
    const loaded = await content.articles.listVisibleByCursor({
      siteId: site.id,
      now,
      ids: hits.map((h) => h.id),
      limit: 100,
    });
    const byId = new Map(loaded.items.map((item) => [item.article.id, item]));
    const data = hits.flatMap((hit) => {
      const parts = byId.get(hit.id);
      const article = parts ? render(request, site, parts, fields) : null;
      return article ? [{ article, snippet: hit.snippet }] : [];
    });
    return {
      data,
      total: result.total,
      page: query.page,
      next_page: !past && query.page * result.pageSize < result.total ? query.page + 1 : null,
    };
  });
}
