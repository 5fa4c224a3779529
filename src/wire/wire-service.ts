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
import { parse } from './pipeline/parse.ts';
import { isUniqueViolation } from './pipeline/persist.ts';
import { runItem, runParsed } from './pipeline/pipeline.ts';
import type { IngestBatch, IngestContext, IngestOutcome, ReceivedFile } from './pipeline/types.ts';
import { createSourceRepository, type SourceRepository, type WireSource } from './sources.ts';
import type { ParsedFile } from './wire-item.ts';
import {
  createWireStore,
  type Mapping,
  type StoredWireItem,
  type WireItemStatus,
  type WireStore,
} from './wire-store.ts';

export interface WireServiceDeps {
  readonly db: Kysely<Database>;
  readonly content: ContentService;
  readonly clock: Clock;
  /** How a URL is fetched (tests and the poller pass their own); defaults to global fetch. */
  readonly fetch?: typeof fetch;
  readonly logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** The loop's pass interval in milliseconds (default 2000). */
  readonly intervalMs?: number;
  /** The search index, written in each batch's own transaction (else it follows the events). */
  readonly search?: BatchSearchIndex;
}

/** The part of the search service a batch needs: index these articles inside this transaction. */
export interface BatchSearchIndex {
  indexWithin(trx: Kysely<Database>, articleIds: readonly number[]): Promise<void>;
}

/**
 * Items per transaction. One commit, one search-index write and one history look-up are shared
 * by the batch; larger batches gained little in `npm run bench:ingest` and hold the write lock longer.
 */
export const ingestBatchSize = 200;

/** Outcomes that wrote an article, whose search document the batch brings up to date. */
const indexedOutcomes = new Set(['published', 'scheduled', 'updated', 'killed']);

export class WireService {
  readonly sources: SourceRepository;
  readonly store: WireStore;
  readonly #content: ContentService;
  readonly #clock: Clock;
  readonly #fetch: typeof fetch;
  readonly #search: BatchSearchIndex | undefined;
  readonly #logger: WireServiceDeps['logger'];
  /** The ingest loop; built here, started only by `start()`. */
  readonly loop: IngestLoop;

  constructor(deps: WireServiceDeps) {
    this.sources = createSourceRepository(deps.db);
    this.store = createWireStore(deps.db);
    this.#content = deps.content;
    this.#clock = deps.clock;
    this.#fetch = deps.fetch ?? fetch;
    this.#search = deps.search;
    this.#logger = deps.logger;
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
    return (await this.ingestFiles(source, [file]))[0]!;
  }

