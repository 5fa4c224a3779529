import type { Kysely } from 'kysely';
import type { DialectCapabilities } from '../dialect.ts';

/**
 * The community: reader accounts, comments and their moderation.
 *
 * - `readers`: one account per email address for the whole publisher (a reader of two brands
 *   is one person); suspension is a time, a ban a flag, so a suspension lapses by itself.
 * - `reader_sign_in_links`: emailed magic links. Only the SHA-256 of the token is kept; a link is
 *   single-use (`used_at`) and expires. The rows also count requests per address and per IP
 *   (SHA-256 of the address) for the rate limit, on every node alike.
 * - `reader_sessions`: like staff sessions, a hashed cookie token and a per-session CSRF token.
 * - `community_settings`: per brand, the moderation mode, the brand's own banned words and its
 *   guidelines (null: the default text).
 * - `comments`: `thread_id` is the top-level comment a reply belongs to (threads are two levels
 *   deep); `parent_id` the comment it answers. Counters are kept on the row so a thread renders
 *   from one query.
 * - `comment_reply_notifications`: an outbox written in the comment's transaction; a row is
 *   claimed before its email is sent, so no reply is announced twice.
 */
export function communityModel(caps: DialectCapabilities) {
  const { timestamp, json } = caps.types;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await caps
        .addIdColumn(db.schema.createTable('readers'))
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text')
        .addColumn('guidelines_accepted_at', timestamp)
        .addColumn('notify_replies', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('suspended_until', timestamp)
        .addColumn('banned_at', timestamp)
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .execute();

      await caps
        .addIdColumn(db.schema.createTable('reader_sign_in_links'))
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('return_path', 'text', (c) => c.notNull())
        .addColumn('ip_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('expires_at', timestamp, (c) => c.notNull())
        .addColumn('used_at', timestamp)
        .execute();
      await db.schema
        .createIndex('reader_sign_in_links_email')
        .on('reader_sign_in_links')
        .columns(['email', 'created_at'])
        .execute();
      await db.schema
        .createIndex('reader_sign_in_links_ip')
        .on('reader_sign_in_links')
        .columns(['ip_hash', 'created_at'])
        .execute();

      await caps
        .addIdColumn(db.schema.createTable('reader_sessions'))
        .addColumn('reader_id', 'integer', (c) => c.notNull().references('readers.id').onDelete('cascade'))
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('expires_at', timestamp, (c) => c.notNull())
        .addColumn('last_seen_at', timestamp, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('reader_sessions_reader')
        .on('reader_sessions')
        .column('reader_id')
        .execute();

      await db.schema
        .createTable('community_settings')
        .addColumn('site_id', 'integer', (c) => c.primaryKey().references('sites.id').onDelete('cascade'))
        .addColumn('moderation_mode', 'text', (c) => c.notNull())
        .addColumn('banned_words', json, (c) => c.notNull())
        .addColumn('guidelines', json)
        .addColumn('updated_at', timestamp, (c) => c.notNull())
        .execute();

      await caps
        .addIdColumn(db.schema.createTable('comments'))
        .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('reader_id', 'integer', (c) => c.references('readers.id').onDelete('set null'))
        .addColumn('parent_id', 'integer', (c) => c.references('comments.id').onDelete('cascade'))
        .addColumn('thread_id', 'integer', (c) => c.references('comments.id').onDelete('cascade'))
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('hold_reason', 'text')
        .addColumn('like_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('report_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('ip_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('edited_at', timestamp)
        .addColumn('deleted_at', timestamp)
        .addColumn('moderated_at', timestamp)
        .addColumn('moderated_by', 'integer', (c) => c.references('staff_users.id').onDelete('set null'))
        .execute();
      await db.schema
        .createIndex('comments_article')
        .on('comments')
        .columns(['article_id', 'status', 'created_at'])
        .execute();
      await db.schema.createIndex('comments_thread').on('comments').column('thread_id').execute();
      await db.schema
        .createIndex('comments_reader')
        .on('comments')
        .columns(['reader_id', 'created_at'])
        .execute();
      await db.schema.createIndex('comments_ip').on('comments').columns(['ip_hash', 'created_at']).execute();
      await db.schema
        .createIndex('comments_queue')
        .on('comments')
        .columns(['status', 'created_at'])
        .execute();

      await db.schema
        .createTable('comment_likes')
        .addColumn('comment_id', 'integer', (c) => c.notNull().references('comments.id').onDelete('cascade'))
        .addColumn('reader_id', 'integer', (c) => c.notNull().references('readers.id').onDelete('cascade'))
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('comment_likes_pk', ['comment_id', 'reader_id'])
        .execute();

      await caps
        .addIdColumn(db.schema.createTable('comment_reports'))
        .addColumn('comment_id', 'integer', (c) => c.notNull().references('comments.id').onDelete('cascade'))
        .addColumn('reader_id', 'integer', (c) => c.notNull().references('readers.id').onDelete('cascade'))
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addUniqueConstraint('comment_reports_once', ['comment_id', 'reader_id'])
        .execute();

      await db.schema
        .createTable('comment_reply_notifications')
        .addColumn('comment_id', 'integer', (c) =>
          c.primaryKey().references('comments.id').onDelete('cascade'),
        )
        .addColumn('reader_id', 'integer', (c) => c.notNull().references('readers.id').onDelete('cascade'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('sent_at', timestamp)
        .execute();
      await db.schema
        .createIndex('comment_reply_notifications_status')
        .on('comment_reply_notifications')
        .column('status')
        .execute();
    },
  };
}
