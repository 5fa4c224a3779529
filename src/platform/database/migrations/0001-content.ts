import { type Kysely, sql } from 'kysely';
import type { DialectCapabilities } from '../dialect.ts';

/** Sites, their sections, tags, authors, agencies, articles and article revisions. */
export function contentModel(caps: DialectCapabilities) {
  const { timestamp, json } = caps.types;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await caps
        .addIdColumn(db.schema.createTable('sites'))
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('tagline', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('time_zone', 'text', (c) => c.notNull())
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('company', 'text', (c) => c.notNull())
        .addColumn('logo_url', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('trademark_text', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('navigation', json, (c) => c.notNull())
        .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('comments_close_after_days', 'integer')
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('site_hosts')
        .addColumn('host', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .execute();

      await caps
        .addIdColumn(db.schema.createTable('sections'))
        .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('parent_id', 'integer', (c) => c.references('sections.id').onDelete('cascade'))
        .addColumn('slug', 'text', (c) => c.notNull())
        .addColumn('path', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .addUniqueConstraint('sections_site_path', ['site_id', 'path'])
        .execute();

      for (const table of ['tags', 'authors', 'agencies'] as const) {
        let builder = caps
          .addIdColumn(db.schema.createTable(table))
          .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id').onDelete('cascade'))
          .addColumn('slug', 'text', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull());
        if (table === 'authors') {
          builder = builder
            .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
            .addColumn('bio', 'text', (c) => c.notNull().defaultTo(''));
        }
        if (table === 'agencies')
          builder = builder.addColumn('url', 'text', (c) => c.notNull().defaultTo(''));
        await builder.addUniqueConstraint(`${table}_site_slug`, ['site_id', 'slug']).execute();
      }

      await caps
        .addIdColumn(db.schema.createTable('articles'))
        .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('section_id', 'integer', (c) => c.notNull().references('sections.id'))
        .addColumn('slug', 'text', (c) => c.notNull())
        .addColumn('headline', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('body', json, (c) => c.notNull())
        .addColumn('agency_id', 'integer', (c) => c.references('agencies.id'))
        .addColumn('rights_line', 'text')
        .addColumn('keywords', json, (c) => c.notNull())
        .addColumn('featured_image', json)
        .addColumn('status', 'text', (c) => c.notNull().check(statusCheck))
        .addColumn('published_at', timestamp)
        .addColumn('updated_at', timestamp)
        .addColumn('comments_enabled', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('modified_at', timestamp, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('articles_site_status_published')
        .on('articles')
        .columns(['site_id', 'status', 'published_at'])
        .execute();
      await db.schema
        .createIndex('articles_section_status_published')
        .on('articles')
        .columns(['section_id', 'status', 'published_at'])
        .execute();

      await db.schema
        .createTable('article_tags')
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('article_tags_pk', ['article_id', 'tag_id'])
        .execute();
      await db.schema
        .createIndex('article_tags_tag')
        .on('article_tags')
        .columns(['tag_id', 'article_id'])
        .execute();

      await db.schema
        .createTable('article_authors')
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('author_id', 'integer', (c) => c.notNull().references('authors.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('article_authors_pk', ['article_id', 'author_id'])
        .execute();
      await db.schema
        .createIndex('article_authors_author')
        .on('article_authors')
        .columns(['author_id', 'article_id'])
        .execute();

      await caps
        .addIdColumn(db.schema.createTable('article_revisions'))
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('snapshot', json, (c) => c.notNull())
        .addColumn('saved_by', 'integer')
        .addColumn('saved_at', timestamp, (c) => c.notNull())
        .addUniqueConstraint('article_revisions_article_revision', ['article_id', 'revision'])
        .execute();

      await caps
        .addIdColumn(db.schema.createTable('staff_users'))
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .execute();
    },
  };
}

const statusCheck = sql`status in ('draft', 'scheduled', 'published', 'unpublished')`;
