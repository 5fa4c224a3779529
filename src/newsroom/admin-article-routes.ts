/**
 * The newsroom's article endpoints. Every write goes through ContentService, so page-cache
 * invalidation (`article.changed`) fires exactly as for any other change; every write is
 * audited after it succeeds.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Article, ArticleInput, ArticleStatus, ContentService } from '../content/index.ts';
import type { AdminRouteDeps } from './admin-api-plugin.ts';
import { signedIn } from './admin-http.ts';
import {
  correctionSchema,
  createArticleSchema,
  editArticleSchema,
  getArticleSchema,
  listArticlesSchema,
  revisionsSchema,
  scheduleSchema,
  transitionSchema,
} from './admin-schemas.ts';
import { AdminError, type FieldError, ValidationError } from './errors.ts';
import { canEditArticle } from './permissions.ts';

type Changes = Partial<Omit<ArticleInput, 'siteId'>>;
type IdParams = { Params: { id: number } };

interface ListQuery {
  site?: number;
  status?: ArticleStatus;
  section?: number;
  q?: string;
  page?: number;
}

export async function articleRoutes(
  app: FastifyInstance,
  { content, audit, clock, publishing }: AdminRouteDeps,
) {
  const requireArticle = async (id: number): Promise<Article> => {
    const article = await content.articles.findById(id);
    if (!article) throw new AdminError.NotFound(`There is no article ${id}.`);
    return article;
  };
  const record = (request: FastifyRequest, action: string, article: Article, details = {}) =>
    audit.record({
      at: clock.now(),
      userId: signedIn(request).user.id,
      action,
      subjectType: 'article',
      subjectId: article.id,
      siteId: article.siteId,
      details: { revision: article.revision, status: article.status, ...details },
    });

  app.get<{ Querystring: ListQuery }>(
    '/articles',
    { schema: listArticlesSchema, config: { action: 'article.read' } },
    async (request) => {
      const { site, status, section, q, page } = request.query;
      let sectionIds: number[] | undefined;
      if (section !== undefined) {
        const found = content.sectionById(section);
        if (!found || (site !== undefined && found.siteId !== site)) {
          throw new ValidationError([{ field: 'section', message: `there is no section ${section} here` }]);
        }
        sectionIds = content.sectionFamily(found);
      }
      if (q !== undefined && hasControlCharacter(q)) {
        throw new ValidationError([{ field: 'q', message: 'must not contain control characters' }]);
      }
      const result = await content.articles.listForNewsroom({
        siteId: site,
        status,
        sectionIds,
        headlineContains: q?.trim() || undefined,
        page,
      });
      return { data: result.items, total: result.total, page: result.page, pageSize: result.pageSize };
    },
  );

  app.get<IdParams>(
    '/articles/:id',
    { schema: getArticleSchema, config: { action: 'article.read' } },
    async (request) => {
      const article = await requireArticle(request.params.id);
      const [revisions, corrections] = await Promise.all([
        content.articles.revisions(article.id),
        content.corrections.list(article.id),
      ]);
      return { ...article, revisionCount: revisions.length, corrections };
    },
  );

  app.get<IdParams>(
    '/articles/:id/revisions',
    { schema: revisionsSchema, config: { action: 'article.read' } },
    async (request) => {
      const article = await requireArticle(request.params.id);
      return { data: await content.articles.revisions(article.id) };
    },
  );

  app.post<{ Body: ArticleInput }>(
    '/articles',
    { schema: createArticleSchema, config: { action: 'article.create' } },
    async (request, reply) => {
      const input = request.body;
      await checkReferences(content, input.siteId, input);
      const article = await content.createArticle(input, { savedBy: signedIn(request).user.id });
      await record(request, 'article.create', article);
      return reply.code(201).header('location', `${app.prefix}/articles/${article.id}`).send(article);
    },
  );

  app.patch<IdParams & { Body: Changes & { expectedRevision: number; announce?: boolean } }>(
    '/articles/:id',
    // The route needs some edit right; whether this article may be edited is decided below.
    { schema: editArticleSchema, config: { action: 'article.edit_own' } },
    async (request) => {
      const { user } = signedIn(request);
      const current = await requireArticle(request.params.id);
      if (!canEditArticle(user.role, current.createdBy === user.id)) {
        throw new AdminError.Forbidden(
          `Your role (${user.role}) may edit only articles you created; article ${current.id} is someone else's.`,
        );
      }
      const { expectedRevision, announce, ...changes } = request.body;
      await checkReferences(content, current.siteId, changes);
      const saved = await content.editArticle(current.id, changes, {
        savedBy: user.id,
        expectedRevision,
        announce: announce ?? false,
      });
      await record(request, 'article.edit', saved, { announce: announce ?? false });
      return saved;
    },
  );

  const transitions = [
    [
      'publish',
      'article.publish',
      'Publish now',
      (id: number, by: number) => content.publishArticle(id, { savedBy: by }),
    ],
    [
      'unpublish',
      'article.unpublish',
      'Take a published article down',
      (id: number, by: number) => content.unpublishArticle(id, { savedBy: by }),
    ],
  ] as const;
  for (const [path, action, summary, run] of transitions) {
    app.post<IdParams>(
      `/articles/:id/${path}`,
      { schema: transitionSchema(summary), config: { action } },
      async (request) => {
        const article = await run(request.params.id, signedIn(request).user.id);
        await publishing.follow(article);
        await record(request, action, article);
        return article;
      },
    );
  }

  app.post<IdParams & { Body: { text: string } }>(
    '/articles/:id/corrections',
    { schema: correctionSchema, config: { action: 'article.publish' } },
    async (request, reply) => {
      await requireArticle(request.params.id);
      const { correction, article } = await content.addCorrection(request.params.id, request.body.text, {
        savedBy: signedIn(request).user.id,
      });
      await record(request, 'article.correct', article, {
        correctionId: correction.id,
        text: correction.text,
      });
      return reply.code(201).send({ data: correction, article });
    },
  );

  app.post<IdParams & { Body: { at: string } }>(
    '/articles/:id/schedule',
    { schema: scheduleSchema, config: { action: 'article.schedule' } },
    async (request) => {
      const when = new Date(request.body.at);
      if (Number.isNaN(when.getTime())) {
        throw new ValidationError([
          { field: 'at', message: 'must be an ISO 8601 date-time with a time zone' },
        ]);
      }
      const article = await content.scheduleArticle(request.params.id, when, {
        savedBy: signedIn(request).user.id,
      });
      await publishing.follow(article);
      await record(request, 'article.schedule', article, { at: when.toISOString() });
      return article;
    },
  );
}

/** Tags, authors and the agency must exist on the article's site (else a 422, not a foreign-key 500). */
async function checkReferences(content: ContentService, siteId: number, input: Changes): Promise<void> {
  const problems: FieldError[] = [];
  if (!content.siteById(siteId)) problems.push({ field: 'siteId', message: `there is no site ${siteId}` });
  else {
    const [tags, authors, agencies] = await Promise.all([
      input.tagIds ? content.taxonomy.listTags(siteId) : [],
      input.authorIds ? content.taxonomy.listAuthors(siteId) : [],
      input.agencyId != null ? content.taxonomy.listAgencies(siteId) : [],
    ]);
    const missing = (wanted: readonly number[] | undefined, known: { id: number }[]) =>
      (wanted ?? []).filter((id) => !known.some((k) => k.id === id));
    for (const id of missing(input.tagIds, tags))
      problems.push({ field: 'tagIds', message: `there is no tag ${id} on this site` });
    for (const id of missing(input.authorIds, authors)) {
      problems.push({ field: 'authorIds', message: `there is no author ${id} on this site` });
    }
    if (input.agencyId != null && !agencies.some((a) => a.id === input.agencyId)) {
      problems.push({ field: 'agencyId', message: `there is no agency ${input.agencyId} on this site` });
    }
  }
  if (problems.length > 0) throw new ValidationError(problems);
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
