/**
 * Per-brand community settings. A brand without a row has the defaults: post-moderation, no
 * words of its own, the default guidelines. `comments_close_after_days` is the sites column the
 * content model reserved for this; only the community reads and writes it.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../platform/index.ts';
import type { CommunitySettings, Guidelines, ModerationMode } from './model.ts';

export interface SettingsStore {
  get(siteId: number): Promise<CommunitySettings & { closeAfterDays: number | null }>;
  put(
    siteId: number,
    changes: {
      moderationMode?: ModerationMode;
      bannedWords?: readonly string[];
      guidelines?: Guidelines | null;
      closeAfterDays?: number | null;
    },
    at: Date,
  ): Promise<CommunitySettings & { closeAfterDays: number | null }>;
}

function readJson<T>(value: unknown, fallback: T): T {
  if (value === null || value === undefined) return fallback;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export function createSettingsStore(db: Kysely<Database>): SettingsStore {
  const store: SettingsStore = {
    async get(siteId) {
      const [row, site] = await Promise.all([
        db.selectFrom('community_settings').selectAll().where('site_id', '=', siteId).executeTakeFirst(),
        db
          .selectFrom('sites')
          .select('comments_close_after_days')
          .where('id', '=', siteId)
          .executeTakeFirst(),
      ]);
      return {
        siteId,
        moderationMode: row?.moderation_mode ?? 'post',
        bannedWords: readJson<string[]>(row?.banned_words, []),
        guidelines: readJson<Guidelines | null>(row?.guidelines, null),
        closeAfterDays: site?.comments_close_after_days ?? null,
      };
    },

    async put(siteId, changes, at) {
      await db.transaction().execute(async (trx) => {
        const current = await trx
          .selectFrom('community_settings')
          .selectAll()
          .where('site_id', '=', siteId)
          .executeTakeFirst();
        const values = {
          moderation_mode: changes.moderationMode ?? current?.moderation_mode ?? 'post',
          banned_words: JSON.stringify(changes.bannedWords ?? readJson<string[]>(current?.banned_words, [])),
          guidelines:
            changes.guidelines === undefined
              ? current?.guidelines === null || current?.guidelines === undefined
                ? null
                : JSON.stringify(readJson(current.guidelines, null))
              : changes.guidelines === null
                ? null
                : JSON.stringify(changes.guidelines),
          updated_at: at.toISOString(),
        };
        if (current) {
          await trx.updateTable('community_settings').set(values).where('site_id', '=', siteId).execute();
        } else {
          await trx
            .insertInto('community_settings')
            .values({ site_id: siteId, ...values })
            .execute();
        }
        if (changes.closeAfterDays !== undefined) {
          await trx
            .updateTable('sites')
            .set({ comments_close_after_days: changes.closeAfterDays })
            .where('id', '=', siteId)
            .execute();
        }
      });
      return store.get(siteId);
    },
  };
  return store;
}
