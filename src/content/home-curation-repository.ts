import type { Kysely } from 'kysely';
import { readJson, writeTime } from '../platform/database/dialect.ts';
import type { Database } from '../platform/database/schema.ts';

/** A brand's curated home-page top stories: one ordered list of article ids per site. */
export interface HomeCurationRepository {
  /** The ids as last saved (some may since have been taken down); empty when never curated. */
  find(siteId: number): Promise<number[]>;
  save(siteId: number, articleIds: readonly number[], at: Date): Promise<void>;
}

export function createHomeCurationRepository(db: Kysely<Database>): HomeCurationRepository {
  return {
    async find(siteId) {
      const row = await db
        .selectFrom('home_curations')
        .select('article_ids')
        .where('site_id', '=', siteId)
        .executeTakeFirst();
      return readJson<number[]>(row?.article_ids, []);
    },

    async save(siteId, articleIds, at) {
      const values = { article_ids: JSON.stringify(articleIds), updated_at: writeTime(at) };
      await db
        .insertInto('home_curations')
        .values({ site_id: siteId, ...values })
        .onConflict((oc) => oc.column('site_id').doUpdateSet(values))
        .execute();
    },
  };
}
