/**
 * The community's admin API, mounted inside the newsroom's admin API (session, CSRF, the
 * permission named by each route's `action`, the error format). Moderators
 * (`comments.moderate`) work the queues and the authors; managers (`community.manage`) set a
 * brand's moderation mode, its banned words, when threads close and its guidelines.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import type { ContentService } from '../../content/index.ts';
import { AdminError, type AdminExtension, signedIn, ValidationError } from '../../newsroom/index.ts';
import type { Clock } from '../../platform/index.ts';
import { communityErrorCodes } from '../errors.ts';
import type { Community } from '../index.ts';
import type { Comment, Reader } from '../model.ts';

const id = { type: 'integer', minimum: 1, maximum: 2_147_483_647 } as const;
const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id },
  additionalProperties: false,
} as const;
const reason = { type: 'string', maxLength: 500 } as const;
const tags = (tag: string) => [tag];

/** The optional `reason` of a body that may be absent (no body schema: an empty POST is fine). */
function reasonOf(body: unknown): string | null {
  const value = body && typeof body === 'object' ? (body as { reason?: unknown }).reason : undefined;
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.length > 500 || value.includes('\u0000')) {
    throw new ValidationError([{ field: 'reason', message: 'must be text of at most 500 characters' }]);
  }
  return value;
}

function commentJson(c: Comment) {
  return {
    id: c.id,
    siteId: c.siteId,
    articleId: c.articleId,
    readerId: c.readerId,
    authorName: c.authorName,
    parentId: c.parentId,
    threadId: c.threadId,
    text: c.body,
    status: c.status,
    holdReason: c.holdReason,
    likes: c.likeCount,
    reports: c.reportCount,
    createdAt: c.createdAt.toISOString(),
    editedAt: c.editedAt?.toISOString() ?? null,
  };
}

function readerJson(r: Reader) {
  return {
    id: r.id,
    email: r.email,
    displayName: r.displayName,
    createdAt: r.createdAt.toISOString(),
    suspendedUntil: r.suspendedUntil?.toISOString() ?? null,
    banned: r.bannedAt !== null,
    bannedAt: r.bannedAt?.toISOString() ?? null,
  };
}

