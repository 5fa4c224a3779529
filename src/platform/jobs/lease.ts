import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import { writeTime } from '../database/dialect.ts';
import type { Database } from '../database/schema.ts';

/**
 * A lease holder's name: unique per process and instance, and readable, so an operator (or a
 * fault test) can tell from `locked_by` which machine and process holds a job or an edition.
 */
export const leaseHolderName = (): string => `${hostname()}:${process.pid}:${randomUUID()}`;

/**
 * A named lease in the database: at most one holder at a time across every node, for work
 * that must not run twice concurrently (the wire ingest pass polls feeds and moves dropped
 * files). Taking it is one conditional upsert: insert, or take over a lease that ran out or
 * that we already hold. A holder that dies simply stops renewing; another takes over after `ttlMs`.
 *
 * @example
 * const lease = new Lease({ db, clock, name: 'wire-ingest', holder: randomUUID(), ttlMs: 30_000 });
 * if (await lease.acquire()) await runPass();
 */
export class Lease {
  constructor(
    private readonly options: {
      readonly db: Kysely<Database>;
      readonly clock: Clock;
      readonly name: string;
      readonly holder: string;
      readonly ttlMs: number;
    },
  ) {}

  /** Takes or renews the lease; answers whether we hold it now. */
  async acquire(): Promise<boolean> {
    const { db, clock, name, holder, ttlMs } = this.options;
    const now = clock.now();
    const expiresAt = writeTime(new Date(now.getTime() + ttlMs));
    const result = await db
      .insertInto('leases')
      .values({ name, holder, expires_at: expiresAt })
      .onConflict((oc) =>
        oc
          .column('name')
          .doUpdateSet({ holder, expires_at: expiresAt })
          .where((eb) =>
            eb.or([eb('leases.holder', '=', holder), eb('leases.expires_at', '<', writeTime(now))]),
          ),
      )
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  /** Gives the lease up (a clean stop), so another node need not wait for it to run out. */
  async release(): Promise<void> {
    const { db, name, holder } = this.options;
    await db.deleteFrom('leases').where('name', '=', name).where('holder', '=', holder).execute();
  }
}
