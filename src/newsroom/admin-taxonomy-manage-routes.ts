/**
 * Managing sections and tags (taxonomy.manage): create, rename, merge two tags. Content's
 * TaxonomyManagement keeps the rules and the old URLs (301); every change is audited.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AdminRouteDeps } from './admin-api-plugin.ts';
import { signedIn } from './admin-http.ts';
import {
  createSectionSchema,
  createTagSchema,
  mergeTagSchema,
  updateSectionSchema,
  updateTagSchema,
} from './admin-schemas.ts';
import { AdminError } from './errors.ts';

type IdParams = { Params: { id: number } };
const manage = { action: 'taxonomy.manage' } as const;

export async function taxonomyManageRoutes(app: FastifyInstance, { content, audit, clock }: AdminRouteDeps) {
  const { management } = content;
  const siteOr404 = (id: number) => {
    const site = content.siteById(id);
    if (!site) throw new AdminError.NotFound(`There is no site ${id}; GET /sites lists them.`);
    return site;
  };
  const record = (
    request: FastifyRequest,
    action: string,
    subject: { type: 'section' | 'tag'; id: number; siteId: number },
    details: Record<string, unknown>,
  ) =>
    audit.record({
      at: clock.now(),
      userId: signedIn(request).user.id,
      action,
      subjectType: subject.type,
      subjectId: subject.id,
      siteId: subject.siteId,
      details,
    });

  app.post<
    IdParams & { Body: { name: string; slug?: string; parentId?: number | null; description?: string } }
  >('/sites/:id/sections', { schema: createSectionSchema, config: manage }, async (request, reply) => {
    const site = siteOr404(request.params.id);
    const section = await management.createSection({ siteId: site.id, ...request.body });
    await record(
      request,
      'section.create',
      { type: 'section', ...section },
      { path: section.path, name: section.name },
    );
    return reply.code(201).send({ data: section });
  });

  app.patch<IdParams & { Body: { name?: string; slug?: string; description?: string } }>(
    '/sections/:id',
    { schema: updateSectionSchema, config: manage },
    async (request) => {
      const before = content.sectionById(request.params.id);
      const section = await management.updateSection(request.params.id, request.body);
      await record(
        request,
        'section.update',
        { type: 'section', ...section },
        { from: { path: before?.path, name: before?.name }, to: { path: section.path, name: section.name } },
      );
      return { data: section };
    },
  );

  app.post<IdParams & { Body: { name: string } }>(
    '/sites/:id/tags',
    { schema: createTagSchema, config: manage },
    async (request, reply) => {
      const site = siteOr404(request.params.id);
      const { tag, created } = await management.createTag(site.id, request.body);
      if (created)
        await record(request, 'tag.create', { type: 'tag', ...tag }, { slug: tag.slug, name: tag.name });
      return reply.code(created ? 201 : 200).send({ data: tag, created });
    },
  );

  app.patch<IdParams & { Body: { name?: string; slug?: string } }>(
    '/tags/:id',
    { schema: updateTagSchema, config: manage },
    async (request) => {
      const tag = await management.updateTag(request.params.id, request.body);
      await record(request, 'tag.update', { type: 'tag', ...tag }, { slug: tag.slug, name: tag.name });
      return { data: tag };
    },
  );

  app.post<IdParams & { Body: { intoTagId: number } }>(
    '/tags/:id/merge',
    { schema: mergeTagSchema, config: manage },
    async (request) => {
      const { into, movedArticleIds } = await management.mergeTags(request.params.id, request.body.intoTagId);
      await record(
        request,
        'tag.merge',
        { type: 'tag', id: request.params.id, siteId: into.siteId },
        { intoTagId: into.id, movedArticleIds },
      );
      return { data: { tag: into, movedArticleIds } };
    },
  );
}