export function communityAdminExtension(deps: {
  community: Community;
  content: ContentService;
  clock: Clock;
}): AdminExtension {
  const { community, content } = deps;
  const { moderation } = community;
  /** The headline and discussion page of each article, for the queue's "on …" line. */
  const articlesOf = async (ids: readonly number[]) => {
    const found = new Map<number, { id: number; headline: string; discussionPath: string }>();
    for (const articleId of new Set(ids)) {
      const article = await content.articles.findById(articleId);
      if (article) {
        found.set(articleId, {
          id: article.id,
          headline: article.headline,
          discussionPath: `/community/articles/${article.id}`,
        });
      }
    }
    return found;
  };
  const siteOr404 = (siteId: number) => {
    const site = content.siteById(siteId);
    if (!site) throw new AdminError.NotFound(`There is no site ${siteId}; GET /sites lists them.`);
    return site;
  };

  async function routes(app: FastifyInstance) {
    // Our codes keep their names; everything else goes on to the admin API's own handler.
    app.setErrorHandler((error: FastifyError, _request, reply) => {
      if (communityErrorCodes.has(error.code)) {
        return reply
          .code(error.statusCode ?? 400)
          .header('cache-control', 'no-store')
          .send({ error: error.code, message: error.message });
      }
      throw error;
    });
    const moderate = { action: 'comments.moderate' } as const;
    const manage = { action: 'community.manage' } as const;

    app.get<{ Querystring: { queue: 'pending' | 'reported' | 'rejected'; site?: number; page?: number } }>(
      '/comments',
      {
        config: moderate,
        schema: {
          tags: tags('comments'),
          summary:
            'A moderation queue: pending (oldest first), reported (oldest first) or rejected (newest first)',
          querystring: {
            type: 'object',
            required: ['queue'],
            properties: {
              queue: { enum: ['pending', 'reported', 'rejected'] },
              site: id,
              page: { type: 'integer', minimum: 1, maximum: 10_000 },
            },
            additionalProperties: false,
          },
        },
      },
      async (request) => {
        const { queue, site, page = 1 } = request.query;
        if (site !== undefined) siteOr404(site);
        const result = await moderation.queueView({ queue, siteId: site, page, pageSize: 50 });
        const articles = await articlesOf(result.items.map((c) => c.articleId));
        const now = deps.clock.now();
        return {
          data: result.items.map((c) => {
            const standing = c.readerId === null ? undefined : result.standings.get(c.readerId);
            return {
              ...commentJson(c),
              article: articles.get(c.articleId) ?? null,
              authorStanding: !standing
                ? null
                : standing.bannedAt
                  ? 'banned'
                  : standing.suspendedUntil && standing.suspendedUntil.getTime() > now.getTime()
                    ? 'suspended'
                    : 'good',
              reportReasons: result.reports.get(c.id)?.reasons ?? [],
              reportNotes: result.reports.get(c.id)?.notes ?? [],
            };
          }),
          page,
          hasMore: result.hasMore,
          counts: result.counts,
        };
      },
    );

    app.get<{ Params: { id: number } }>(
      '/comments/:id',
      {
        config: moderate,
        schema: {
          tags: tags('comments'),
          summary: 'One comment with the reports against it',
          params: idParams,
        },
      },
      async (request) => {
        const comment = await community.comments.findById(request.params.id);
        if (!comment) throw new AdminError.NotFound(`There is no comment ${request.params.id}.`);
        const reports = await moderation.reportsOf(comment.id);
        return {
          ...commentJson(comment),
          reportList: reports.map((r) => ({
            reason: r.reason,
            note: r.note,
            at: new Date(r.created_at).toISOString(),
          })),
        };
      },
    );

    app.post<{ Params: { id: number } }>(
      '/comments/:id/approve',
      {
        config: moderate,
        schema: {
          tags: tags('comments'),
          summary: 'Show the comment (and dismiss its reports)',
          params: idParams,
        },
      },
      async (request) => commentJson(await moderation.approve(request.params.id, signedIn(request).user.id)),
    );

    app.post<{ Params: { id: number }; Body: unknown }>(
      '/comments/:id/reject',
      {
        config: moderate,
        schema: {
          tags: tags('comments'),
          summary: 'Take the comment down (body optional: {"reason": "…"})',
          params: idParams,
        },
      },
      async (request) =>
        commentJson(
          await moderation.reject(request.params.id, signedIn(request).user.id, reasonOf(request.body)),
        ),
    );

    app.get<{ Params: { id: number }; Querystring: { page?: number } }>(
      '/readers/:id',
      {
        config: moderate,
        schema: {
          tags: tags('comments'),
          summary:
            "A commenter's history at a glance: counts, their comments newest first (50 a page from ?page=2), the moderation actions on them and their comments",
          params: idParams,
          querystring: {
            type: 'object',
            properties: { page: { type: 'integer', minimum: 1, maximum: 10_000 } },
            additionalProperties: false,
          },
        },
      },
      async (request) => {
        const page = request.query.page ?? 1;
        const history = await moderation.history(request.params.id, { page, pageSize: 50 });
        const articles = await articlesOf(history.recent.map((c) => c.articleId));
        return {
          reader: readerJson(history.reader),
          comments: history.byStatus,
          reportsAgainst: history.reportsAgainst,
          recent: history.recent.map((c) => ({
            ...commentJson(c),
            article: articles.get(c.articleId) ?? null,
          })),
          page,
          hasMore: history.hasMore,
          actions: history.actions.map((a) => ({
            id: a.id,
            at: a.at.toISOString(),
            action: a.action,
            subjectType: a.subjectType,
            subjectId: a.subjectId,
            by: a.userName,
            details: a.details,
          })),
        };
      },
    );

    app.post<{ Params: { id: number }; Body: { until: string; reason?: string } }>(
      '/readers/:id/suspend',
      {
        config: moderate,
        schema: {
          tags: tags('comments'),
          summary: 'Stop the reader commenting until a time',
          params: idParams,
          body: {
            type: 'object',
            required: ['until'],
            properties: { until: { type: 'string', format: 'date-time' }, reason },
            additionalProperties: false,
          },
        },
      },
      async (request) =>
        readerJson(
          await moderation.suspend(
            request.params.id,
            new Date(request.body.until),
            signedIn(request).user.id,
            request.body.reason ?? null,
          ),
        ),
    );

    app.post<{ Params: { id: number }; Body: unknown }>(
      '/readers/:id/ban',
      {
        config: moderate,
        schema: {
          tags: tags('comments'),
          summary: 'Stop the reader commenting for good (body optional: {"reason": "…"})',
          params: idParams,
        },
      },
      async (request) =>
        readerJson(
          await moderation.ban(request.params.id, signedIn(request).user.id, reasonOf(request.body)),
        ),
    );

    app.post<{ Params: { id: number } }>(
      '/readers/:id/reinstate',
      {
        config: moderate,
        schema: { tags: tags('comments'), summary: 'Lift a suspension or ban', params: idParams },
      },
      async (request) => readerJson(await moderation.reinstate(request.params.id, signedIn(request).user.id)),
    );

    const settingsJson = (s: Awaited<ReturnType<typeof moderation.settingsOf>>) => ({
      siteId: s.siteId,
      moderationMode: s.moderationMode,
      bannedWords: s.bannedWords,
      closeAfterDays: s.closeAfterDays,
    });

    app.get<{ Params: { id: number } }>(
      '/sites/:id/community',
      {
        config: manage,
        schema: { tags: tags('comments'), summary: "A brand's community settings", params: idParams },
      },
      async (request) => settingsJson(await moderation.settingsOf(siteOr404(request.params.id).id)),
    );

    app.put<{
      Params: { id: number };
      Body: { moderationMode?: 'pre' | 'post'; bannedWords?: string[]; closeAfterDays?: number | null };
    }>(
      '/sites/:id/community',
      {
        config: manage,
        schema: {
          tags: tags('comments'),
          summary:
            'Set the moderation mode, the brand’s banned words and when threads close (days after publication; null: never)',
          params: idParams,
          body: {
            type: 'object',
            properties: {
              moderationMode: { enum: ['pre', 'post'] },
              bannedWords: {
                type: 'array',
                maxItems: 2000,
                items: { type: 'string', minLength: 1, maxLength: 60 },
              },
              closeAfterDays: { type: ['integer', 'null'], minimum: 1, maximum: 3650 },
            },
            additionalProperties: false,
          },
        },
      },
      async (request) => {
        const site = siteOr404(request.params.id);
        return settingsJson(
          await moderation.updateSettings(site.id, request.body, signedIn(request).user.id),
        );
      },
    );

    const guidelinesBody = {
      type: 'object',
      required: ['title', 'sections'],
      properties: {
        title: { type: 'string', minLength: 1, maxLength: 200 },
        sections: {
          type: 'array',
          minItems: 1,
          maxItems: 50,
          items: {
            type: 'object',
            required: ['heading', 'paragraphs'],
            properties: {
              heading: { type: 'string', minLength: 1, maxLength: 200 },
              paragraphs: {
                type: 'array',
                minItems: 1,
                maxItems: 50,
                items: { type: 'string', minLength: 1, maxLength: 5000 },
              },
            },
            additionalProperties: false,
          },
        },
      },
      additionalProperties: false,
    } as const;

    app.get<{ Params: { id: number } }>(
      '/sites/:id/guidelines',
      {
        config: manage,
        schema: {
          tags: tags('comments'),
          summary: "A brand's community guidelines (custom: false is the default text)",
          params: idParams,
        },
      },
      async (request) => {
        const site = siteOr404(request.params.id);
        return moderation.guidelinesOf(site.id, site.name);
      },
    );

    app.put<{
      Params: { id: number };
      Body: { title: string; sections: { heading: string; paragraphs: string[] }[] };
    }>(
      '/sites/:id/guidelines',
      {
        config: manage,
        schema: {
          tags: tags('comments'),
          summary: "Replace a brand's guidelines",
          params: idParams,
          body: guidelinesBody,
        },
      },
      async (request) => {
        const site = siteOr404(request.params.id);
        await moderation.updateGuidelines(site.id, request.body, signedIn(request).user.id);
        return moderation.guidelinesOf(site.id, site.name);
      },
    );

    app.delete<{ Params: { id: number } }>(
      '/sites/:id/guidelines',
      {
        config: manage,
        schema: { tags: tags('comments'), summary: 'Go back to the default guidelines', params: idParams },
      },
      async (request) => {
        const site = siteOr404(request.params.id);
        await moderation.updateGuidelines(site.id, null, signedIn(request).user.id);
        return moderation.guidelinesOf(site.id, site.name);
      },
    );
  }

  return { name: 'comments', description: 'Comment moderation, commenters and community settings', routes };
}
