/** GET /sections, /tags and /authors of a site. */
import type { FastifyInstance } from 'fastify';
import { urls } from '../site/index.ts';
import { originFor, siteForRequest } from './api-context.ts';
import type { ApiRouteDeps } from './article-routes.ts';
import { listAuthorsSchema, listSectionsSchema, listTagsSchema, type SiteQuery } from './schemas.ts';

export async function taxonomyRoutes(app: FastifyInstance, { content }: ApiRouteDeps): Promise<void> {
  app.get<{ Querystring: SiteQuery }>('/sections', { schema: listSectionsSchema }, async (request) => {
    const site = siteForRequest(request, content, request.query.site);
    const origin = originFor(request, site);
    return {
      data: content.sections(site.id).map((s) => ({
        path: s.path,
        name: s.name,
        description: s.description,
        parent_path: s.parentId === null ? null : (content.sectionById(s.parentId)?.path ?? null),
        url: origin + urls.section(s),
      })),
    };
  });

  app.get<{ Querystring: SiteQuery }>('/tags', { schema: listTagsSchema }, async (request) => {
    const site = siteForRequest(request, content, request.query.site);
    const origin = originFor(request, site);
    const tags = await content.taxonomy.listTags(site.id);
    return { data: tags.map((t) => ({ slug: t.slug, name: t.name, url: origin + urls.tag(t) })) };
  });

  app.get<{ Querystring: SiteQuery }>('/authors', { schema: listAuthorsSchema }, async (request) => {
    const site = siteForRequest(request, content, request.query.site);
    const origin = originFor(request, site);
    const authors = await content.taxonomy.listAuthors(site.id);
    return {
      data: authors.map((a) => ({
        slug: a.slug,
        name: a.name,
        title: a.title,
        bio: a.bio,
        url: origin + urls.author(a),
      })),
    };
  });
}
