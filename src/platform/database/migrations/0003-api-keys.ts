import type { Kysely } from 'kysely';
import type { DialectCapabilities } from '../dialect.ts';

/**
 * API keys for the public Content API. Only the SHA-256 of a key is stored: a leaked database
 * gives no usable key. `site_id` null means every site; deleting a site deletes its keys rather
 * than widening them to every site.
 */
export function apiKeysModel(caps: DialectCapabilities) {
  const { timestamp } = caps.types;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await caps
        .addIdColumn(db.schema.createTable('api_keys'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('key_hash', 'text', (c) => c.notNull().unique())
        .addColumn('prefix', 'text', (c) => c.notNull())
        .addColumn('site_id', 'integer', (c) => c.references('sites.id').onDelete('cascade'))
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('revoked_at', timestamp)
        .execute();
    },
  };
}
