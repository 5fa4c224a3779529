import type { Kysely } from 'kysely';
import type { DialectCapabilities } from '../dialect.ts';

/**
 * What the wire desk was missing from the content model and its queue:
 *
 * - `articles.byline_text` and `articles.dateline_place`: the byline as the copy gives it
 *   ("By Jane Doe") and the place it was filed from ("London"), shown on the article page as
 *   the byline and the "LONDON (Agency) —" lead-in. Staff authors stay `article_authors`.
 * - `wire_items.urgency` (IPTC 1 most urgent … 9 least) and `wire_items.agency`, so the desk
 *   can filter its queue by them; the agency is filled from the stored item of earlier rows.
 */
export function wireDeskModel(_caps: DialectCapabilities) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema of its day, not today's types.
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('articles').addColumn('byline_text', 'text').execute();
      await db.schema.alterTable('articles').addColumn('dateline_place', 'text').execute();
      await db.schema.alterTable('wire_items').addColumn('urgency', 'integer').execute();
      await db.schema.alterTable('wire_items').addColumn('agency', 'text').execute();
      // Earlier rows keep their normalized item as JSON: its agency fills the new column.
      let after = 0;
      for (;;) {
        const rows: { id: number; item: unknown }[] = await db
          .selectFrom('wire_items')
          .select(['id', 'item'])
          .where('id', '>', after)
          .where('item', 'is not', null)
          .orderBy('id')
          .limit(500)
          .execute();
        if (rows.length === 0) break;
        for (const row of rows) {
          const item = typeof row.item === 'string' ? JSON.parse(row.item) : row.item;
          const agency = typeof item?.agency === 'string' ? item.agency.slice(0, 200) : null;
          if (agency) await db.updateTable('wire_items').set({ agency }).where('id', '=', row.id).execute();
        }
        after = rows[rows.length - 1]!.id;
      }
    },
  };
}
