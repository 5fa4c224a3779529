/** Comments, likes and reports on both dialects. Every multi-row write is one transaction. */
import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { Database } from '../platform/index.ts';
import type { Comment, CommentSort, CommentStatus } from './model.ts';
import { readDate } from './readers.ts';

export interface ThreadItem {
  readonly comment: Comment;
  readonly replies: readonly Comment[];
}

export interface ThreadPage {
  readonly items: readonly ThreadItem[];
  /** Top-level comments shown across all pages. */
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  /** Every approved comment of the article, replies included ("N comments"). */
  readonly count: number;
}

export interface NewComment {
  readonly siteId: number;
  readonly articleId: number;
  readonly readerId: number;
  readonly parentId: number | null;
  readonly threadId: number | null;
  readonly body: string;
  readonly status: 'pending' | 'approved';
  readonly holdReason: string | null;
  readonly ipHash: string;
  readonly at: Date;
}

type Row = Selectable<Database['comments']> & { author_name: string | null };

function toComment(row: Row): Comment {
  return {
    id: row.id,
    siteId: row.site_id,
    articleId: row.article_id,
    readerId: row.reader_id,
    authorName: row.author_name,
    parentId: row.parent_id,
    threadId: row.thread_id,
    body: row.body,
    status: row.status,
    holdReason: row.hold_reason,
    likeCount: Number(row.like_count),
    reportCount: Number(row.report_count),
    createdAt: readDate(row.created_at)!,
    editedAt: readDate(row.edited_at),
  };
}

