/** GET and PUT /sites/:id/home: a brand's curated home-page top stories, in order. */
import type { FastifyInstance } from 'fastify';
import type { AdminRouteDeps } from './admin-api-plugin.ts';
import { signedIn } from './admin-http.ts';
import { getHomeSchema, putHomeSchema } from './admin-schemas.ts';
import { AdminError } from './errors.ts';

type SiteParams = { Params: { id: number } };

export async function homeRoutes(app: FastifyInstance, { content, audit, clock }: AdminRouteDeps) {
  const siteOr404 = (id: number) => {
    const site = content.siteById(id);
    if (!site) throw new AdminError.NotFound(`There is no site ${id}; GET /sites lists them.`);
    return site;
  };

  app.get<SiteParams>(
    '/sites/:id/home',
    { schema: getHomeSchema, config: { action: 'article.read' } },
    async (request) => {
      const site = siteOr404(request.params.id);
      const curated = await content.curatedHome(site.id);
      return { data: { articleIds: curated.map((a) => a.id) } };
    },
  );

  app.put<SiteParams & { Body: { articleIds: number[] } }>(
    '/sites/:id/home',
    { schema: putHomeSchema, config: { action: 'homepage.curate' } },
    async (request) => {
      const site = siteOr404(request.params.id);
      const articleIds = await content.curateHome(site.id, request.body.articleIds);
      await audit.record({
        at: clock.now(),
        userId: signedIn(request).user.id,
        action: 'homepage.curate',
        subjectType: 'site',
        subjectId: site.id,
        siteId: site.id,
        details: { articleIds },
      });
      return { data: { articleIds } };
    },
  );
}
