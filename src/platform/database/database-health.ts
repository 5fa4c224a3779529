import type { Logger } from '../logger.ts';
import { databaseErrorKind } from './dialect.ts';

export interface DatabaseHealthOptions {
  /** Answers whether the database takes a query now (DatabaseHandle.ping). */
  readonly ping: () => Promise<boolean>;
  readonly logger: Pick<Logger, 'error' | 'info'>;
  /** "PostgreSQL" or "SQLite", for the log lines and /readyz. */
  readonly name: string;
  /** How often to ping while the database is down, to notice its return (default 1 s). */
  readonly probeMs?: number;
}

/**
 * Whether this node can reach its database, as seen by requests, jobs and pings. The node never
 * stops or restarts for an outage: it keeps serving what it can (cached pages), answers the rest
 * 503, and pings until the database answers again (the pg pool reconnects by itself). Each
 * transition is logged once, not once per failed request.
 */
export class DatabaseHealth {
  readonly #options: DatabaseHealthOptions;
  #down: { since: Date; reason: string } | null = null;
  #probe: NodeJS.Timeout | null = null;
  #closed = false;

  constructor(options: DatabaseHealthOptions) {
    this.#options = options;
  }

  get name(): string {
    return this.#options.name;
  }

  /** Null while reachable; else since when and why not. */
  get outage(): { readonly since: Date; readonly reason: string } | null {
    return this.#down;
  }

  /** Answers whether the error means the database is unreachable, and records the outage if so. */
  observe(error: unknown): boolean {
    if (databaseErrorKind(error) !== 'unreachable') return false;
    this.#markDown(describe(error));
    return true;
  }

  /** Pings now and records the result (for /readyz). */
  async check(): Promise<boolean> {
    const ok = await this.#options.ping().catch(() => false);
    if (ok) this.#markUp();
    else this.#markDown('it does not answer');
    return ok;
  }

  close(): void {
    this.#closed = true;
    if (this.#probe) clearTimeout(this.#probe);
    this.#probe = null;
  }

  #markDown(reason: string): void {
    if (this.#down || this.#closed) return;
    this.#down = { since: new Date(), reason };
    this.#options.logger.error(
      { database: this.#options.name, reason },
      `${this.#options.name} is unreachable (${reason}): serving cached pages, answering other requests 503 until it is back`,
    );
    this.#scheduleProbe();
  }

  #markUp(): void {
    if (!this.#down) return;
    const seconds = Math.round((Date.now() - this.#down.since.getTime()) / 1000);
    this.#down = null;
    this.#options.logger.info(
      { database: this.#options.name, outageSeconds: seconds },
      `${this.#options.name} is reachable again after ${seconds} s: back to normal`,
    );
  }

  #scheduleProbe(): void {
    if (this.#probe || this.#closed) return;
    this.#probe = setTimeout(async () => {
      this.#probe = null;
      if (this.#closed) return;
      const ok = await this.#options.ping().catch(() => false);
      if (ok) this.#markUp();
      else this.#scheduleProbe();
    }, this.#options.probeMs ?? 1000);
    this.#probe.unref();
  }
}

function describe(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  return [code, message].filter(Boolean).join(' ').slice(0, 200) || 'connection failed';
}
