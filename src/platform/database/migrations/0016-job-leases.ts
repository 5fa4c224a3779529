import type { Kysely } from 'kysely';
import type { DialectCapabilities } from '../dialect.ts';

/**
 * Leases across nodes. `jobs.locked_by` names the process holding a running job's lease, so
 * only that process renews it and records the outcome: a node that stalled past its lease (the
 * database was away) cannot finish over the node that took the job over. `leases` holds named
 * leases for loops that one node at a time must run (the wire ingest pass).
 */
export function jobLeasesModel(caps: DialectCapabilities) {
  const { timestamp } = caps.types;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('jobs').addColumn('locked_by', 'text').execute();
      await db.schema
        .createTable('leases')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('holder', 'text', (c) => c.notNull())
        .addColumn('expires_at', timestamp, (c) => c.notNull())
        .execute();
    },
  };
}
