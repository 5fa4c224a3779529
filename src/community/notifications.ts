/**
 * Reply emails. A row is queued in the reply's own transaction (or when a moderator approves a
 * held reply) and sent after that commits. Sending first claims the row (`queued` → `sending`
 * in one conditional update), so two dispatchers never both send it; a crash mid-send leaves the
 * row `sending` and it is not retried: a reply announced at most once, never twice. Each email
 * has a stable Message-ID as well.
 */
import type { Kysely } from 'kysely';
import type { ContentService } from '../content/index.ts';
import type { Clock, Database, Logger, Mailer } from '../platform/index.ts';
import { MailDeliveryError } from '../platform/index.ts';

export interface NotificationsDeps {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly mailer: Mailer;
  readonly content: ContentService;
  readonly logger: Logger;
  /** The origin emails link to for a site, e.g. "https://herald.example". */
  readonly originFor: (siteId: number) => string;
}

export function createNotifications(deps: NotificationsDeps) {
  const { db, clock, mailer, logger } = deps;
  let running: Promise<void> | null = null;
  let again = false;

  async function sendOne(commentId: number): Promise<void> {
    const claimed = await db
      .updateTable('comment_reply_notifications')
      .set({ status: 'sending' })
      .where('comment_id', '=', commentId)
      .where('status', '=', 'queued')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return;
    const row = await db
      .selectFrom('comment_reply_notifications as n')
      .innerJoin('readers as recipient', 'recipient.id', 'n.reader_id')
      .innerJoin('comments as reply', 'reply.id', 'n.comment_id')
      .leftJoin('readers as author', 'author.id', 'reply.reader_id')
      .select([
        'recipient.email',
        'recipient.notify_replies',
        'reply.site_id',
        'reply.article_id',
        'reply.body',
        'reply.status',
        'author.display_name as author_name',
      ])
      .where('n.comment_id', '=', commentId)
      .executeTakeFirst();
    // The reply was taken down, or the reader opted out, since it was queued.
    if (row?.status !== 'approved' || !row.notify_replies) {
      await db
        .updateTable('comment_reply_notifications')
        .set({ status: 'failed' })
        .where('comment_id', '=', commentId)
        .execute();
      return;
    }
    const site = deps.content.siteById(row.site_id);
    const article = await deps.content.articles.findById(row.article_id);
    const origin = deps.originFor(row.site_id);
    const link = `${origin}/community/articles/${row.article_id}#comment-${commentId}`;
    const excerpt = row.body.length > 600 ? `${row.body.slice(0, 600)}…` : row.body;
    try {
      await mailer.send({
        to: row.email,
        subject: `${row.author_name ?? 'Someone'} replied to your comment`,
        text: `${row.author_name ?? 'Someone'} replied to your comment on “${article?.headline ?? 'an article'}”:\n\n${excerpt}\n\nRead and answer: ${link}\n\nYou get these emails because you asked for them. Turn them off on your account page: ${origin}/community/account\n\n${site?.name ?? ''}\n`,
        messageId: `<comment-reply-${commentId}@${new URL(origin).hostname}>`,
      });
      await db
        .updateTable('comment_reply_notifications')
        .set({ status: 'sent', sent_at: clock.now().toISOString() })
        .where('comment_id', '=', commentId)
        .execute();
    } catch (error) {
      const permanent = error instanceof MailDeliveryError && error.permanent;
      logger.warn({ err: error, commentId }, 'a reply notification could not be sent');
      await db
        .updateTable('comment_reply_notifications')
        .set({ status: permanent ? 'failed' : 'queued' })
        .where('comment_id', '=', commentId)
        .execute();
      if (!permanent) throw error;
    }
  }

  async function drain(): Promise<void> {
    do {
      again = false;
      const queued = await db
        .selectFrom('comment_reply_notifications')
        .select('comment_id')
        .where('status', '=', 'queued')
        .orderBy('created_at')
        .limit(50)
        .execute();
      for (const { comment_id } of queued) {
        try {
          await sendOne(comment_id);
        } catch {
          // A temporary failure stays queued for the next dispatch; stop hammering the server now.
          return;
        }
      }
    } while (again);
  }

  return {
    /** Sends what is queued, in the background; one run at a time. */
    dispatch(): void {
      if (running) {
        again = true;
        return;
      }
      running = drain()
        .catch((err) => logger.error({ err }, 'dispatching reply notifications failed'))
        .finally(() => {
          running = null;
        });
    },
    /** Resolves when no dispatch is running (for close() and tests). */
    async idle(): Promise<void> {
      while (running) await running;
    },
  };
}

export type Notifications = ReturnType<typeof createNotifications>;
