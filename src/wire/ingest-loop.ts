/**
 * The ingest loop: one pass looks at every enabled drop folder, polls the feeds that are due
 * and sweeps ended licences. Passes never overlap; a bad file or a failing feed is recorded and
 * the pass goes on; nothing a file contains can stop the loop or the server. `fs.watch` only
 * brings the next pass forward: the periodic pass is what guarantees progress.
 */
import { type FSWatcher, watch } from 'node:fs';
import type { Logger } from '../platform/logger.ts';
import { DropFolder } from './drop-folder.ts';
import { pollFeed, readLimited } from './feed-poller.ts';
import type { IngestOutcome } from './pipeline/types.ts';
import type { WireSource } from './sources.ts';
import { ingestBatchSize, readReceived, type WireService } from './wire-service.ts';

export interface IngestLoopOptions {
  readonly wire: WireService;
  readonly now: () => Date;
  readonly logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
  readonly fetch?: typeof fetch;
  /** How often a pass runs without a watch event (and the second look of a file). */
  readonly intervalMs?: number;
  /**
   * With several nodes on one database: a lease only one node holds at a time, taken (renewed)
   * before the pass and before each source, so two nodes never poll a feed or take a dropped
   * file at once. A node that dies stops renewing and another takes over when the lease runs out.
   */
  readonly exclusive?: { acquire(): Promise<boolean>; release(): Promise<void> };
}

export interface PassReport {
  readonly files: number;
  readonly polled: number;
  readonly outcomes: readonly IngestOutcome[];
  readonly errors: readonly string[];
  readonly expired: number;
}

export class IngestLoop {
  readonly #options: IngestLoopOptions;
  readonly #folders = new Map<number, DropFolder>();
  readonly #watchers = new Map<number, FSWatcher>();
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<PassReport> | null = null;
  #again = false;
  #stopped = true;
  /** While passes fail (the database is away) the failure is logged once, not every pass. */
  #failing = false;

  constructor(options: IngestLoopOptions) {
    this.#options = options;
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    const interval = this.#options.intervalMs ?? 2000;
    this.#timer = setInterval(() => this.#kick(), interval);
    this.#timer.unref();
    this.#kick();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    for (const watcher of this.#watchers.values()) watcher.close();
    this.#watchers.clear();
    await this.#running?.catch(() => {});
    await this.#options.exclusive?.release().catch(() => {});
  }

  /** Runs one pass now (or waits for the one in progress, then runs another). Tests drive this. */
  async runOnce(): Promise<PassReport> {
    while (this.#running) await this.#running.catch(() => {});
    this.#running = this.#pass().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  #kick(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.runOnce()
      .then(() => {
        this.#failing = false;
      })
      .catch((err) => {
        if (!this.#failing) this.#options.logger?.error({ err }, 'wire ingest pass failed');
        this.#failing = true;
      })
      .finally(() => {
        if (this.#again && !this.#stopped) {
          this.#again = false;
          this.#kick();
        }
      });
  }

  async #pass(): Promise<PassReport> {
    const { wire } = this.#options;
    const outcomes: IngestOutcome[] = [];
    const errors: string[] = [];
    let files = 0;
    let polled = 0;
    const { exclusive } = this.#options;
    const idle = { files, polled, outcomes, errors, expired: 0 };
    if (exclusive && !(await exclusive.acquire())) return idle;
    const sources = (await wire.sources.list()).filter((s) => s.enabled);
    for (const source of sources) {
      // Renewed per source: a long pass keeps the lease, a lost one stops this node's pass.
      if (exclusive && !(await exclusive.acquire())) return { files, polled, outcomes, errors, expired: 0 };
      try {
        if (source.kind === 'folder') {
          const result = await this.#scanFolder(source, outcomes, errors);
          files += result;
        } else if (source.kind === 'feed' && (await this.#pollIfDue(source, outcomes, errors))) {
          polled++;
        }
      } catch (error) {
        errors.push(`${source.name}: ${(error as Error).message}`);
        this.#options.logger?.error({ err: error, source: source.id }, 'wire source failed');
      }
    }
    let expired = 0;
    try {
      expired = await wire.sweepLicences();
    } catch (error) {
      errors.push(`licence sweep: ${(error as Error).message}`);
    }
    return { files, polled, outcomes, errors, expired };
  }

  async #scanFolder(source: WireSource, outcomes: IngestOutcome[], errors: string[]): Promise<number> {
    let folder = this.#folders.get(source.id);
    if (!folder || folder.path !== source.location) {
      folder = new DropFolder(source.location);
      this.#folders.set(source.id, folder);
      this.#watchers.get(source.id)?.close();
      this.#watchers.delete(source.id);
    }
    const names = await folder.completeFiles();
    if (!this.#watchers.has(source.id)) this.#watch(source);
    // A batch of files shares one transaction; each file is settled only after it committed.
    for (let i = 0; i < names.length; i += ingestBatchSize) {
      const chunk = names.slice(i, i + ingestBatchSize);
      let results: IngestOutcome[][];
      try {
        const files = await Promise.all(chunk.map((name) => readReceived(`${folder.path}/${name}`)));
        results = await this.#options.wire.ingestFiles(source, files);
      } catch (error) {
        // A database failure is not the files' fault: they stay for the next pass, where what
        // had committed is a duplicate.
        errors.push(`${source.name}/${chunk[0]}: ${(error as Error).message}`);
        this.#options.logger?.error(
          { err: error, file: chunk[0], files: chunk.length, source: source.id },
          'ingesting dropped files failed',
        );
        continue;
      }
      for (const [k, name] of chunk.entries()) {
        const found = results[k] ?? [];
        outcomes.push(...found);
        const taken = found.some((o) => o.status !== 'refused');
        const reasons = found
          .filter((o) => o.status === 'refused')
          .map((o) => `${o.refusalCode}: ${o.reason}`);
        await folder.settle(
          name,
          { quarantine: taken ? null : reasons.join('\n') || 'nothing to ingest' },
          this.#options.now(),
        );
      }
    }
    return names.length;
  }

  #watch(source: WireSource): void {
    if (this.#stopped) return;
    try {
      const watcher = watch(source.location, { persistent: false }, () => this.#kick());
      watcher.on('error', () => watcher.close());
      this.#watchers.set(source.id, watcher);
    } catch {
      // A folder that does not exist yet is looked at again on every pass.
    }
  }

  async #pollIfDue(source: WireSource, outcomes: IngestOutcome[], errors: string[]): Promise<boolean> {
    const { wire } = this.#options;
    const state = await wire.sources.pollState(source.id);
    const now = this.#options.now();
    if (!state || (state.nextPollAt && state.nextPollAt.getTime() > now.getTime())) return false;
    const result = await pollFeed({
      url: source.location,
      state,
      pollSeconds: source.pollSeconds,
      now,
      fetch: this.#options.fetch ?? fetch,
      read: readLimited,
    });
    if (result.kind === 'changed') {
      outcomes.push(...(await wire.ingestFile(source, { name: source.location, bytes: result.body })));
    } else if (result.kind === 'failed') {
      errors.push(result.error);
      this.#options.logger?.warn({ source: source.id, failures: result.state.failures }, result.error);
    }
    await wire.sources.savePollState(source.id, result.state);
    return true;
  }
}
