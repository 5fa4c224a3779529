import { type Kysely, sql } from 'kysely';
import type { Clock } from '../clock.ts';
import { type DialectCapabilities, readJson, readTime, writeTime } from '../database/dialect.ts';
import type { Database } from '../database/schema.ts';
import type { Logger } from '../logger.ts';
import { leaseHolderName } from './lease.ts';

export interface JobContext {
  readonly jobId: number;
  /** 1 on the first try. */
  readonly attempt: number;
  /** Renews the lease now (it is also renewed on a timer while the handler runs). */
  heartbeat(): Promise<void>;
  /**
   * Aborted when this node lost the job's lease (another node took the job over after the lease
   * ran out, e.g. while the database was unreachable): a long handler should stop at its next step.
   */
  readonly signal: AbortSignal;
}

export type JobHandler<P = unknown> = (payload: P, context: JobContext) => Promise<void>;

export interface EnqueueOptions {
  /** When the job is due (default: now). */
  readonly runAt?: Date;
  /**
   * At most one pending job per key: enqueueing again replaces the pending one's time and
   * payload (e.g. "publish:article:12" when an article is rescheduled).
   */
  readonly key?: string;
  /** Tries before the job is marked failed (default 5). */
  readonly maxAttempts?: number;
}

export interface JobRow {
  readonly id: number;
  readonly kind: string;
  readonly key: string | null;
  readonly payload: unknown;
  readonly status: 'pending' | 'running' | 'done' | 'failed';
  readonly runAt: Date;
  readonly attempts: number;
  readonly lastError: string | null;
}

export interface JobQueueOptions {
  readonly db: Kysely<Database>;
  /** Claims lock rows with SKIP LOCKED where the dialect has it (default: SQLite's, which needs none). */
  readonly caps?: Pick<DialectCapabilities, 'lockForClaim'>;
  /** Told of every database error of the loop; answers true when it means "unreachable" (then logged elsewhere, once). */
  readonly onDatabaseError?: (error: unknown) => boolean;
  readonly clock: Clock;
  readonly logger: Logger;
  /** How long a claimed job is ours before another worker may take it (default 60 s). */
  readonly leaseMs?: number;
  /** Delay before retry number `attempt` (default: 10 s, doubling, at most an hour). */
  readonly retryDelayMs?: (attempt: number) => number;
}

/**
 * The durable job queue: work that must happen even if the process restarts (a story scheduled
 * for 06:00, an edition's send, a wire poll). Jobs run at least once; handlers make themselves
 * idempotent (check state before acting), which with the lease gives effectively-once effects.
 *
 * @example
 * jobs.register('article.publish', async ({ articleId }) => { ... });
 * await jobs.enqueue('article.publish', { articleId: 12 }, { runAt, key: 'publish:12' });
 * jobs.start(); // only the serve command (the worker) starts it
 */
export class JobQueue {
  readonly #db: Kysely<Database>;
  readonly #lockForClaim: DialectCapabilities['lockForClaim'];
  readonly #onDatabaseError: (error: unknown) => boolean;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #leaseMs: number;
  readonly #retryDelayMs: (attempt: number) => number;
  readonly #handlers = new Map<string, JobHandler>();
  readonly #inFlight = new Set<Promise<void>>();
  readonly #worker = leaseHolderName();
  #timer: NodeJS.Timeout | null = null;
  #running = false;
  #concurrency = 2;
  #pollMs = 1000;
  /** While claims fail (the database is down) the failure is logged once, not every poll. */
  #claimFailing = false;

  constructor(options: JobQueueOptions) {
    this.#db = options.db;
    this.#lockForClaim = options.caps?.lockForClaim ?? ((query) => query);
    this.#onDatabaseError = options.onDatabaseError ?? (() => false);
    this.#clock = options.clock;
    this.#logger = options.logger;
    this.#leaseMs = options.leaseMs ?? 60_000;
    this.#retryDelayMs = options.retryDelayMs ?? ((n) => Math.min(3_600_000, 10_000 * 2 ** (n - 1)));
  }

