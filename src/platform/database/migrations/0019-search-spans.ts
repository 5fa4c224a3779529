import { type Kysely, sql } from 'kysely';

/**
 * Span facets: every search document also carries `§span<article_id / 4096>`, so PostgreSQL's
 * GIN index can intersect a query with the newest few thousand articles (the search service ranks
 * only the newest matches) instead of visiting every match of a common word. Existing documents
 * get theirs here; the search capability's projection writes it from now on.
 */
export function searchSpansModel() {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema of its day, not today's types.
    async up(db: Kysely<any>): Promise<void> {
      // 4096 is frozen here (migrations are history); full-text.ts's SPAN_SIZE must stay equal.
      await db
        .updateTable('search_documents')
        .set({ facets: sql`facets || ' §span' || (article_id / 4096)` })
        .where('facets', 'not like', '%§span%')
        .execute();
    },
  };
}
