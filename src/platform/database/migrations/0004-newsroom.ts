import type { Kysely } from 'kysely';
import type { DialectCapabilities } from '../dialect.ts';

/**
 * The newsroom's sign-in and accountability tables, and who created each article.
 *
 * - `staff_sessions`: a cookie session per sign-in. Only the SHA-256 of the session token is
 *   kept, so a leaked database opens no session; the CSRF token is not a credential on its own.
 * - `login_throttles`: failed sign-ins per email, keyed by the SHA-256 of the normalised address
 *   so a mistyped or probed address is not kept in clear. Kept for unknown addresses too: the
 *   lockout must not tell whether an account exists.
 * - `audit_log`: who did what to which subject, append-only.
 * - `articles.created_by`: ownership, for the rule that writers edit only their own articles.
 */
export function newsroomModel(caps: DialectCapabilities) {
  const { timestamp, json } = caps.types;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await caps
        .addIdColumn(db.schema.createTable('staff_sessions'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('staff_users.id').onDelete('cascade'))
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('expires_at', timestamp, (c) => c.notNull())
        .addColumn('last_seen_at', timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('staff_sessions_user').on('staff_sessions').column('user_id').execute();

      await db.schema
        .createTable('login_throttles')
        .addColumn('email_hash', 'text', (c) => c.primaryKey())
        .addColumn('failures', 'integer', (c) => c.notNull())
        .addColumn('last_failure_at', timestamp, (c) => c.notNull())
        .addColumn('locked_until', timestamp)
        .execute();

      await caps
        .addIdColumn(db.schema.createTable('audit_log'))
        .addColumn('at', timestamp, (c) => c.notNull())
        .addColumn('user_id', 'integer', (c) => c.references('staff_users.id').onDelete('set null'))
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('subject_type', 'text', (c) => c.notNull())
        .addColumn('subject_id', 'integer')
        .addColumn('site_id', 'integer', (c) => c.references('sites.id').onDelete('set null'))
        .addColumn('details', json, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at', 'id']).execute();

      await db.schema
        .alterTable('articles')
        .addColumn('created_by', 'integer', (c) => c.references('staff_users.id').onDelete('set null'))
        .execute();
    },
  };
}
