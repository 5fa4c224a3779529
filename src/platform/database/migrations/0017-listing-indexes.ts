import { type Kysely, sql } from 'kysely';
import type { DialectCapabilities } from '../dialect.ts';

/**
 * Indexes that keep list pages flat in the archive's size (measured by `npm run bench:scale` at
 * 10,000 and 1,000,000 articles):
 *
 * - `articles (site_id, published_at, id)` and `(section_id, published_at, id)`: the home page's
 *   latest and a section front read their 20 newest by walking one index backwards. The older
 *   `(…, status, published_at)` indexes put `status IN ('published', 'scheduled')` before the
 *   time, so both engines had to sort every visible article of the site or section first.
 * - `article_tags.published_at` / `article_authors.published_at`: the article's publication time
 *   copied onto its tag and author rows (written with them on every save), under
 *   `(tag_id, published_at, article_id)`, so a tag or author page is one index range whatever
 *   the tag's size; before, a big tag sorted all of its articles and a rare one scanned the site.
 */
export function listingIndexesModel(caps: DialectCapabilities) {
  const { timestamp } = caps.types;
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema of its day, not today's types.
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createIndex('articles_site_published')
        .on('articles')
        .columns(['site_id', 'published_at', 'id'])
        .execute();
      await db.schema
        .createIndex('articles_section_published')
        .on('articles')
        .columns(['section_id', 'published_at', 'id'])
        .execute();
      for (const table of ['article_tags', 'article_authors'] as const) {
        const key = table === 'article_tags' ? 'tag_id' : 'author_id';
        await db.schema.alterTable(table).addColumn('published_at', timestamp).execute();
        await db
          .updateTable(table)
          .set({
            published_at: sql`(select a.published_at from articles as a where a.id = ${sql.ref(`${table}.article_id`)})`,
          })
          .execute();
        await db.schema
          .createIndex(`${table}_${key === 'tag_id' ? 'tag' : 'author'}_published`)
          .on(table)
          .columns([key, 'published_at', 'article_id'])
          .execute();
      }
    },
  };
}
