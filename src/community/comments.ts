/**
 * Comments from readers: post (through the moderation phases), reply, edit within the window,
 * delete, like and report; the thread and the counts that pages show.
 */
import { type ContentService, isVisible, type Site } from '../content/index.ts';
import type { Clock } from '../platform/index.ts';
import type { CommentRepository } from './comment-repository.ts';
import { normaliseText } from './comment-text.ts';
import { CommunityError } from './errors.ts';
import {
  type Comment,
  type CommentSort,
  commentLimits,
  profileComplete,
  type Reader,
  type ReportReason,
  reportReasons,
} from './model.ts';
import { forbiddenControls } from './moderation/length.ts';
import type { PhaseInput } from './moderation/phase.ts';
import { moderate, moderationPhases } from './moderation/phases.ts';
import { sha256 } from './readers.ts';
import type { SettingsStore } from './settings.ts';

export interface CommentsDeps {
  readonly clock: Clock;
  readonly content: ContentService;
  readonly repo: CommentRepository;
  readonly settings: SettingsStore;
  /** Tell the caches an article's visible comments changed. */
  readonly changed: (siteId: number, articleId: number) => void;
  /** Called after a reply that may be announced has committed. */
  readonly afterCommit: () => void;
}

const dayMs = 24 * 60 * 60 * 1000;
const editPhases = moderationPhases.filter((p) => p.name !== 'repeated' && p.name !== 'rate');

