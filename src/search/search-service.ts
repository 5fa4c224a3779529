import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import { type ArticleTeaser, type Page, teaserColumns, toTeaser } from '../content/index.ts';
import { type DialectCapabilities, readJson, readTime, writeTime } from '../platform/database/dialect.ts';
import {
  articleFacets,
  bodySearchText,
  type FullTextQuery,
  textWithoutMarkers,
  withoutMarkers,
} from '../platform/database/full-text.ts';
import type { Database } from '../platform/database/schema.ts';
import { type HitTest, hitTest, markHits, passage } from './highlight.ts';
import { parseQuery } from './query-parser.ts';
import { hasHit, type Segment } from './segments.ts';

export type SearchSort = 'relevance' | 'newest';

export interface SearchOptions {
  readonly siteId: number;
  /** Articles published (or scheduled) after this are not found yet. */
  readonly now: Date;
  /** Any of these sections; pass a section's family to include its subsections. */
  readonly sectionIds?: readonly number[];
  readonly tagId?: number;
  /** Published at or after. */
  readonly from?: Date;
  /** Published before. */
  readonly to?: Date;
  /** Default: relevance (ties newest first). */
  readonly sort?: SearchSort;
  /** From 1; a page past the last gives the last page. */
  readonly page?: number;
  readonly pageSize?: number;
}

/** A found article: its teaser, its headline with hits marked, and the passage that matched. */
export interface SearchHit extends ArticleTeaser {
  readonly headlineSegments: readonly Segment[];
  /** The body passage with the hits, else the summary, as segments for the template to escape. */
  readonly snippet: readonly Segment[];
}

export interface SearchResult extends Page<SearchHit> {
  readonly sort: SearchSort;
  /**
   * True when more articles matched than a search ranks (searchLimits.maxResults, the most recently
   * created ones): `total` is then that limit, and a reader should narrow the query or the dates.
   */
  readonly more: boolean;
}

export interface SearchService {
  /**
   * Finds visible articles of a site. Any input is safe: what cannot be searched is ignored, and a
   * query with nothing left to look for finds nothing.
   *
   * @example
   * const result = await search.search('"peace talks" -war', { siteId: 1, now: new Date(), sort: 'newest' });
   * result.items[0]?.snippet; // [{ text: 'The ', hit: false }, { text: 'peace talks', hit: true }, …]
   */
  search(text: string, options: SearchOptions): Promise<SearchResult>;
  /** Brings one article's document up to date: written when readers may find it, removed otherwise. */
  reindex(articleId: number): Promise<void>;
  /**
   * Brings these articles' documents up to date through `trx`, a transaction the caller holds:
   * a batch (the wire's) indexes what it wrote in the same commit, so a crash loses neither.
   */
  indexWithin(trx: Kysely<Database>, articleIds: readonly number[]): Promise<void>;
  /** Rebuilds every document from the articles; returns how many there are. */
  reindexAll(): Promise<number>;
  /** Rebuilds when the documents and the searchable articles disagree (after a seed or bulk import). */
  ensureIndexed(): Promise<boolean>;
}

export const searchLimits = Object.freeze({
  /**
   * Matches ranked per query (the most recently created): 25 pages, and a bound on what a very
   * broad query costs. 1,000 cost a quarter more at p95 in `npm run bench:search`.
   */
  maxResults: 500,
  maxPageSize: 100,
  defaultPageSize: 20,
});

const searchable = ['published', 'scheduled'] as const;
/** Words in a result's body passage. */
const passageWords = 28;

/**
 * Builds the search service over a database; the composition root reindexes each article on
 * `article.changed` and calls `ensureIndexed()` at start.
 *
 * @example
 * const search = createSearchService({ db: database.db, caps: database.caps });
 * events.on('article.changed', (e) => void search.reindex(e.articleId));
 * const { items, total } = await search.search('harbour -bridge', { siteId: 1, now: new Date() });
 */
