import { type Kysely, sql } from 'kysely';
import type { DialectCapabilities } from '../dialect.ts';
import { articleFacets, withoutMarkers } from '../full-text.ts';

/**
 * Full-text search: `search_documents` (one row per findable article), the dialect's index over it,
 * and the documents of the articles that already exist. The search capability keeps them current.
 */
export function searchModel(caps: DialectCapabilities) {
  const { timestamp } = caps.types;
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema of its day, not today's types.
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('search_documents')
        .addColumn('article_id', 'integer', (c) =>
          c.primaryKey().references('articles.id').onDelete('cascade'),
        )
        .addColumn('site_id', 'integer', (c) => c.notNull())
        .addColumn('section_id', 'integer', (c) => c.notNull())
        .addColumn('published_at', timestamp, (c) => c.notNull())
        .addColumn('headline', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('facets', 'text', (c) => c.notNull())
        .execute();
      await caps.fullText.createIndex(db);

      // A frozen copy of the search capability's projection (migrations are history, not shared code).
      await db
        .insertInto('search_documents')
        .columns([
          'article_id',
          'site_id',
          'section_id',
          'published_at',
          'headline',
          'summary',
          'body',
          'facets',
        ])
        .expression(
          db
            .selectFrom('articles as a')
            .select([
              'a.id',
              'a.site_id',
              'a.section_id',
              'a.published_at',
              withoutMarkers(sql.ref('a.headline')).as('headline'),
              withoutMarkers(sql.ref('a.summary')).as('summary'),
              caps.fullText.bodyText(sql.ref('a.body')).as('body'),
              articleFacets(caps.fullText).as('facets'),
            ])
            .where('a.status', 'in', ['published', 'scheduled'])
            .where('a.published_at', 'is not', null),
        )
        .execute();
    },
  };
}
