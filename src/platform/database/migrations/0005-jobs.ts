import { type Kysely, sql } from 'kysely';
import type { DialectCapabilities } from '../dialect.ts';

/**
 * `jobs`: the durable job queue (scheduled publishing, newsletter sends, wire polling). A job is
 * claimed by a conditional UPDATE that only one node can win, and holds a lease it renews while
 * it runs; a job whose lease ran out (its process died) is claimed again.
 * At most one pending job per `key`, so enqueueing the same scheduled work twice is harmless.
 */
export function jobsModel(caps: DialectCapabilities) {
  const { timestamp, json } = caps.types;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await caps
        .addIdColumn(db.schema.createTable('jobs'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('key', 'text')
        .addColumn('payload', json, (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('run_at', timestamp, (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(5))
        .addColumn('locked_until', timestamp)
        .addColumn('last_error', 'text')
        .addColumn('created_at', timestamp, (c) => c.notNull())
        .addColumn('updated_at', timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('jobs_due').on('jobs').columns(['status', 'run_at']).execute();
      await db.schema
        .createIndex('jobs_pending_key')
        .on('jobs')
        .column('key')
        .unique()
        .where(sql.ref('status'), '=', sql.lit('pending'))
        .execute();
    },
  };
}