export function createComments(deps: CommentsDeps) {
  const { clock, content, repo, settings } = deps;

  async function openArticle(site: Site, articleId: number) {
    const article = await content.articles.findById(articleId);
    if (!article || article.siteId !== site.id || !isVisible(article, clock.now())) {
      throw new CommunityError.ArticleNotFound('There is no such article on this site.');
    }
    return article;
  }

  async function phaseInput(
    reader: Reader,
    site: Site,
    article: { id: number; commentsEnabled: boolean; publishedAt: Date | null },
    body: string,
    ip: string,
    editing: boolean,
  ): Promise<PhaseInput> {
    const now = clock.now();
    const ipHash = sha256(`ip:${ip}`);
    let recent: ReturnType<PhaseInput['recent']> | undefined;
    return {
      reader,
      body,
      now,
      article,
      settings: await settings.get(site.id),
      editing,
      recent: () => {
        recent ??= repo.recentActivity({
          readerId: reader.id,
          ipHash,
          readerSince: new Date(now.getTime() - dayMs),
          ipSince: new Date(now.getTime() - 60_000),
        });
        return recent;
      },
      approvedCount: () => repo.approvedCountOf(reader.id),
    };
  }

  function requireProfile(reader: Reader) {
    if (!profileComplete(reader)) {
      throw new CommunityError.ProfileIncomplete(
        'Choose a display name and accept the community guidelines before you comment.',
      );
    }
  }

  async function ownComment(reader: Reader, commentId: number): Promise<Comment> {
    const comment = await repo.findById(commentId);
    if (!comment || comment.status === 'deleted') {
      throw new CommunityError.CommentNotFound('That comment does not exist or was deleted.');
    }
    if (comment.readerId !== reader.id)
      throw new CommunityError.NotYours('You can only change your own comments.');
    return comment;
  }

  async function visibleComment(commentId: number): Promise<Comment> {
    const comment = await repo.findById(commentId);
    if (comment?.status !== 'approved') {
      throw new CommunityError.CommentNotFound('That comment does not exist or is not shown.');
    }
    return comment;
  }

  return {
    async post(input: {
      reader: Reader;
      site: Site;
      articleId: number;
      parentId: number | null;
      body: string;
      ip: string;
    }): Promise<Comment> {
      const { reader, site } = input;
      requireProfile(reader);
      const article = await openArticle(site, input.articleId);
      let parent: Comment | null = null;
      if (input.parentId !== null) {
        parent = await repo.findById(input.parentId);
        if (!parent || parent.articleId !== article.id || parent.status !== 'approved') {
          throw new CommunityError.ParentGone(
            'The comment you replied to was deleted or is no longer shown, so your reply was not posted. Your text is still in the form.',
          );
        }
      }
      const body = normaliseText(input.body);
      const outcome = await moderate(await phaseInput(reader, site, article, body, input.ip, false));
      if (outcome.kind === 'refuse') throw outcome.error;
      const notify =
        parent?.readerId && parent.readerId !== reader.id && outcome.status === 'approved'
          ? { readerId: parent.readerId }
          : null;
      const comment = await repo.insert(
        {
          siteId: site.id,
          articleId: article.id,
          readerId: reader.id,
          parentId: parent?.id ?? null,
          // Threads are two levels deep: a reply to a reply joins the same thread.
          threadId: parent ? (parent.threadId ?? parent.id) : null,
          body,
          status: outcome.status,
          holdReason: outcome.holdReason,
          ipHash: sha256(`ip:${input.ip}`),
          at: clock.now(),
        },
        notify,
      );
      if (comment.status === 'approved') deps.changed(site.id, article.id);
      if (notify) deps.afterCommit();
      return comment;
    },

    async edit(input: { reader: Reader; site: Site; commentId: number; body: string; ip: string }) {
      const comment = await ownComment(input.reader, input.commentId);
      if (clock.now().getTime() - comment.createdAt.getTime() > commentLimits.editWindowMs) {
        throw new CommunityError.EditWindowPassed(
          'Comments can be edited for 5 minutes after posting; this one can no longer be changed (you can still delete it).',
        );
      }
      const article = await openArticle(input.site, comment.articleId);
      const body = normaliseText(input.body);
      const outcome = await moderate(
        await phaseInput(input.reader, input.site, article, body, input.ip, true),
        editPhases,
      );
      if (outcome.kind === 'refuse') throw outcome.error;
      // An edit cannot undo a moderator: a held comment stays held, an approved one may become held.
      const status = comment.status === 'approved' ? outcome.status : comment.status;
      await repo.editBody(
        comment.id,
        body,
        clock.now(),
        status,
        status === 'pending' ? (outcome.holdReason ?? comment.holdReason) : null,
      );
      deps.changed(comment.siteId, comment.articleId);
      return (await repo.findById(comment.id))!;
    },

    async remove(input: { reader: Reader; commentId: number }) {
      const comment = await ownComment(input.reader, input.commentId);
      await repo.markDeleted(comment.id, clock.now());
      deps.changed(comment.siteId, comment.articleId);
      return comment;
    },

    async like(input: { reader: Reader; commentId: number }) {
      const comment = await visibleComment(input.commentId);
      const liked = await repo.toggleLike(comment.id, input.reader.id, clock.now());
      deps.changed(comment.siteId, comment.articleId);
      return { comment, liked };
    },

    async report(input: { reader: Reader; commentId: number; reason: string; note: string }) {
      if (!Object.hasOwn(reportReasons, input.reason)) {
        throw new CommunityError.ReportInvalid('Choose why you are reporting this comment.');
      }
      const note = normaliseText(input.note);
      if ([...note].length > commentLimits.reportNoteMax) {
        throw new CommunityError.ReportInvalid(
          `A note may have at most ${commentLimits.reportNoteMax} characters.`,
        );
      }
      if (forbiddenControls.test(note)) {
        throw new CommunityError.ReportInvalid('The note contains control characters we cannot store.');
      }
      const comment = await visibleComment(input.commentId);
      const recorded = await repo.report(
        comment.id,
        input.reader.id,
        input.reason as ReportReason,
        note,
        clock.now(),
      );
      return { comment, recorded };
    },

    thread: (query: {
      articleId: number;
      sort: CommentSort;
      page: number;
      pageSize: number;
      viewerId: number | null;
    }) => repo.thread(query),
    counts: (articleIds: readonly number[]) => repo.counts(articleIds),
    likedBy: (readerId: number, ids: readonly number[]) => repo.likedBy(readerId, ids),
    findById: (id: number) => repo.findById(id),
  };
}

export type Comments = ReturnType<typeof createComments>;
