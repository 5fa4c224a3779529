/**
 * What the admin web app's editor needs beyond the article endpoints: a site's authors and
 * agencies (for the byline), and a preview of any article rendered by the reader site's own
 * article template. Mounted as an admin API extension, so it shares the session, CSRF and
 * permission checks.
 */
import type { FastifyInstance } from 'fastify';
import type { ContentService } from '../content/index.ts';
import type { Clock } from '../platform/index.ts';
import { renderArticlePreview, type SiteAssets } from '../site/index.ts';
import type { AdminExtension } from './admin-api-plugin.ts';
import { getArticleSchema, siteChildrenSchema } from './admin-schemas.ts';
import { AdminError } from './errors.ts';

export interface EditorRouteDeps {
  readonly content: ContentService;
  readonly clock: Clock;
  /** The reader site's stylesheet and script, so a preview looks exactly like the page. */
  readonly assets: SiteAssets;
}

/** The `editor` admin API extension (`GET /sites/:id/authors`, `/agencies`, `/articles/:id/preview`). */
export function editorExtension(deps: EditorRouteDeps): AdminExtension {
  return {
    name: 'editor',
    description: "Authors and agencies for the byline, and previews rendered by the site's article page",
    routes: async (app) => editorRoutes(app, deps),
  };
}

async function editorRoutes(app: FastifyInstance, { content, clock, assets }: EditorRouteDeps) {
  const read = { action: 'article.read' } as const;
  const siteId = (id: number) => {
    if (!content.siteById(id))
      throw new AdminError.NotFound(`There is no site ${id}; GET /sites lists them.`);
    return id;
  };

  app.get<{ Params: { id: number } }>(
    '/sites/:id/authors',
    { schema: siteChildrenSchema('authors'), config: read },
    async (request) => ({ data: await content.taxonomy.listAuthors(siteId(request.params.id)) }),
  );

  app.get<{ Params: { id: number } }>(
    '/sites/:id/agencies',
    { schema: siteChildrenSchema('wire agencies'), config: read },
    async (request) => ({ data: await content.taxonomy.listAgencies(siteId(request.params.id)) }),
  );

  app.get<{ Params: { id: number } }>(
    '/articles/:id/preview',
    {
      schema: {
        ...getArticleSchema,
        summary: 'The article page as readers will see it, for any status (HTML)',
      },
      config: read,
      // After the admin API's own onSend, which forbids everything a page needs.
      onSend: async (request, reply, payload) => {
        const headers = (request as { previewHeaders?: Record<string, string> }).previewHeaders;
        if (headers) reply.headers(headers);
        return payload;
      },
    },
    async (request, reply) => {
      const article = await content.articles.findById(request.params.id);
      const found = article ? await content.viewArticle(article.siteId, article.id) : null;
      if (!found) throw new AdminError.NotFound(`There is no article ${request.params.id}.`);
      const { view } = found;
      const { body, headers } = renderArticlePreview({
        view,
        sites: content.sites,
        sections: content.sections(view.siteId),
        assets,
        origin: `${request.protocol}://${request.host}`,
        now: clock.now(),
      });
      (request as { previewHeaders?: Record<string, string> }).previewHeaders = headers;
      return reply.type('text/html; charset=utf-8').send(body);
    },
  );
}
