import type { Kysely } from 'kysely';
import { readTime, writeTime } from '../platform/database/dialect.ts';
import type { Database } from '../platform/database/schema.ts';
import type { Correction } from './model.ts';

/** Corrections appended to published articles, oldest first. */
export interface CorrectionRepository {
  add(input: { articleId: number; text: string; at: Date; by: number | null }): Promise<Correction>;
  remove(id: number): Promise<void>;
  list(articleId: number): Promise<Correction[]>;
}

export function createCorrectionRepository(db: Kysely<Database>): CorrectionRepository {
  return {
    async add({ articleId, text, at, by }) {
      const { id } = await db
        .insertInto('article_corrections')
        .values({ article_id: articleId, text, created_at: writeTime(at), created_by: by })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id, articleId, text, createdAt: at, createdBy: by };
    },

    async remove(id) {
      await db.deleteFrom('article_corrections').where('id', '=', id).execute();
    },

    async list(articleId) {
      const rows = await db
        .selectFrom('article_corrections')
        .selectAll()
        .where('article_id', '=', articleId)
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        articleId: r.article_id,
        text: r.text,
        createdAt: readTime(r.created_at)!,
        createdBy: r.created_by,
      }));
    },
  };
}
