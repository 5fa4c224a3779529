/** GET /sites, /sites/:id/sections, /sites/:id/tags, and GET /audit (admins only). */
import type { FastifyInstance } from 'fastify';
import type { Site } from '../content/index.ts';
import type { AdminRouteDeps } from './admin-api-plugin.ts';
import { auditSchema, listSitesSchema, siteChildrenSchema } from './admin-schemas.ts';
import { AdminError } from './errors.ts';

export async function taxonomyRoutes(app: FastifyInstance, { content, audit }: AdminRouteDeps) {
  const siteOr404 = (id: number): Site => {
    const site = content.siteById(id);
    if (!site) throw new AdminError.NotFound(`There is no site ${id}; GET /sites lists them.`);
    return site;
  };
  const read = { action: 'article.read' } as const;

  app.get('/sites', { schema: listSitesSchema, config: read }, async () => ({
    data: content.sites.map((s) => ({
      id: s.id,
      slug: s.slug,
      name: s.name,
      hosts: s.hosts,
      isDefault: s.isDefault,
      timeZone: s.timeZone,
      locale: s.locale,
    })),
  }));

  app.get<{ Params: { id: number } }>(
    '/sites/:id/sections',
    { schema: siteChildrenSchema('sections'), config: read },
    async (request) => ({ data: content.sections(siteOr404(request.params.id).id) }),
  );

  app.get<{ Params: { id: number } }>(
    '/sites/:id/tags',
    { schema: siteChildrenSchema('tags'), config: read },
    async (request) => ({ data: await content.taxonomy.listTags(siteOr404(request.params.id).id) }),
  );

  app.get<{ Querystring: { action?: string; page?: number } }>(
    '/audit',
    { schema: auditSchema, config: { action: 'audit.read' } },
    async (request) => {
      const { items, ...rest } = await audit.list({ action: request.query.action, page: request.query.page });
      return { data: items, ...rest };
    },
  );
}