export function createCommentRepository(db: Kysely<Database>) {
  const base = () =>
    db
      .selectFrom('comments')
      .leftJoin('readers', 'readers.id', 'comments.reader_id')
      .selectAll('comments')
      .select('readers.display_name as author_name');

  /** Approved, or the viewer's own comment awaiting review. */
  const shown = (viewerId: number | null) => (eb: ExpressionBuilder<Database, 'comments'>) =>
    viewerId === null
      ? eb('comments.status', '=', 'approved')
      : eb.or([
          eb('comments.status', '=', 'approved'),
          eb.and([eb('comments.status', '=', 'pending'), eb('comments.reader_id', '=', viewerId)]),
        ]);

  const repo = {
    async insert(comment: NewComment, notify: { readerId: number } | null): Promise<Comment> {
      const id = await db.transaction().execute(async (trx) => {
        const { id } = await trx
          .insertInto('comments')
          .values({
            site_id: comment.siteId,
            article_id: comment.articleId,
            reader_id: comment.readerId,
            parent_id: comment.parentId,
            thread_id: comment.threadId,
            body: comment.body,
            status: comment.status,
            hold_reason: comment.holdReason,
            ip_hash: comment.ipHash,
            created_at: comment.at.toISOString(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (notify) await repo.queueNotification(trx, id, notify.readerId, comment.at);
        return id;
      });
      return (await repo.findById(id))!;
    },

    async queueNotification(trx: Kysely<Database>, commentId: number, readerId: number, at: Date) {
      await trx
        .insertInto('comment_reply_notifications')
        .values({
          comment_id: commentId,
          reader_id: readerId,
          status: 'queued',
          created_at: at.toISOString(),
        })
        .onConflict((oc) => oc.column('comment_id').doNothing())
        .execute();
    },

    async findById(id: number): Promise<Comment | null> {
      const row = await base().where('comments.id', '=', id).executeTakeFirst();
      return row ? toComment(row as Row) : null;
    },

    async findMany(ids: readonly number[]): Promise<Comment[]> {
      if (ids.length === 0) return [];
      const rows = await base().where('comments.id', 'in', ids).execute();
      return rows.map((r) => toComment(r as Row));
    },

    async thread(query: {
      articleId: number;
      sort: CommentSort;
      page: number;
      pageSize: number;
      viewerId: number | null;
    }): Promise<ThreadPage> {
      const { articleId, sort, page, pageSize, viewerId } = query;
      const topLevel = (eb: ExpressionBuilder<Database, 'comments'>) =>
        eb.and([
          eb('comments.article_id', '=', articleId),
          eb('comments.thread_id', 'is', null),
          eb.or([
            shown(viewerId)(eb),
            // A deleted comment stays as a placeholder while replies to it are shown.
            eb.and([
              eb('comments.status', '=', 'deleted'),
              eb.exists(
                eb
                  .selectFrom('comments as r')
                  .select('r.id')
                  .whereRef('r.thread_id', '=', 'comments.id')
                  .where('r.status', '=', 'approved'),
              ),
            ]),
          ]),
        ]);
      let list = base().where(topLevel);
      list =
        sort === 'oldest'
          ? list.orderBy('comments.created_at', 'asc').orderBy('comments.id', 'asc')
          : sort === 'liked'
            ? list
                .orderBy('comments.like_count', 'desc')
                .orderBy('comments.created_at', 'desc')
                .orderBy('comments.id', 'desc')
            : list.orderBy('comments.created_at', 'desc').orderBy('comments.id', 'desc');
      const [rows, totalRow, countRow] = await Promise.all([
        list
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        db
          .selectFrom('comments')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where(topLevel)
          .executeTakeFirstOrThrow(),
        db
          .selectFrom('comments')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('article_id', '=', articleId)
          .where('status', '=', 'approved')
          .executeTakeFirstOrThrow(),
      ]);
      const tops = rows.map((r) => toComment(r as Row));
      const replies =
        tops.length === 0
          ? []
          : (
              await base()
                .where(
                  'comments.thread_id',
                  'in',
                  tops.map((c) => c.id),
                )
                .where(shown(viewerId))
                .orderBy('comments.created_at', 'asc')
                .orderBy('comments.id', 'asc')
                .execute()
            ).map((r) => toComment(r as Row));
      return {
        items: tops.map((comment) => ({
          comment,
          replies: replies.filter((r) => r.threadId === comment.id),
        })),
        total: Number(totalRow.n),
        page,
        pageSize,
        count: Number(countRow.n),
      };
    },

    async counts(articleIds: readonly number[]): Promise<Map<number, number>> {
      if (articleIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('comments')
        .select(['article_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('article_id', 'in', articleIds)
        .where('status', '=', 'approved')
        .groupBy('article_id')
        .execute();
      return new Map(rows.map((r) => [r.article_id, Number(r.n)]));
    },

    async editBody(id: number, body: string, at: Date, status?: CommentStatus, holdReason?: string | null) {
      await db
        .updateTable('comments')
        .set({
          body,
          edited_at: at.toISOString(),
          ...(status ? { status, hold_reason: holdReason ?? null } : {}),
        })
        .where('id', '=', id)
        .execute();
    },

    async markDeleted(id: number, at: Date) {
      await db
        .updateTable('comments')
        .set({ status: 'deleted', body: '', deleted_at: at.toISOString() })
        .where('id', '=', id)
        .execute();
    },

    async moderate(
      id: number,
      change: { status: 'approved' | 'rejected'; at: Date; by: number; reason: string | null },
    ) {
      await db
        .updateTable('comments')
        .set({
          status: change.status,
          moderated_at: change.at.toISOString(),
          moderated_by: change.by,
          hold_reason: change.reason,
          // Approving dismisses the reports so far; new ones bring it back to the queue.
          ...(change.status === 'approved' ? { report_count: 0 } : {}),
        })
        .where('id', '=', id)
        .execute();
    },

    /** Likes or takes the like back; answers whether the reader now likes it. */
    async toggleLike(commentId: number, readerId: number, at: Date): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto('comment_likes')
          .values({ comment_id: commentId, reader_id: readerId, created_at: at.toISOString() })
          .onConflict((oc) => oc.columns(['comment_id', 'reader_id']).doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) {
          await trx
            .updateTable('comments')
            .set((eb) => ({ like_count: eb('like_count', '+', 1) }))
            .where('id', '=', commentId)
            .execute();
          return true;
        }
        await trx
          .deleteFrom('comment_likes')
          .where('comment_id', '=', commentId)
          .where('reader_id', '=', readerId)
          .execute();
        await trx
          .updateTable('comments')
          .set((eb) => ({ like_count: eb('like_count', '-', 1) }))
          .where('id', '=', commentId)
          .execute();
        return false;
      });
    },

    async likedBy(readerId: number, commentIds: readonly number[]): Promise<Set<number>> {
      if (commentIds.length === 0) return new Set();
      const rows = await db
        .selectFrom('comment_likes')
        .select('comment_id')
        .where('reader_id', '=', readerId)
        .where('comment_id', 'in', commentIds)
        .execute();
      return new Set(rows.map((r) => r.comment_id));
    },

    /** Records a report once per reader; answers false when this reader had reported it already. */
    async report(
      commentId: number,
      readerId: number,
      reason: string,
      note: string,
      at: Date,
    ): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto('comment_reports')
          .values({ comment_id: commentId, reader_id: readerId, reason, note, created_at: at.toISOString() })
          .onConflict((oc) => oc.columns(['comment_id', 'reader_id']).doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
        await trx
          .updateTable('comments')
          .set((eb) => ({ report_count: eb('report_count', '+', 1) }))
          .where('id', '=', commentId)
          .execute();
        return true;
      });
    },

    async reportsOf(commentId: number) {
      return db
        .selectFrom('comment_reports')
        .select(['reason', 'note', 'created_at'])
        .where('comment_id', '=', commentId)
        .orderBy('created_at', 'asc')
        .execute();
    },

    /** For the moderation phases: what this reader and this address posted lately. */
    async recentActivity(q: { readerId: number; ipHash: string; readerSince: Date; ipSince: Date }) {
      const since = q.readerSince.toISOString();
      const [byReader, byIp] = await Promise.all([
        db
          .selectFrom('comments')
          .select(['article_id', 'body', 'created_at'])
          .where('reader_id', '=', q.readerId)
          .where('created_at', '>', since)
          .execute(),
        db
          .selectFrom('comments')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('ip_hash', '=', q.ipHash)
          .where('created_at', '>', q.ipSince.toISOString())
          .executeTakeFirstOrThrow(),
      ]);
      return {
        byReader: byReader.map((r) => ({
          articleId: r.article_id,
          body: r.body,
          at: readDate(r.created_at)!,
        })),
        byIpInLastMinute: Number(byIp.n),
      };
    },

    async approvedCountOf(readerId: number): Promise<number> {
      const row = await db
        .selectFrom('comments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('reader_id', '=', readerId)
        .where('status', '=', 'approved')
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** A moderation queue, oldest first (the longest-waiting comment is handled first). */
    async queue(q: {
      siteId?: number;
      queue: 'pending' | 'reported' | 'rejected';
      page: number;
      pageSize: number;
    }) {
      let list = base();
      if (q.siteId !== undefined) list = list.where('comments.site_id', '=', q.siteId);
      list =
        q.queue === 'reported'
          ? list
              .where('comments.report_count', '>', 0)
              .where('comments.status', 'in', ['approved', 'pending'])
          : list.where('comments.status', '=', q.queue);
      const order = q.queue === 'rejected' ? 'desc' : 'asc';
      const rows = await list
        .orderBy('comments.created_at', order)
        .orderBy('comments.id', order)
        .limit(q.pageSize + 1)
        .offset((q.page - 1) * q.pageSize)
        .execute();
      return {
        items: rows.slice(0, q.pageSize).map((r) => toComment(r as Row)),
        hasMore: rows.length > q.pageSize,
      };
    },

    /** How many comments wait in each queue (one brand, or all). */
    async queueCounts(siteId?: number): Promise<Record<'pending' | 'reported' | 'rejected', number>> {
      const counted = () => {
        const q = db.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('n'));
        return siteId === undefined ? q : q.where('site_id', '=', siteId);
      };
      const [pending, reported, rejected] = await Promise.all([
        counted().where('status', '=', 'pending').executeTakeFirstOrThrow(),
        counted()
          .where('report_count', '>', 0)
          .where('status', 'in', ['approved', 'pending'])
          .executeTakeFirstOrThrow(),
        counted().where('status', '=', 'rejected').executeTakeFirstOrThrow(),
      ]);
      return { pending: Number(pending.n), reported: Number(reported.n), rejected: Number(rejected.n) };
    },

    /** Per comment: its open reports by reason (most first) and the notes readers wrote. */
    async reportSummaries(commentIds: readonly number[]) {
      const summaries = new Map<number, { reasons: { reason: string; count: number }[]; notes: string[] }>();
      if (commentIds.length === 0) return summaries;
      const rows = await db
        .selectFrom('comment_reports')
        .select(['comment_id', 'reason', 'note'])
        .where('comment_id', 'in', commentIds)
        .orderBy('id', 'asc')
        .execute();
      for (const row of rows) {
        const summary = summaries.get(row.comment_id) ?? { reasons: [], notes: [] };
        const reason = summary.reasons.find((r) => r.reason === row.reason);
        if (reason) reason.count += 1;
        else summary.reasons.push({ reason: row.reason, count: 1 });
        if (row.note && summary.notes.length < 5) summary.notes.push(row.note);
        summaries.set(row.comment_id, summary);
      }
      for (const summary of summaries.values()) summary.reasons.sort((a, b) => b.count - a.count);
      return summaries;
    },

    /** Whether each author may comment now, for the queue's badges. */
    async standingsOf(readerIds: readonly number[]) {
      const standings = new Map<number, { bannedAt: Date | null; suspendedUntil: Date | null }>();
      if (readerIds.length === 0) return standings;
      const rows = await db
        .selectFrom('readers')
        .select(['id', 'banned_at', 'suspended_until'])
        .where('id', 'in', [...new Set(readerIds)])
        .execute();
      for (const r of rows) {
        standings.set(r.id, { bannedAt: readDate(r.banned_at), suspendedUntil: readDate(r.suspended_until) });
      }
      return standings;
    },

    /** Every comment id of a reader, newest first (at most `limit`): the audit log's subjects. */
    async idsOf(readerId: number, limit: number): Promise<number[]> {
      const rows = await db
        .selectFrom('comments')
        .select('id')
        .where('reader_id', '=', readerId)
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => r.id);
    },

    async historyOf(readerId: number, limit: number, offset = 0) {
      const [counts, recent] = await Promise.all([
        db
          .selectFrom('comments')
          .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
          .where('reader_id', '=', readerId)
          .groupBy('status')
          .execute(),
        base()
          .where('comments.reader_id', '=', readerId)
          .orderBy('comments.created_at', 'desc')
          .orderBy('comments.id', 'desc')
          .limit(limit)
          .offset(offset)
          .execute(),
      ]);
      const byStatus = { pending: 0, approved: 0, rejected: 0, deleted: 0 } as Record<CommentStatus, number>;
      for (const c of counts) byStatus[c.status] = Number(c.n);
      return { byStatus, recent: recent.map((r) => toComment(r as Row)) };
    },

    async allOf(readerId: number) {
      const [comments, likes, reports] = await Promise.all([
        base().where('comments.reader_id', '=', readerId).orderBy('comments.id', 'asc').execute(),
        db.selectFrom('comment_likes').selectAll().where('reader_id', '=', readerId).execute(),
        db.selectFrom('comment_reports').selectAll().where('reader_id', '=', readerId).execute(),
      ]);
      return { comments: comments.map((r) => toComment(r as Row)), likes, reports };
    },
  };
  return repo;
}

export type CommentRepository = ReturnType<typeof createCommentRepository>;
