import { type Kysely, sql } from 'kysely';
import type { DialectCapabilities } from '../dialect.ts';

/**
 * SQLite's full-text index keeps one prefix index, of two letters, instead of two (two and three).
 * Every indexed word was written three times (the word, its first two and first three letters):
 * the 3-letter index was about a sixth of what SQLite did to store a wire item (`npm run
 * bench:ingest`). A query for a prefix of three letters (`ele*`) now reads the words that start
 * with it from the main index, as prefixes of four letters or more always did; two letters, the
 * broadest, keep their index. The index is rebuilt from `search_documents`, so nothing is lost.
 * PostgreSQL's tsvector index has no prefix indexes: nothing changes there.
 */
export function searchPrefixIndexModel(caps: DialectCapabilities) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema of its day, not today's types.
    async up(db: Kysely<any>): Promise<void> {
      if (caps.name !== 'sqlite') return;
      // 0002's triggers are on search_documents and name search_index: they write to the new one.
      await sql`drop table search_index`.execute(db);
      await sql`create virtual table search_index using fts5(
        headline, summary, body, facets,
        content = 'search_documents', content_rowid = 'article_id',
        tokenize = 'unicode61 remove_diacritics 2', prefix = '2'
      )`.execute(db);
      await sql`insert into search_index (search_index) values ('rebuild')`.execute(db);
    },
  };
}
