import type { Kysely } from 'kysely';
import type { DialectCapabilities } from '../dialect.ts';

/**
 * `cdn_purge_keys`: surrogate keys waiting to be purged at the CDN, one row per key. A burst of
 * changes to one article lands on the same rows (coalesced); a key queued again while its purge
 * is in flight bumps `generation`, so the purge that started earlier does not delete it.
 * Rows leave only after the CDN took the purge, so an outage loses none.
 */
export function cdnPurgesModel(caps: DialectCapabilities) {
  const { timestamp } = caps.types;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('cdn_purge_keys')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('generation', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('queued_at', timestamp, (c) => c.notNull())
        .execute();
    },
  };
}