  /**
   * Ingests many files into a source, `ingestBatchSize` files to a transaction: their items'
   * articles, wire rows and search documents commit together or not at all. A batch that fails
   * (a unique violation from a concurrent ingest, say) rolls back whole and is run again file by
   * file, each item in its own transaction as before; so a crash loses nothing that committed,
   * and a file taken again later is a duplicate, never a second article. One list of outcomes
   * per file, in order.
   */
  async ingestFiles(source: WireSource, files: readonly ReceivedFile[]): Promise<IngestOutcome[][]> {
    const site = this.#site(source.siteId);
    const mappings = await this.store.mappings(source.id);
    const results: IngestOutcome[][] = [];
    for (let i = 0; i < files.length; i += ingestBatchSize) {
      // Parsing is the costliest part of an item and needs no database: done before the
      // transaction opens, so the write lock is held only for the writes.
      const entries = files.slice(i, i + ingestBatchSize).map((file) => ({ file, parsed: parse(file) }));
      results.push(...(await this.#runBatch(source, site, mappings, entries)));
    }
    return results;
  }

  async #runBatch(
    source: WireSource,
    site: Site,
    mappings: readonly Mapping[],
    entries: readonly { file: ReceivedFile; parsed: ParsedFile }[],
  ): Promise<IngestOutcome[][]> {
    const now = this.#clock.now();
    try {
      return await this.#content.transaction(
        async (content, db) => {
          const base = createWireStore(db);
          const guids = [...new Set(entries.flatMap((e) => e.parsed.items.map((item) => item.guid)))];
          const histories = await base.histories(site.id, guids);
          const store: WireStore = {
            ...base,
            history: async (_siteId, guid) => histories.get(guid) ?? { latest: null, articleId: null },
          };
          const batch: IngestBatch = { db, agencies: new Map(), tags: new Map(), touched: new Set() };
          const results: IngestOutcome[][] = [];
          for (const { file, parsed } of entries) {
            const ctx: IngestContext = { source, site, now, file, content, store, mappings, batch };
            const outcomes = await runParsed(ctx, parsed);
            for (const o of outcomes) {
              if (o.guid !== null && o.wireItemId !== null) remember(histories, ctx, o);
              if (o.articleId !== null && indexedOutcomes.has(o.status)) batch.touched.add(o.articleId);
            }
            results.push(outcomes);
          }
          if (this.#search && batch.touched.size > 0) await this.#search.indexWithin(db, [...batch.touched]);
          return results;
        },
        { searchIndexed: this.#search !== undefined },
      );
    } catch (error) {
      if (entries.length === 1 && entries[0]!.parsed.items.length <= 1 && !isUniqueViolation(error)) {
        throw error;
      }
      this.#logger?.warn(
        { err: error, files: entries.length },
        'a wire batch rolled back; ingesting its files one at a time',
      );
      const results: IngestOutcome[][] = [];
      for (const { file, parsed } of entries) {
        results.push(await runParsed({ ...(await this.#context(source, file)), now }, parsed));
      }
      return results;
    }
  }

  /** Ingests a file, every file of a folder (not recursing; hidden files skipped), or an http(s) URL. */
  async ingestTarget(source: WireSource, target: string): Promise<IngestOutcome[]> {
    if (/^https?:\/\//i.test(target)) return this.ingestFile(source, await this.#download(target));
    const info = await stat(target);
    if (!info.isDirectory()) return this.ingestFile(source, await readReceived(target));
    const names = (await readdir(target)).filter((n) => !n.startsWith('.')).sort();
    const outcomes: IngestOutcome[] = [];
    for (let i = 0; i < names.length; i += ingestBatchSize) {
      const files: ReceivedFile[] = [];
      for (const name of names.slice(i, i + ingestBatchSize)) {
        const path = join(target, name);
        if ((await stat(path)).isFile()) files.push(await readReceived(path));
      }
      for (const found of await this.ingestFiles(source, files)) outcomes.push(...found);
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

  /**
   * The desk's "publish as is" for a queued item: it runs the pipeline's later phases now. Refused
   * (a Conflict) when the agency has killed the item since it was queued, which also moves it to
   * `killed` in the same transaction, or when a newer version has arrived since.
   */
  async publishQueued(id: number): Promise<IngestOutcome> {
    return this.#takeFromQueue(id, {});
  }

  /**
   * The desk's "open in the editor": the queued item becomes a draft article (not published) and
   * the row `drafted`, linked to it. Later versions of the guid update the draft; a kill retires
   * it. Refused like `publishQueued`.
   */
  async draftQueued(id: number): Promise<IngestOutcome> {
    return this.#takeFromQueue(id, { asDraft: true });
  }

  async #takeFromQueue(id: number, extra: Pick<IngestContext, 'asDraft'>): Promise<IngestOutcome> {
    const row = await this.store.byId(id);
    if (!row) throw new WireError.NotFound(`There is no wire item ${id}.`);
    if (row.status !== 'queued' || !row.item) {
      throw new WireError.Conflict(`Wire item ${id} is ${row.status}, not waiting in the queue.`);
    }
    await this.#refuseSuperseded(row);
    const source = await this.#requireSource(row.sourceId);
    const ctx = await this.#context(
      source,
      { name: row.fileName, bytes: Buffer.from(row.original ?? '') },
      { forcePublish: true, queuedId: id, ...extra },
    );
    const result = await runItem({ item: row.item }, ctx);
    // A kill that landed between the check and the run: dedupe ignored the item; settle it the same way.
    if (result.status === 'ignored' && result.articleId === null) await this.#refuseSuperseded(row);
    return result;
  }

  /** Throws the Conflict publishQueued answers when the item was killed or superseded since it was queued. */
  async #refuseSuperseded(row: StoredWireItem): Promise<void> {
    const refusal = await this.#content.transaction(async (_content, db) => {
      const store = createWireStore(db);
      const versions = await store.versions(row.siteId, row.guid!);
      const kill = versions.find((v) => v.status === 'killed' && v.id !== row.id);
      if (kill) {
        await store.killQueued(row.siteId, row.guid!, this.#clock.now());
        return `The agency withdrew this item (version ${kill.version} is a kill); a kill is final, so it was moved to the killed items.`;
      }
      const newer = versions.find(
        (v) => v.id !== row.id && v.status !== 'refused' && (v.version ?? 0) > (row.version ?? 0),
      );
      if (newer)
        return `Version ${newer.version} of this item has arrived since (wire item ${newer.id}); publish that one instead.`;
      return null;
    });
    if (refusal) throw new WireError.Conflict(refusal);
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
          if (article && article.status !== 'unpublished') {
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

/** What a batch's later items must know of an earlier one with the same guid (dedupe reads it). */
function remember(
  histories: Map<string, { latest: StoredWireItem | null; articleId: number | null }>,
  ctx: IngestContext,
  o: IngestOutcome,
): void {
  const before = histories.get(o.guid!);
  const status: WireItemStatus = o.status === 'updated' ? 'published' : (o.status as WireItemStatus);
  const latest: StoredWireItem = {
    id: o.wireItemId!,
    sourceId: ctx.source.id,
    siteId: ctx.site.id,
    guid: o.guid,
    version: o.version,
    status,
    pubStatus: null,
    headline: o.headline,
    articleId: o.articleId,
    embargoAt: null,
    licenceEndAt: null,
    fileName: o.file,
    originalSize: ctx.file.bytes.byteLength,
    refusalCode: null,
    refusalReason: null,
    urgency: null,
    agency: null,
    decisionReason: null,
    receivedAt: ctx.now,
    decidedAt: ctx.now,
  };
  histories.set(o.guid!, { latest, articleId: o.articleId ?? before?.articleId ?? null });
}

/** A file from disk; an enormous one is not read into memory (its refusal says why). */
export async function readReceived(path: string): Promise<ReceivedFile> {
  const info = await stat(path);
  // An enormous file is not read into memory: its refusal says why.
  if (info.size > maxFileBytes) return { name: basename(path), bytes: new Uint8Array(maxFileBytes + 1) };
  return { name: basename(path), bytes: await readFile(path) };
}
