/**
 * What moderators do: work the queues, approve or reject, suspend or ban an author, see a
 * commenter's history; and what community managers do: a brand's settings and guidelines.
 * Every action is written to the newsroom's audit log.
 */
import type { Kysely } from 'kysely';
import type { AuditLog } from '../newsroom/index.ts';
import type { Clock, Database } from '../platform/index.ts';
import type { CommentRepository } from './comment-repository.ts';
import { CommunityError } from './errors.ts';
import { defaultGuidelines } from './guidelines.ts';
import type { Guidelines, ModerationMode } from './model.ts';
import { normaliseBannedWord } from './moderation/banned-words.ts';
import { createReaderRepository } from './readers.ts';
import type { SettingsStore } from './settings.ts';

export interface ModerationDeps {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly repo: CommentRepository;
  readonly settings: SettingsStore;
  readonly audit: Pick<AuditLog, 'record' | 'about'>;
  readonly changed: (siteId: number, articleId: number) => void;
  readonly siteChanged: (siteId: number) => void;
  readonly afterCommit: () => void;
}

export type Queue = 'pending' | 'reported' | 'rejected';

export function createModeration(deps: ModerationDeps) {
  const { db, clock, repo, settings, audit } = deps;
  const readers = createReaderRepository({ db, clock });

  async function requireComment(id: number) {
    const comment = await repo.findById(id);
    if (!comment) throw new CommunityError.CommentNotFound(`There is no comment ${id}.`);
    return comment;
  }

  async function requireReader(id: number) {
    const reader = await readers.findById(id);
    if (!reader) throw new CommunityError.ReaderNotFound(`There is no reader ${id}.`);
    return reader;
  }

  return {
    queue: (q: { queue: Queue; siteId?: number; page: number; pageSize: number }) => repo.queue(q),

    /**
     * A queue page as the moderation screen shows it: the comments with their open reports (by
     * reason) and their authors' standing, and how many wait in each queue.
     */
    async queueView(q: { queue: Queue; siteId?: number; page: number; pageSize: number }) {
      const [page, counts] = await Promise.all([repo.queue(q), repo.queueCounts(q.siteId)]);
      const [reports, standings] = await Promise.all([
        repo.reportSummaries(page.items.filter((c) => c.reportCount > 0).map((c) => c.id)),
        repo.standingsOf(page.items.flatMap((c) => (c.readerId === null ? [] : [c.readerId]))),
      ]);
      return { ...page, counts, reports, standings };
    },
    reportsOf: (commentId: number) => repo.reportsOf(commentId),

    async approve(commentId: number, staffId: number) {
      const comment = await requireComment(commentId);
      if (comment.status === 'deleted') {
        throw new CommunityError.ModerationRefused(
          'The author deleted this comment; there is nothing to approve.',
        );
      }
      // Someone else got there first (another moderator, another tab): say so, change nothing.
      if (comment.status === 'approved' && comment.reportCount === 0) {
        throw new CommunityError.ModerationRefused(
          `Comment ${commentId} is already approved and has no open reports; nothing changed.`,
        );
      }
      const at = clock.now();
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('comments')
          .set({
            status: 'approved',
            moderated_at: at.toISOString(),
            moderated_by: staffId,
            hold_reason: null,
            report_count: 0,
          })
          .where('id', '=', commentId)
          .execute();
        // A held reply is announced when it becomes visible, not before.
        if (comment.status !== 'approved' && comment.parentId !== null) {
          const parent = await trx
            .selectFrom('comments')
            .select('reader_id')
            .where('id', '=', comment.parentId)
            .executeTakeFirst();
          if (parent?.reader_id && parent.reader_id !== comment.readerId) {
            await repo.queueNotification(trx, commentId, parent.reader_id, at);
          }
        }
      });
      await audit.record({
        at,
        userId: staffId,
        action: 'comment.approve',
        subjectType: 'comment',
        subjectId: commentId,
        siteId: comment.siteId,
        details: { from: comment.status, reports: comment.reportCount },
      });
      deps.changed(comment.siteId, comment.articleId);
      deps.afterCommit();
      return (await repo.findById(commentId))!;
    },

    async reject(commentId: number, staffId: number, reason: string | null) {
      const comment = await requireComment(commentId);
      if (comment.status === 'deleted') {
        throw new CommunityError.ModerationRefused('The author deleted this comment already.');
      }
      if (comment.status === 'rejected') {
        throw new CommunityError.ModerationRefused(
          `Comment ${commentId} is already rejected; nothing changed.`,
        );
      }
      const at = clock.now();
      await repo.moderate(commentId, { status: 'rejected', at, by: staffId, reason });
      await audit.record({
        at,
        userId: staffId,
        action: 'comment.reject',
        subjectType: 'comment',
        subjectId: commentId,
        siteId: comment.siteId,
        details: { from: comment.status, reason },
      });
      deps.changed(comment.siteId, comment.articleId);
      return (await repo.findById(commentId))!;
    },

    async suspend(readerId: number, until: Date, staffId: number, reason: string | null) {
      const at = clock.now();
      if (until.getTime() <= at.getTime()) {
        throw new CommunityError.ModerationRefused('A suspension must end in the future.');
      }
      const reader = await requireReader(readerId);
      if (reader.bannedAt) {
        throw new CommunityError.ModerationRefused(
          `${reader.displayName ?? 'This reader'} is banned; reinstate them before suspending.`,
        );
      }
      await readers.setStanding(readerId, { suspendedUntil: until });
      await audit.record({
        at,
        userId: staffId,
        action: 'reader.suspend',
        subjectType: 'reader',
        subjectId: readerId,
        details: { until: until.toISOString(), reason },
      });
      return requireReader(readerId);
    },

    async ban(readerId: number, staffId: number, reason: string | null) {
      const at = clock.now();
      const reader = await requireReader(readerId);
      if (reader.bannedAt) {
        throw new CommunityError.ModerationRefused(
          `${reader.displayName ?? 'This reader'} is already banned; nothing changed.`,
        );
      }
      await readers.setStanding(readerId, { bannedAt: at });
      await audit.record({
        at,
        userId: staffId,
        action: 'reader.ban',
        subjectType: 'reader',
        subjectId: readerId,
        details: { reason },
      });
      return requireReader(readerId);
    },

    async reinstate(readerId: number, staffId: number) {
      const at = clock.now();
      const reader = await requireReader(readerId);
      if (!reader.bannedAt && !(reader.suspendedUntil && reader.suspendedUntil.getTime() > at.getTime())) {
        throw new CommunityError.ModerationRefused(
          `${reader.displayName ?? 'This reader'} is neither suspended nor banned; nothing changed.`,
        );
      }
      await readers.setStanding(readerId, { bannedAt: null, suspendedUntil: null });
      await audit.record({
        at,
        userId: staffId,
        action: 'reader.reinstate',
        subjectType: 'reader',
        subjectId: readerId,
      });
      return requireReader(readerId);
    },

    /**
     * A commenter at a glance: the account, counts by status, reports against them, their comments
     * newest first (a page of `pageSize`), and the moderation actions taken on them or their comments.
     */
    async history(readerId: number, options: { page?: number; pageSize?: number } = {}) {
      const reader = await requireReader(readerId);
      const pageSize = options.pageSize ?? 20;
      const page = options.page ?? 1;
      const { byStatus, recent } = await repo.historyOf(readerId, pageSize + 1, (page - 1) * pageSize);
      const reported = await db
        .selectFrom('comment_reports')
        .innerJoin('comments', 'comments.id', 'comment_reports.comment_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('comments.reader_id', '=', readerId)
        .executeTakeFirstOrThrow();
      const commentIds = await repo.idsOf(readerId, 1000);
      const actions = await audit.about(
        [
          { type: 'reader', ids: [readerId] },
          { type: 'comment', ids: commentIds },
        ],
        100,
      );
      return {
        reader,
        byStatus,
        reportsAgainst: Number(reported.n),
        recent: recent.slice(0, pageSize),
        hasMore: recent.length > pageSize,
        actions,
      };
    },

    settingsOf: (siteId: number) => settings.get(siteId),

    async updateSettings(
      siteId: number,
      changes: {
        moderationMode?: ModerationMode;
        bannedWords?: readonly string[];
        closeAfterDays?: number | null;
      },
      staffId: number,
    ) {
      const at = clock.now();
      const bannedWords = changes.bannedWords
        ? [...new Set(changes.bannedWords.map(normaliseBannedWord).filter((w): w is string => w !== null))]
        : undefined;
      const updated = await settings.put(siteId, { ...changes, bannedWords }, at);
      await audit.record({
        at,
        userId: staffId,
        action: 'community.settings',
        subjectType: 'site',
        subjectId: siteId,
        siteId,
        details: { ...changes, bannedWords: bannedWords?.length },
      });
      if (changes.closeAfterDays !== undefined) deps.siteChanged(siteId);
      return updated;
    },

    async guidelinesOf(siteId: number, brandName: string): Promise<Guidelines & { custom: boolean }> {
      const stored = (await settings.get(siteId)).guidelines;
      return stored ? { ...stored, custom: true } : { ...defaultGuidelines(brandName), custom: false };
    },

    async updateGuidelines(siteId: number, guidelines: Guidelines | null, staffId: number) {
      const at = clock.now();
      await settings.put(siteId, { guidelines }, at);
      await audit.record({
        at,
        userId: staffId,
        action: guidelines ? 'community.guidelines.update' : 'community.guidelines.reset',
        subjectType: 'site',
        subjectId: siteId,
        siteId,
      });
      deps.siteChanged(siteId);
    },
  };
}

export type Moderation = ReturnType<typeof createModeration>;