  register<P>(kind: string, handler: JobHandler<P>): void {
    if (this.#handlers.has(kind)) throw new Error(`a handler for job kind "${kind}" is already registered`);
    this.#handlers.set(kind, handler as JobHandler);
  }

  async enqueue(kind: string, payload: unknown, options: EnqueueOptions = {}): Promise<void> {
    const now = this.#clock.now();
    const runAt = writeTime(options.runAt ?? now);
    const row = {
      kind,
      key: options.key ?? null,
      payload: JSON.stringify(payload ?? null),
      status: 'pending' as const,
      run_at: runAt,
      attempts: 0,
      max_attempts: options.maxAttempts ?? 5,
      created_at: writeTime(now),
      updated_at: writeTime(now),
    };
    if (options.key === undefined) {
      await this.#db.insertInto('jobs').values(row).execute();
    } else {
      await this.#db
        .insertInto('jobs')
        .values(row)
        .onConflict((oc) =>
          oc
            .column('key')
            // The partial index's own predicate, as a literal: SQLite matches it textually.
            .where(sql.ref('status'), '=', sql.lit('pending'))
            .doUpdateSet({ payload: row.payload, run_at: runAt, updated_at: row.updated_at, kind }),
        )
        .execute();
    }
    if (this.#running) this.#schedule(0);
  }

  /** Drops the pending job with this key, if any; answers how many were dropped. */
  async cancel(key: string): Promise<number> {
    const result = await this.#db
      .deleteFrom('jobs')
      .where('key', '=', key)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** The jobs that match every filter given; `keys` matches any of them (none: no job). */
  async list(
    filter: { status?: JobRow['status']; kind?: string; key?: string; keys?: readonly string[] } = {},
  ): Promise<JobRow[]> {
    if (filter.keys?.length === 0) return [];
    let query = this.#db.selectFrom('jobs').selectAll().orderBy('id');
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.kind) query = query.where('kind', '=', filter.kind);
    if (filter.key) query = query.where('key', '=', filter.key);
    if (filter.keys) query = query.where('key', 'in', [...filter.keys]);
    const rows = await query.execute();
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      key: r.key,
      payload: readJson(r.payload, null),
      status: r.status,
      runAt: readTime(r.run_at)!,
      attempts: r.attempts,
      lastError: r.last_error,
    }));
  }

  /**
   * Runs every job due now, one at a time, and answers how many ran. Tests call it with a fixed
   * clock; the worker loop uses the same claim and run steps.
   */
  async runDue(limit = Number.POSITIVE_INFINITY): Promise<number> {
    let ran = 0;
    while (ran < limit) {
      const job = await this.#claim();
      if (!job) break;
      await this.#run(job);
      ran += 1;
    }
    return ran;
  }

  /** Starts polling for due jobs (the serve command does this; tests usually call runDue). */
  start(options: { pollMs?: number; concurrency?: number } = {}): void {
    if (this.#running) return;
    this.#running = true;
    this.#pollMs = options.pollMs ?? 1000;
    this.#concurrency = options.concurrency ?? 2;
    this.#schedule(0);
  }

  /** Stops claiming new jobs and waits for the ones in flight. */
  async stop(): Promise<void> {
    this.#running = false;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await Promise.allSettled([...this.#inFlight]);
  }

  #schedule(delay: number): void {
    if (!this.#running) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#tick(), delay);
    this.#timer.unref();
  }

  async #tick(): Promise<void> {
    this.#timer = null;
    try {
      while (this.#running && this.#inFlight.size < this.#concurrency) {
        const job = await this.#claim();
        if (!job) break;
        const run = this.#run(job).finally(() => {
          this.#inFlight.delete(run);
          this.#schedule(0);
        });
        this.#inFlight.add(run);
      }
      this.#claimFailing = false;
    } catch (err) {
      const known = this.#onDatabaseError(err);
      if (!this.#claimFailing && !known) this.#logger.error({ err }, 'claiming a job failed');
      this.#claimFailing = true;
    }
    if (this.#running && !this.#timer) this.#schedule(this.#pollMs);
  }

  /**
   * Takes the oldest due job (or one whose lease ran out, its node having died). On PostgreSQL
   * the candidate row is locked with SKIP LOCKED, so concurrent nodes each take a different job
   * instead of racing for the same one; the conditional update is what makes the claim safe on
   * both dialects (only one claimer can move `attempts` from n to n + 1).
   */
  async #claim(): Promise<{
    id: number;
    kind: string;
    payload: unknown;
    attempt: number;
    max: number;
  } | null> {
    const now = this.#clock.now();
    for (let tries = 0; tries < 5; tries++) {
      const claimed = await this.#db.transaction().execute(async (trx) => {
        const candidate = await this.#lockForClaim(
          trx
            .selectFrom('jobs')
            .select(['id', 'kind', 'payload', 'attempts', 'max_attempts', 'status', 'locked_until'])
            .where((eb) =>
              eb.or([
                eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', writeTime(now))]),
                eb.and([eb('status', '=', 'running'), eb('locked_until', '<', writeTime(now))]),
              ]),
            )
            .where('kind', 'in', [...this.#handlers.keys(), ''])
            .orderBy('run_at')
            .orderBy('id')
            .limit(1),
        ).executeTakeFirst();
        if (!candidate) return null;
        const result = await trx
          .updateTable('jobs')
          .set({
            status: 'running',
            attempts: candidate.attempts + 1,
            locked_until: writeTime(new Date(now.getTime() + this.#leaseMs)),
            locked_by: this.#worker,
            updated_at: writeTime(now),
          })
          .where('id', '=', candidate.id)
          .where('attempts', '=', candidate.attempts)
          .where('status', '=', candidate.status)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) return 'lost' as const;
        return {
          id: candidate.id,
          kind: candidate.kind,
          payload: readJson(candidate.payload, null),
          attempt: candidate.attempts + 1,
          max: candidate.max_attempts,
        };
      });
      if (claimed === null) return null;
      if (claimed !== 'lost') return claimed;
    }
    return null;
  }

  async #run(job: {
    id: number;
    kind: string;
    payload: unknown;
    attempt: number;
    max: number;
  }): Promise<void> {
    const handler = this.#handlers.get(job.kind)!;
    const lost = new AbortController();
    const heartbeat = async () => {
      const until = new Date(this.#clock.now().getTime() + this.#leaseMs);
      const result = await this.#db
        .updateTable('jobs')
        .set({ locked_until: writeTime(until) })
        .where('id', '=', job.id)
        .where('status', '=', 'running')
        .where('locked_by', '=', this.#worker)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0 && !lost.signal.aborted) {
        this.#logger.warn(
          { jobId: job.id, kind: job.kind },
          'lost the lease of a running job: another node has it now',
        );
        lost.abort(new Error('the job lease was lost'));
      }
    };
    const renew = setInterval(() => void heartbeat().catch(() => {}), Math.max(1000, this.#leaseMs / 3));
    renew.unref();
    try {
      await handler(job.payload, { jobId: job.id, attempt: job.attempt, heartbeat, signal: lost.signal });
      await this.#finish(job.id, { status: 'done', last_error: null, locked_until: null });
    } catch (err) {
      const message = (err as Error)?.message ?? String(err);
      const failed = job.attempt >= job.max;
      this.#logger[failed ? 'error' : 'warn'](
        { err, jobId: job.id, kind: job.kind, attempt: job.attempt },
        failed ? 'job failed for good' : 'job failed; it will be retried',
      );
      const retryAt = new Date(this.#clock.now().getTime() + this.#retryDelayMs(job.attempt));
      await this.#finish(job.id, {
        status: failed ? 'failed' : 'pending',
        last_error: message.slice(0, 2000),
        locked_until: null,
        ...(failed ? {} : { run_at: writeTime(retryAt) }),
      }).catch((finishErr) => this.#logger.error({ err: finishErr }, 'recording a job failure failed'));
    } finally {
      clearInterval(renew);
    }
  }

  async #finish(
    id: number,
    set: { status: JobRow['status']; last_error: string | null; locked_until: null; run_at?: string },
  ): Promise<void> {
    await this.#db
      .updateTable('jobs')
      .set({ ...set, locked_by: null, updated_at: writeTime(this.#clock.now()) })
      .where('id', '=', id)
      // Only the lease holder records the outcome: a node that lost the lease leaves it to the new holder.
      .where('locked_by', '=', this.#worker)
      .execute();
  }
}