export function createSearchService(deps: {
  db: Kysely<Database>;
  caps: DialectCapabilities;
}): SearchService {
  const { db } = deps;
  const { fullText } = deps.caps;

  // Index writes run one at a time, in order, and a search waits for those already asked for, so
  // a reader (or a test) searching right after a publish finds the article.
  let tail: Promise<unknown> = Promise.resolve();
  function enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = tail.then(work);
    tail = run.catch(() => {});
    return run;
  }

  /** The articles that have a search document: published or scheduled, with a publication time. */
  function searchableArticles(trx: Kysely<Database>) {
    return trx
      .selectFrom('articles as a')
      .where('a.status', 'in', searchable)
      .where('a.published_at', 'is not', null);
  }

  function projection(trx: Kysely<Database>) {
    return searchableArticles(trx).select([
      'a.id',
      'a.site_id',
      'a.section_id',
      'a.published_at',
      withoutMarkers(sql.ref('a.headline')).as('headline'),
      withoutMarkers(sql.ref('a.summary')).as('summary'),
      fullText.bodyText(sql.ref('a.body')).as('body'),
      articleFacets(fullText).as('facets'),
    ]);
  }

  const documentColumns = [
    'article_id',
    'site_id',
    'section_id',
    'published_at',
    'headline',
    'summary',
    'body',
    'facets',
  ] as const;

  /**
   * The candidates of a query, ordered for `sort`: at most maxResults ids, and whether more
   * matched. The one extra row asked for only tells there are more; it is never ranked or shown.
   */
  async function rankedIds(query: FullTextQuery, options: SearchOptions, sort: SearchSort) {
    // Site, sections and tag are facets the index intersects with the words; times are row filters.
    const facets: string[][] = [[`site${options.siteId}`]];
    if (options.sectionIds) facets.push(options.sectionIds.map((id) => `section${id}`));
    if (options.tagId !== undefined) facets.push([`tag${options.tagId}`]);
    const filters: RawBuilder<SqlBool>[] = [
      sql`d.site_id = ${options.siteId}`,
      sql`d.published_at <= ${writeTime(options.now)}`,
    ];
    if (options.from) filters.push(sql`d.published_at >= ${writeTime(options.from)}`);
    if (options.to) filters.push(sql`d.published_at < ${writeTime(options.to)}`);
    const rows = await fullText.candidates(db, query, {
      facets,
      filters: sql.join(filters, sql` and `),
      limit: searchLimits.maxResults + 1,
      scored: sort === 'relevance',
    });
    const ranked = rows.map((r) => ({
      id: Number(r.id),
      time: readTime(r.published_at)!.getTime(),
      score: Number(r.score),
    }));
    // The candidates are the most recently created matches: the extra one is the oldest.
    ranked.sort((a, b) => b.id - a.id);
    const more = ranked.length > searchLimits.maxResults;
    if (more) ranked.length = searchLimits.maxResults;
    ranked.sort((a, b) => b.score - a.score || b.time - a.time || b.id - a.id);
    return { ids: ranked.map((r) => r.id), more };
  }

  async function hits(query: FullTextQuery, ids: readonly number[]): Promise<SearchHit[]> {
    if (ids.length === 0) return [];
    // The document holds the text as indexed, which is what the hits are marked in.
    const rows = await db
      .selectFrom('articles')
      .leftJoin('agencies', 'agencies.id', 'articles.agency_id')
      .innerJoin('search_documents as d', 'd.article_id', 'articles.id')
      .select(teaserColumns)
      .select(['d.headline as indexedHeadline', 'd.summary as indexedSummary', 'd.body as indexedBody'])
      .where('articles.id', 'in', ids)
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const isHit = hitTest(query);
    return ids.flatMap((id) => {
      const r = byId.get(id);
      if (!r) return [];
      const headlineSegments = markHits(r.indexedHeadline, isHit);
      return [
        {
          ...toTeaser(r),
          headlineSegments:
            headlineSegments.length > 0 ? headlineSegments : [{ text: r.headline, hit: false }],
          snippet: snippetOf(r, isHit),
        },
      ];
    });
  }

  /** The body's passage when it holds a hit, else the summary (marked only then), else what there is. */
  function snippetOf(
    r: { indexedBody: string; indexedSummary: string; summary: string },
    isHit: HitTest,
  ): Segment[] {
    const fragment = passage(r.indexedBody, isHit, passageWords);
    if (hasHit(fragment)) return fragment;
    const summary = markHits(r.indexedSummary, isHit);
    if (summary.length > 0) return summary;
    return fragment.length > 0 ? fragment : [{ text: r.summary, hit: false }];
  }

  const service: SearchService = {
    async search(text, options) {
      const sort: SearchSort = options.sort === 'newest' ? 'newest' : 'relevance';
      const pageSize = clamp(options.pageSize ?? searchLimits.defaultPageSize, 1, searchLimits.maxPageSize);
      const query = parseQuery(text);
      // Ids that cannot exist find nothing; so does an empty list of sections.
      const sectionIds = options.sectionIds?.filter(isId);
      if (
        !query ||
        !isId(options.siteId) ||
        sectionIds?.length === 0 ||
        !(options.tagId === undefined || isId(options.tagId))
      ) {
        return { items: [], total: 0, more: false, page: 1, pageSize, sort };
      }
      await tail;
      const { ids, more } = await rankedIds(
        query,
        {
          ...options,
          sectionIds,
          from: isTime(options.from) ? options.from : undefined,
          to: isTime(options.to) ? options.to : undefined,
        },
        sort,
      );
      const total = ids.length;
      const last = Math.max(1, Math.ceil(total / pageSize));
      const page = Math.min(clamp(options.page ?? 1, 1, last), last);
      const items = await hits(query, ids.slice((page - 1) * pageSize, page * pageSize));
      return { items, total, more, page, pageSize, sort };
    },

    reindex(articleId) {
      return enqueue(() => db.transaction().execute((trx) => service.indexWithin(trx, [articleId])));
    },

    async indexWithin(trx, articleIds) {
      // Chunks keep the parameter lists well inside both dialects' limits (8 columns a row).
      for (let i = 0; i < articleIds.length; i += 500) {
        const ids = articleIds.slice(i, i + 500);
        await trx.deleteFrom('search_documents').where('article_id', 'in', ids).execute();
        // The body's text is taken in JavaScript: for a batch, walking the JSON in SQL cost more
        // than the rest of the document. The same projection as `projection`, row for row.
        const rows = await searchableArticles(trx)
          .select([
            'a.id',
            'a.site_id',
            'a.section_id',
            'a.published_at',
            'a.headline',
            'a.summary',
            'a.body',
            articleFacets(fullText).as('facets'),
          ])
          .where('a.id', 'in', ids)
          .execute();
        const documents = rows.map((r) => ({
          article_id: r.id,
          site_id: r.site_id,
          section_id: r.section_id,
          published_at: writeTime(readTime(r.published_at)!),
          headline: textWithoutMarkers(r.headline),
          summary: textWithoutMarkers(r.summary),
          body: bodySearchText(readJson<unknown>(r.body, [])),
          facets: r.facets,
        }));
        for (let j = 0; j < documents.length; j += 250) {
          await trx
            .insertInto('search_documents')
            .values(documents.slice(j, j + 250))
            // Another node or service instance may be rebuilding the same rows at the same moment.
            .onConflict((oc) => oc.column('article_id').doNothing())
            .execute();
        }
      }
    },

    reindexAll() {
      return enqueue(() =>
        db.transaction().execute(async (trx) => {
          await trx.deleteFrom('search_documents').execute();
          await trx
            .insertInto('search_documents')
            .columns(documentColumns)
            .expression(projection(trx))
            .onConflict((oc) => oc.column('article_id').doNothing())
            .execute();
          const row = await trx
            .selectFrom('search_documents')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow();
          return Number(row.n);
        }),
      );
    },

    async ensureIndexed() {
      const [articles, documents] = await Promise.all([
        db
          .selectFrom('articles')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('status', 'in', searchable)
          .where('published_at', 'is not', null)
          .executeTakeFirstOrThrow(),
        db
          .selectFrom('search_documents')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      if (Number(articles.n) === Number(documents.n)) return false;
      await this.reindexAll();
      return true;
    },
  };
  return service;
}

function isId(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) > 0;
}

function isTime(value: Date | undefined): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.floor(value))) : min;
}
