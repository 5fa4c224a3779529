/**
 * The wire desk's service: ingest a file, a folder or a URL into a source's site; the desk's
 * queue decisions; the licence sweep. The ingest loop (drop folders, feed polling) is started
 * with `start()` by the serve command and stopped with `stop()`.
 */
import { randomUUID } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Kysely } from 'kysely';
import { type ContentService, type Site, systemActor } from '../content/index.ts';
import type { Clock } from '../platform/clock.ts';
import type { Database } from '../platform/database/schema.ts';
import { Lease } from '../platform/jobs/lease.ts';
import type { Logger } from '../platform/logger.ts';
import { WireError } from './errors.ts';
import { readLimited } from './feed-poller.ts';
import { maxFileBytes } from './formats/index.ts';
import { IngestLoop } from './ingest-loop.ts';
import { runItem, runPipeline } from './pipeline/pipeline.ts';
import type { IngestContext, IngestOutcome, ReceivedFile } from './pipeline/types.ts';
import { createSourceRepository, type SourceRepository, type WireSource } from './sources.ts';
import { createWireStore, type WireStore } from './wire-store.ts';

export interface WireServiceDeps {
  readonly db: Kysely<Database>;
  readonly content: ContentService;
  readonly clock: Clock;
  /** How a URL is fetched (tests and the poller pass their own); defaults to global fetch. */
  readonly fetch?: typeof fetch;
  readonly logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** The loop's pass interval in milliseconds (default 2000). */
  readonly intervalMs?: number;
}

export class WireService {
  readonly sources: SourceRepository;
  readonly store: WireStore;
  readonly #content: ContentService;
  readonly #clock: Clock;
  readonly #fetch: typeof fetch;
  /** The ingest loop; built here, started only by `start()`. */
  readonly loop: IngestLoop;

  constructor(deps: WireServiceDeps) {
    this.sources = createSourceRepository(deps.db);
    this.store = createWireStore(deps.db);
    this.#content = deps.content;
    this.#clock = deps.clock;
    this.#fetch = deps.fetch ?? fetch;
    this.loop = new IngestLoop({
      wire: this,
      now: () => deps.clock.now(),
      fetch: this.#fetch,
      ...(deps.logger ? { logger: deps.logger } : {}),
      ...(deps.intervalMs ? { intervalMs: deps.intervalMs } : {}),
      // One node at a time runs the loop's passes (see IngestLoopOptions.exclusive).
      exclusive: new Lease({
        db: deps.db,
        clock: deps.clock,
        name: 'wire-ingest',
        holder: randomUUID(),
        ttlMs: 60_000,
      }),
    });
  }

  /**
   * Ingests one file's bytes into a source; one outcome per item (and per refusal).
   *
   * @example
   * const source = await wire.sources.manualFor(site.id, now);
   * const outcomes = await wire.ingestFile(source, { name: 'item.xml', bytes });
   */
  async ingestFile(source: WireSource, file: ReceivedFile): Promise<IngestOutcome[]> {
    return runPipeline(await this.#context(source, file));
  }

  /** Ingests a file, every file of a folder (not recursing; hidden files skipped), or an http(s) URL. */
  async ingestTarget(source: WireSource, target: string): Promise<IngestOutcome[]> {
    if (/^https?:\/\//i.test(target)) return this.ingestFile(source, await this.#download(target));
    const info = await stat(target);
    if (!info.isDirectory()) return this.ingestFile(source, await readReceived(target));
    const names = (await readdir(target)).filter((n) => !n.startsWith('.')).sort();
    const outcomes: IngestOutcome[] = [];
    for (const name of names) {
      const path = join(target, name);
      if ((await stat(path)).isFile())
        outcomes.push(...(await this.ingestFile(source, await readReceived(path))));
    }
    return outcomes;
  }

  /**
   * Starts the ingest loop (drop folders, feed polling, the licence sweep). Only the serve
   * command calls it; tests drive `loop.runOnce()` instead.
   */
  start(): void {
    this.loop.start();
  }

  /** Stops the loop; resolves when the pass in progress has finished. */
  async stop(): Promise<void> {
    await this.loop.stop();
  }

  /** The desk's "publish as is" for a queued item: it runs the pipeline's later phases now. */
  async publishQueued(id: number): Promise<IngestOutcome> {
    const row = await this.store.byId(id);
    if (!row) throw new WireError.NotFound(`There is no wire item ${id}.`);
    if (row.status !== 'queued' || !row.item) {
      throw new WireError.Conflict(`Wire item ${id} is ${row.status}, not waiting in the queue.`);
    }
    const source = await this.#requireSource(row.sourceId);
    const ctx = await this.#context(
      source,
      { name: row.fileName, bytes: Buffer.from(row.original ?? '') },
      {
        forcePublish: true,
        queuedId: id,
      },
    );
    return runItem({ item: row.item }, ctx);
  }

  /** The desk's "ignore": the item leaves the queue and makes no article. */
  async ignoreQueued(id: number): Promise<void> {
    const row = await this.store.byId(id);
    if (!row) throw new WireError.NotFound(`There is no wire item ${id}.`);
    if (row.status !== 'queued')
      throw new WireError.Conflict(`Wire item ${id} is ${row.status}, not waiting in the queue.`);
    await this.store.setStatus(id, 'ignored', this.#clock.now());
  }

  /**
   * Takes down every article whose agency licence has ended. Runs from the ingest loop; safe to
   * run anywhere, any number of times.
   */
  async sweepLicences(): Promise<number> {
    const now = this.#clock.now();
    let count = 0;
    for (const row of await this.store.licencesEnded(now)) {
      await this.#content.transaction(async (content, db) => {
        if (row.articleId !== null) {
          const article = await content.articles.findById(row.articleId);
          if (article && (article.status === 'published' || article.status === 'scheduled')) {
            await content.withdrawArticle(article.id, systemActor);
          }
        }
        await createWireStore(db).setStatus(row.id, 'expired', now);
      });
      count++;
    }
    return count;
  }

  async #context(
    source: WireSource,
    file: ReceivedFile,
    extra: Partial<IngestContext> = {},
  ): Promise<IngestContext> {
    const site = this.#site(source.siteId);
    return {
      source,
      site,
      now: this.#clock.now(),
      file,
      content: this.#content,
      store: this.store,
      mappings: await this.store.mappings(source.id),
      ...extra,
    };
  }

  #site(siteId: number): Site {
    const site = this.#content.siteById(siteId);
    if (!site) throw new WireError.NotFound(`There is no site ${siteId}.`);
    return site;
  }

  async #requireSource(id: number): Promise<WireSource> {
    const source = await this.sources.byId(id);
    if (!source) throw new WireError.NotFound(`There is no wire source ${id}.`);
    return source;
  }

  async #download(url: string): Promise<ReceivedFile> {
    const response = await this.#fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(30_000) });
    if (!response.ok)
      throw new WireError.Invalid(`${url} answered ${response.status} ${response.statusText}.`);
    const bytes = await readLimited(response);
    return { name: url, bytes };
  }
}

async function readReceived(path: string): Promise<ReceivedFile> {
  const info = await stat(path);
  // An enormous file is not read into memory: its refusal says why.
  if (info.size > maxFileBytes) return { name: basename(path), bytes: new Uint8Array(maxFileBytes + 1) };
  return { name: basename(path), bytes: await readFile(path) };
}
