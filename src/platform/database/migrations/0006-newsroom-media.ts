import type { Kysely } from 'kysely';
import type { DialectCapabilities } from '../dialect.ts';

/**
 * The newsroom's second round: the media library, home-page curation, renamed sections and
 * merged tags that keep their old URLs, disabled staff accounts, password resets, corrections.
 *
 * - `media`: one row per upload; the files are on disk, named by content hash (`sizes` lists them).
 * - `home_curations`: a brand's ordered top stories (one row per site; ids as JSON, checked on write).
 * - `section_redirects` / `tag_redirects`: old paths and slugs that answer 301 to their new home.
 * - `staff_users.disabled`: a disabled account cannot sign in and its sessions are gone.
 * - `password_resets`: single-use, expiring tokens, kept as SHA-256 like sessions.
 * - `article_corrections`: dated corrections appended to a published article.
 */
export function newsroomMediaModel(caps: DialectCapabilities) {
  const { timestamp, json } = caps.types;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await caps
        .addIdColumn(db.schema.createTable('media'))
        .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('original_name', 'text', (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('width', 'integer', (c) => c.notNull())
        .addColumn('height', 'integer', (c) => c.notNull())
        .addColumn('alt', 'text', (c) => c.notNull())
        .addColumn('caption', 'text', (c) => c.notNull())
        .addColumn('credit', 'text', (c) => c.notNull())
        .addColumn('sizes', json, (c) => c.notNull())
        .addColumn('uploaded_by', 'integer', (c) => c.references('staff_users.id').onDelete('set null'))
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('media_site').on('media').columns(['site_id', 'id']).execute();

      await db.schema
        .createTable('home_curations')
        .addColumn('site_id', 'integer', (c) => c.primaryKey().references('sites.id').onDelete('cascade'))
        .addColumn('article_ids', json, (c) => c.notNull())
        .addColumn('updated_at', timestamp, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('section_redirects')
        .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('old_path', 'text', (c) => c.notNull())
        .addColumn('section_id', 'integer', (c) => c.notNull().references('sections.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('section_redirects_pk', ['site_id', 'old_path'])
        .execute();

      await db.schema
        .createTable('tag_redirects')
        .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('old_slug', 'text', (c) => c.notNull())
        .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('tag_redirects_pk', ['site_id', 'old_slug'])
        .execute();

      await db.schema
        .alterTable('staff_users')
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();

      await caps
        .addIdColumn(db.schema.createTable('password_resets'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('staff_users.id').onDelete('cascade'))
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('expires_at', timestamp, (c) => c.notNull())
        .addColumn('used_at', timestamp)
        .execute();

      await caps
        .addIdColumn(db.schema.createTable('article_corrections'))
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.references('staff_users.id').onDelete('set null'))
        .execute();
      await db.schema
        .createIndex('article_corrections_article')
        .on('article_corrections')
        .columns(['article_id', 'id'])
        .execute();
    },
  };
}
