/**
 * The community's reader pages, registered inside the site plugin (site by Host, layout, page
 * cache). Only the guidelines page is cached; every other page depends on who is signed in and
 * is sent `no-store`. Every POST is a urlencoded form that works without JavaScript and answers
 * with a redirect (303) or a page that says what to fix; errors never reach a 500 page unless
 * something broke on our side.
 */
import formbody from '@fastify/formbody';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ArticleView, ContentService } from '../../content/index.ts';
import type { Clock, FragmentCache } from '../../platform/index.ts';
import {
  type ArticleComments,
  type ArticleThread,
  cachePolicy,
  type PageContext,
  renderGuidelinesPage,
  type SiteExtension,
  securityHeaders,
  urls,
} from '../../site/index.ts';
import { safeReturnPath } from '../accounts.ts';
import { CommunityError, communityErrorCodes } from '../errors.ts';
import type { Community } from '../index.ts';
import { type CommentSort, commentSorts, profileComplete } from '../model.ts';
import { commentsOpen } from '../moderation/closed.ts';
import {
  clearedReaderCookie,
  field,
  positiveId,
  queryField,
  READER_COOKIE,
  readCookie,
  readerCookie,
  requireReaderForm,
  sameOrigin,
} from './reader-http.ts';
import {
  renderAccountPage,
  renderCheckEmailPage,
  renderCommunityMessage,
  renderConfirmSignInPage,
  renderDiscussionPage,
  renderJoinPage,
} from './reader-pages.ts';
import { renderThread, type Viewer } from './thread-view.ts';
import { communityUrls } from './urls.ts';

export const THREAD_PAGE_SIZE = 20;

export interface ReaderRoutesDeps {
  readonly community: Community;
  readonly content: ContentService;
  readonly clock: Clock;
}

/**
 * The comments under each article page and the counts in lists, for the site plugin. With
 * `threads`, a rendered thread is kept until a comment of its article (`comments:<id>`) or its
 * brand's settings (`site:<id>`) change, so re-rendering an article page (an edit, a page-cache
 * miss) costs no comment queries. The id carries what the thread reads of the article.
 */
export function communityComments({
  community,
  clock,
  threads,
}: ReaderRoutesDeps & { readonly threads?: FragmentCache<ArticleThread> }): ArticleComments {
  return {
    countsMaxAgeMs: 60_000,
    async thread(ctx, article) {
      const id = `${article.id}|${article.commentsEnabled ? 1 : 0}|${article.publishedAt?.getTime() ?? ''}`;
      const kept = threads?.get(id);
      if (kept) return kept;
      const mark = threads?.mark() ?? 0;
      const made = await renderArticleThread(ctx, article);
      threads?.set(id, made, {
        keys: [...made.keys, `site:${article.siteId}`],
        expiresAt: made.expiresAt,
        mark,
      });
      return made;
    },
    counts: (ids) => community.comments.counts(ids),
  };

  async function renderArticleThread(ctx: PageContext, article: ArticleView): Promise<ArticleThread> {
    const [page, settings] = await Promise.all([
      community.comments.thread({
        articleId: article.id,
        sort: 'newest',
        page: 1,
        pageSize: THREAD_PAGE_SIZE,
        viewerId: null,
      }),
      community.moderation.settingsOf(article.siteId),
    ]);
    const open = commentsOpen(article, settings.closeAfterDays, clock.now());
    // A thread that closes by age must not stay "open" in the cache past that moment.
    const closesAt =
      open && settings.closeAfterDays !== null && article.publishedAt
        ? article.publishedAt.getTime() + settings.closeAfterDays * 86_400_000
        : undefined;
    return {
      html: renderThread(ctx, { articleId: article.id, page, sort: 'newest', open, viewer: null }),
      keys: [`comments:${article.id}`],
      ...(closesAt ? { expiresAt: closesAt } : {}),
    };
  }
}

function sortOf(value: string): CommentSort {
  return (commentSorts as readonly string[]).includes(value) ? (value as CommentSort) : 'newest';
}

