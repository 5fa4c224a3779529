import { type Kysely, sql } from 'kysely';
import type { Clock } from '../clock.ts';
import { writeTime } from '../database/dialect.ts';
import type { Database } from '../database/schema.ts';
import type { JobQueue } from '../jobs/index.ts';
import type { Logger } from '../logger.ts';
import type { PurgeTarget } from './cdn-config.ts';
import { type PurgeRequest, purgeRequests, sendPurge } from './purge-requests.ts';

export const purgeJobKind = 'cdn.purge';
/** One pending purge job at a time: every key queued meanwhile rides along with it. */
const purgeJobKey = 'cdn.purge';
/** Keys sent per round; the job loops until none is left. */
const roundSize = 1000;

export interface CdnPurgerOptions {
  readonly db: Kysely<Database>;
  readonly jobs: JobQueue;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly target: PurgeTarget;
  /** Keys changed within this window go out together (default 1000 ms). */
  readonly delayMs?: number;
  /** Sends one request; tests and the default use `fetch`. */
  readonly send?: (request: PurgeRequest) => Promise<void>;
}

/**
 * Purges surrogate keys at the CDN, durably: `queue()` writes the keys to `cdn_purge_keys` and
 * books one `cdn.purge` job a moment later, so a burst of changes (an editor saving, a taxonomy
 * merge touching 200 articles) becomes one purge. The job sends every queued key and deletes
 * the rows only once the CDN answered 2xx; a failure throws, and the job queue retries with its
 * doubling delay. A node killed after the CDN answered but before the delete sends those keys
 * once more on the next run; nothing is lost and nothing else repeats.
 *
 * @example
 * const purger = new CdnPurger({ db, jobs, clock, logger, target });
 * await purger.queue(['article:12', 'section:3']);
 */
export class CdnPurger {
  readonly #options: CdnPurgerOptions;
  readonly #send: (request: PurgeRequest) => Promise<void>;

  constructor(options: CdnPurgerOptions) {
    this.#options = options;
    this.#send = options.send ?? ((request) => sendPurge(request));
    // A CDN outage may last hours: retry (doubling up to an hour) for about two days before the
    // job is marked failed; the keys stay queued even then, and the next change books a new job.
    options.jobs.register(purgeJobKind, async () => {
      await this.flush();
    });
  }

  get target(): PurgeTarget {
    return this.#options.target;
  }

  /** Queues keys for purging; the purge goes out after the coalescing delay. */
  async queue(keys: Iterable<string>): Promise<void> {
    const unique = [...new Set(keys)].filter((key) => key.length > 0);
    if (unique.length === 0) return;
    const { db, clock } = this.#options;
    const now = writeTime(clock.now());
    for (let i = 0; i < unique.length; i += 500) {
      await db
        .insertInto('cdn_purge_keys')
        .values(unique.slice(i, i + 500).map((key) => ({ key, queued_at: now })))
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({ generation: sql`cdn_purge_keys.generation + 1`, queued_at: now }),
        )
        .execute();
    }
    await this.#book();
  }

  /** Books the purge job when keys are waiting (a restart after a crash or a long outage). */
  async resume(): Promise<void> {
    const waiting = await this.#options.db
      .selectFrom('cdn_purge_keys')
      .select('key')
      .limit(1)
      .executeTakeFirst();
    if (waiting) await this.#book();
  }

  /** Keys waiting, oldest first (for tests and operators). */
  async pending(): Promise<string[]> {
    const rows = await this.#options.db
      .selectFrom('cdn_purge_keys')
      .select('key')
      .orderBy('queued_at')
      .orderBy('key')
      .execute();
    return rows.map((row) => row.key);
  }

  /** Sends every queued key (the job's body); throws when the CDN did not take a purge. */
  async flush(): Promise<number> {
    const { db, target, clock, logger } = this.#options;
    let sent = 0;
    for (;;) {
      const rows = await db
        .selectFrom('cdn_purge_keys')
        .select(['key', 'generation'])
        .orderBy('queued_at')
        .orderBy('key')
        .limit(roundSize)
        .execute();
      if (rows.length === 0) return sent;
      for (const request of purgeRequests(
        target,
        rows.map((row) => row.key),
        clock.now(),
      )) {
        await this.#send(request);
      }
      // Only the generation we sent: a key queued again meanwhile waits for the next round.
      await db
        .deleteFrom('cdn_purge_keys')
        .where((eb) =>
          eb.or(rows.map((row) => eb.and([eb('key', '=', row.key), eb('generation', '=', row.generation)]))),
        )
        .execute();
      sent += rows.length;
      logger.info({ keys: rows.length, cdn: target.kind }, 'CDN purge sent');
      if (rows.length < roundSize) return sent;
    }
  }

  async #book(): Promise<void> {
    const { jobs, clock, delayMs = 1000 } = this.#options;
    const pending = await jobs.list({ status: 'pending', key: purgeJobKey });
    if (pending.length > 0) return; // the booked purge will take these keys too
    await jobs.enqueue(
      purgeJobKind,
      {},
      { key: purgeJobKey, runAt: new Date(clock.now().getTime() + delayMs), maxAttempts: 60 },
    );
  }
}