export function communityReaderPages(deps: ReaderRoutesDeps): SiteExtension {
  const { community, content, clock } = deps;
  const { accounts, comments } = community;

  return async function readerPages(app, { responder, pageContext }) {
    // Comments are at most 5,000 characters; 256 KB leaves room for any encoding of them.
    await app.register(formbody, { bodyLimit: 256 * 1024 });
    app.decorateRequest('reader', null);

    app.addHook('onRequest', async (request) => {
      const token = readCookie(request.headers.cookie, READER_COOKIE);
      request.reader = token
        ? await community.readers.verifySession(token).then((found) => (found ? { ...found, token } : null))
        : null;
    });

    function contextOf(request: FastifyRequest): { ctx: PageContext; secure: boolean } {
      const found = request.page ?? pageContext(request);
      if (!found) throw new CommunityError.ArticleNotFound('No site is set up yet.');
      return { ctx: found.ctx, secure: request.protocol === 'https' };
    }

    function sendPrivate(reply: FastifyReply, status: number, body: { value: string }) {
      return reply
        .code(status)
        .headers(securityHeaders)
        .header('cache-control', cachePolicy.private)
        .type('text/html; charset=utf-8')
        .send(body.value);
    }

    app.setErrorHandler((error: FastifyError, request, reply) => {
      const status =
        error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
      if (status === 500) request.log.error({ err: error }, 'community request failed');
      const found = request.page ?? pageContext(request);
      if (!found) return reply.code(status).type('text/plain; charset=utf-8').send(error.message);
      const ours = communityErrorCodes.has(error.code);
      const title =
        status === 500
          ? 'Something went wrong'
          : error.code === 'COMMUNITY_SIGN_IN_REQUIRED'
            ? 'Please sign in'
            : status === 429
              ? 'Please wait a moment'
              : 'That did not work';
      const message =
        status === 500
          ? 'Something went wrong on our side and nothing was changed. Please try again.'
          : ours
            ? error.message
            : status === 413
              ? 'What you sent is far too long; nothing was stored.'
              : 'We could not read what was sent; nothing was changed. Reload the page and try again.';
      const links =
        error.code === 'COMMUNITY_SIGN_IN_REQUIRED' || error.code === 'COMMUNITY_LINK_INVALID'
          ? [{ href: communityUrls.join(), label: 'Join or sign in' }]
          : undefined;
      if (status === 429) reply.header('retry-after', '60');
      return sendPrivate(reply, status, renderCommunityMessage(found.ctx, { title, message, links }));
    });

    // The guidelines: public and cached like any page, dropped when a manager edits them.
    app.get(communityUrls.guidelines(), async (request, reply) => {
      const { site, ctx } = request.page;
      const guidelines = await community.moderation.guidelinesOf(site.id, site.name);
      return responder.finish(request, reply, 200, renderGuidelinesPage(ctx, guidelines).value, {
        keys: [`guidelines:${site.id}`],
        kind: 'page',
      });
    });

    app.get(communityUrls.join(), async (request, reply) => {
      const { ctx } = contextOf(request);
      const returnPath = safeReturnPath(queryField(request, 'return'));
      const body = renderJoinPage(ctx, {
        email: '',
        returnPath,
        problem: null,
        signedInAs: request.reader?.reader ?? null,
      });
      return sendPrivate(reply, 200, body);
    });

    app.post(communityUrls.join(), async (request, reply) => {
      const { ctx } = contextOf(request);
      const email = field(request, 'email');
      const returnPath = safeReturnPath(field(request, 'return'));
      // Signed out, so no session token: the Origin (or Referer) must be this site.
      if (!sameOrigin(request)) {
        throw new CommunityError.CsrfInvalid(
          'This form did not come from our site. Open the join page and try again.',
        );
      }
      try {
        await accounts.requestLink({ email, site: ctx.site, origin: ctx.origin, returnPath, ip: request.ip });
      } catch (error) {
        if ((error as FastifyError).code === 'COMMUNITY_EMAIL_INVALID') {
          const body = renderJoinPage(ctx, {
            email,
            returnPath,
            problem: (error as Error).message,
            signedInAs: null,
          });
          return sendPrivate(reply, 422, body);
        }
        if (error instanceof Error && error.name === 'MailDeliveryError') {
          throw new CommunityError.EmailInvalid(
            'We could not send an email to that address. Check it, or try again in a few minutes.',
          );
        }
        throw error;
      }
      return sendPrivate(reply, 200, renderCheckEmailPage(ctx, email.trim().toLowerCase()));
    });

    // A GET only shows a button: mail scanners that open links must not use up the single-use link.
    app.get(communityUrls.signIn(), async (request, reply) => {
      const { ctx } = contextOf(request);
      const token = queryField(request, 'token');
      if (!/^[\w-]{43}$/.test(token)) {
        throw new CommunityError.LinkInvalid(
          'This sign-in link is incomplete. Open the link from the email again, or ask for a new one.',
        );
      }
      return sendPrivate(reply, 200, renderConfirmSignInPage(ctx, token));
    });

    app.post(communityUrls.signIn(), async (request, reply) => {
      const { secure } = contextOf(request);
      if (!sameOrigin(request)) {
        throw new CommunityError.CsrfInvalid(
          'This form did not come from our site. Open the link from the email again.',
        );
      }
      const { reader, sessionToken, returnPath } = await accounts.signIn(field(request, 'token'));
      if (request.reader) await accounts.signOut(request.reader.token);
      reply.header('set-cookie', readerCookie(sessionToken, secure));
      const next = profileComplete(reader)
        ? returnPath
        : `${communityUrls.account()}?return=${encodeURIComponent(returnPath)}`;
      return reply.header('cache-control', cachePolicy.private).redirect(next, 303);
    });

    app.post(communityUrls.signOut(), async (request, reply) => {
      const { secure } = contextOf(request);
      const signed = requireReaderForm(request);
      await accounts.signOut(signed.token);
      reply.header('set-cookie', clearedReaderCookie(secure));
      return reply.header('cache-control', cachePolicy.private).redirect('/', 303);
    });

    app.get(communityUrls.account(), async (request, reply) => {
      const { ctx } = contextOf(request);
      if (!request.reader)
        return reply
          .header('cache-control', cachePolicy.private)
          .redirect(communityUrls.join(communityUrls.account()), 303);
      const saved = queryField(request, 'saved') === '1';
      return sendPrivate(
        reply,
        200,
        renderAccountPage(ctx, {
          reader: request.reader.reader,
          csrfToken: request.reader.session.csrfToken,
          returnPath: safeReturnPath(queryField(request, 'return')),
          problem: null,
          notice: saved ? 'Your settings are saved.' : null,
        }),
      );
    });

    app.post(communityUrls.account(), async (request, reply) => {
      const { ctx } = contextOf(request);
      const signed = requireReaderForm(request);
      const returnPath = safeReturnPath(field(request, 'return'));
      const form = {
        displayName: field(request, 'displayName'),
        acceptGuidelines: field(request, 'acceptGuidelines') === 'yes',
        notifyReplies: field(request, 'notifyReplies') === 'yes',
      };
      try {
        await accounts.updateProfile(signed.reader, form);
      } catch (error) {
        if ((error as FastifyError).code !== 'COMMUNITY_PROFILE_INVALID') throw error;
        return sendPrivate(
          reply,
          422,
          renderAccountPage(ctx, {
            reader: signed.reader,
            csrfToken: signed.session.csrfToken,
            returnPath,
            problem: (error as Error).message,
            notice: null,
            form,
          }),
        );
      }
      const next = returnPath !== '/' ? returnPath : `${communityUrls.account()}?saved=1`;
      return reply.header('cache-control', cachePolicy.private).redirect(next, 303);
    });

    app.get(communityUrls.accountData(), async (request, reply) => {
      if (!request.reader) throw new CommunityError.SignInRequired('Sign in to download your data.');
      const data = await accounts.exportData(request.reader.reader);
      return reply
        .headers(securityHeaders)
        .header('cache-control', cachePolicy.private)
        .header('content-disposition', 'attachment; filename="community-data.json"')
        .type('application/json; charset=utf-8')
        .send(JSON.stringify(data, null, 2));
    });

    app.post(communityUrls.accountDelete(), async (request, reply) => {
      const { ctx, secure } = contextOf(request);
      const signed = requireReaderForm(request);
      if (field(request, 'confirm') !== 'yes') {
        return sendPrivate(
          reply,
          422,
          renderAccountPage(ctx, {
            reader: signed.reader,
            csrfToken: signed.session.csrfToken,
            returnPath: '/',
            problem: 'Tick the box to confirm that you want your account deleted; nothing was deleted.',
            notice: null,
          }),
        );
      }
      await accounts.deleteAccount(signed.reader);
      reply.header('set-cookie', clearedReaderCookie(secure));
      return sendPrivate(
        reply,
        200,
        renderCommunityMessage(ctx, {
          title: 'Your account was deleted',
          message: 'Your account, your likes and reports, and the words of your comments are gone.',
        }),
      );
    });

    // ---- The discussion page and what readers do on it -------------------------------------

    async function discussion(
      request: FastifyRequest,
      reply: FastifyReply,
      articleId: number,
      options: {
        status: number;
        sort: CommentSort;
        page: number;
        open: Viewer['open'];
        draft?: string;
        problem?: Viewer['problem'];
        notice?: string | null;
      },
    ) {
      const { ctx } = contextOf(request);
      const found = await content.viewArticle(ctx.site.id, articleId);
      if (!found?.visible) throw new CommunityError.ArticleNotFound('There is no such article on this site.');
      const { view } = found;
      const signed = request.reader;
      const [page, settings] = await Promise.all([
        comments.thread({
          articleId,
          sort: options.sort,
          page: options.page,
          pageSize: THREAD_PAGE_SIZE,
          viewerId: signed?.reader.id ?? null,
        }),
        community.moderation.settingsOf(ctx.site.id),
      ]);
      if (options.page > 1 && page.items.length === 0) {
        throw new CommunityError.CommentNotFound('There is no such page of comments.');
      }
      const ids = page.items.flatMap((i) => [i.comment.id, ...i.replies.map((r) => r.id)]);
      const viewer: Viewer = {
        reader: signed?.reader ?? null,
        csrfToken: signed?.session.csrfToken ?? null,
        liked: signed ? await comments.likedBy(signed.reader.id, ids) : new Set(),
        open: options.open,
        draft: options.draft ?? '',
        problem: options.problem ?? null,
        canPost: signed ? profileComplete(signed.reader) : false,
        now: clock.now(),
      };
      const open = commentsOpen(view, settings.closeAfterDays, clock.now());
      const body = renderDiscussionPage(ctx, {
        article: view,
        articlePath: urls.article(view, view.section),
        thread: { articleId, page, sort: options.sort, open, viewer, headingLevel: 2 },
        viewer,
        notice: options.notice ?? null,
      });
      return sendPrivate(reply, options.status, body);
    }

    function articleIdOf(request: FastifyRequest): number {
      const id = positiveId((request.params as { id: string }).id);
      if (id === null) throw new CommunityError.ArticleNotFound('There is no such article on this site.');
      return id;
    }

    function commentIdOf(request: FastifyRequest): number {
      const id = positiveId((request.params as { id: string }).id);
      if (id === null) throw new CommunityError.CommentNotFound('That comment does not exist.');
      return id;
    }

    function backTo(reply: FastifyReply, articleId: number, sort: CommentSort, anchor: string, extra = {}) {
      return reply
        .header('cache-control', cachePolicy.private)
        .redirect(`${communityUrls.discussion(articleId, { sort, ...extra })}#${anchor}`, 303);
    }

    app.get('/community/articles/:id', async (request, reply) => {
      const articleId = articleIdOf(request);
      const pageNumber = request.page.pageNumber;
      if (pageNumber < 1) throw new CommunityError.CommentNotFound('There is no such page of comments.');
      const openKind = (['reply', 'edit', 'report'] as const).find(
        (k) => positiveId(queryField(request, k)) !== null,
      );
      const posted = positiveId(queryField(request, 'posted'));
      let notice: string | null = null;
      if (posted !== null && request.reader) {
        const mine = await comments.findById(posted);
        if (mine && mine.readerId === request.reader.reader.id) {
          notice =
            mine.status === 'pending'
              ? 'Thank you: your comment is waiting for a moderator and will appear once approved.'
              : 'Your comment is posted.';
        }
      }
      return discussion(request, reply, articleId, {
        status: 200,
        sort: sortOf(queryField(request, 'sort')),
        page: pageNumber,
        open: openKind ? { kind: openKind, commentId: positiveId(queryField(request, openKind))! } : null,
        notice,
      });
    });

    /** Re-show the discussion page with the reader's words kept and the problem beside the form. */
    async function refusal(
      request: FastifyRequest,
      reply: FastifyReply,
      error: unknown,
      articleId: number,
      sort: CommentSort,
      form: { kind: 'reply' | 'edit' | 'report' | 'new'; commentId?: number; draft: string },
    ) {
      const code = (error as FastifyError).code;
      if (
        !communityErrorCodes.has(code) ||
        code === 'COMMUNITY_CSRF_INVALID' ||
        code === 'COMMUNITY_SIGN_IN_REQUIRED'
      ) {
        throw error;
      }
      if (code === 'COMMENT_ARTICLE_NOT_FOUND') throw error;
      const formFor = form.kind === 'new' ? ('new' as const) : form.commentId!;
      return discussion(request, reply, articleId, {
        status: (error as FastifyError).statusCode ?? 400,
        sort,
        page: 1,
        open: form.kind === 'new' ? null : { kind: form.kind, commentId: form.commentId! },
        draft: form.draft,
        problem: { message: (error as Error).message, formFor },
      });
    }

    app.post('/community/articles/:id/comments', async (request, reply) => {
      const articleId = articleIdOf(request);
      const { ctx } = contextOf(request);
      const signed = requireReaderForm(request);
      const sort = sortOf(field(request, 'sort'));
      const parentField = field(request, 'parent');
      const parentId = parentField === '' ? null : positiveId(parentField);
      const body = field(request, 'body');
      if (parentField !== '' && parentId === null) {
        throw new CommunityError.ParentGone(
          'The comment you replied to does not exist; your reply was not posted.',
        );
      }
      try {
        const posted = await comments.post({
          reader: signed.reader,
          site: ctx.site,
          articleId,
          parentId,
          body,
          ip: request.ip,
        });
        return backTo(reply, articleId, sort, `comment-${posted.id}`, { posted: posted.id });
      } catch (error) {
        // A deleted parent has no reply form to show the problem in: show it at the top.
        const onParent = parentId !== null && (error as FastifyError).code !== 'COMMENT_PARENT_GONE';
        return refusal(request, reply, error, articleId, sort, {
          kind: onParent ? 'reply' : 'new',
          commentId: parentId ?? undefined,
          draft: body,
        });
      }
    });

    app.post('/community/comments/:id/edit', async (request, reply) => {
      const commentId = commentIdOf(request);
      const { ctx } = contextOf(request);
      const signed = requireReaderForm(request);
      const sort = sortOf(field(request, 'sort'));
      const body = field(request, 'body');
      const existing = await comments.findById(commentId);
      if (!existing) throw new CommunityError.CommentNotFound('That comment does not exist.');
      try {
        const edited = await comments.edit({
          reader: signed.reader,
          site: ctx.site,
          commentId,
          body,
          ip: request.ip,
        });
        return backTo(reply, edited.articleId, sort, `comment-${edited.id}`);
      } catch (error) {
        return refusal(request, reply, error, existing.articleId, sort, {
          kind: 'edit',
          commentId,
          draft: body,
        });
      }
    });

    app.post('/community/comments/:id/delete', async (request, reply) => {
      const signed = requireReaderForm(request);
      const removed = await comments.remove({ reader: signed.reader, commentId: commentIdOf(request) });
      return backTo(reply, removed.articleId, sortOf(field(request, 'sort')), 'comments');
    });

    app.post('/community/comments/:id/like', async (request, reply) => {
      const signed = requireReaderForm(request);
      const { comment } = await comments.like({ reader: signed.reader, commentId: commentIdOf(request) });
      return backTo(reply, comment.articleId, sortOf(field(request, 'sort')), `comment-${comment.id}`);
    });

    app.post('/community/comments/:id/report', async (request, reply) => {
      const commentId = commentIdOf(request);
      const { ctx } = contextOf(request);
      const signed = requireReaderForm(request);
      const sort = sortOf(field(request, 'sort'));
      const existing = await comments.findById(commentId);
      if (!existing || existing.siteId !== ctx.site.id)
        throw new CommunityError.CommentNotFound('That comment does not exist.');
      try {
        await comments.report({
          reader: signed.reader,
          commentId,
          reason: field(request, 'reason'),
          note: field(request, 'note'),
        });
      } catch (error) {
        return refusal(request, reply, error, existing.articleId, sort, {
          kind: 'report',
          commentId,
          draft: '',
        });
      }
      return sendPrivate(
        reply,
        200,
        renderCommunityMessage(ctx, {
          title: 'Thank you for your report',
          message: 'A moderator will look at the comment. Reports are anonymous.',
          links: [
            {
              href: `${communityUrls.discussion(existing.articleId, { sort })}#comment-${commentId}`,
              label: 'Back to the comments',
            },
          ],
        }),
      );
    });
  };
}
