import {
  type ExpressionBuilder,
  type Insertable,
  type Kysely,
  type Selectable,
  type SelectQueryBuilder,
  type SqlBool,
  sql,
  type Transaction,
} from 'kysely';
import { readJson, readTime, writeTime } from '../platform/database/dialect.ts';
import { preparedInsert, preparedInsertRows, preparedQuery } from '../platform/database/prepared-query.ts';
import type {
  ArticleRevisionsTable,
  ArticlesTable,
  ArticleTagsTable,
  Database,
} from '../platform/database/schema.ts';
import { jsonOnce, jsonReusing } from '../platform/json-once.ts';
import { ContentError } from './errors.ts';
import type {
  Agency,
  Article,
  ArticleListing,
  ArticleStatus,
  ArticleSummary,
  ArticleTeaser,
  Author,
  Block,
  Image,
  ListingChunk,
  ListPage,
  Page,
  Revision,
  Tag,
} from './model.ts';

export interface ListQuery {
  readonly siteId: number;
  readonly now: Date;
  /** Any of these sections (a front lists its subsections' articles too). */
  readonly sectionIds?: readonly number[];
  readonly tagId?: number;
  readonly authorId?: number;
  readonly excludeIds?: readonly number[];
  /** Only these articles (a curated list). */
  readonly ids?: readonly number[];
  readonly page?: number;
  readonly pageSize?: number;
  /** Only articles after this one in the list's order (newest first): the keyset of `?before=`. */
  readonly before?: ArticlePosition;
}

export interface ListingQuery {
  readonly siteId: number;
  readonly now: Date;
  /** Only ids from `from` to `to`, both included (one sitemap file). */
  readonly ids?: { readonly from: number; readonly to: number };
  /** Only articles published at or after this instant (the news sitemap's last 48 hours). */
  readonly publishedSince?: Date;
  /** At most this many, newest first (no limit when absent). */
  readonly limit?: number;
}

/** The newsroom's view: articles of any status, newest change first. */
export interface NewsroomListQuery {
  readonly siteId?: number;
  readonly status?: ArticleStatus;
  /** Any of these sections (a section and its subsections). */
  readonly sectionIds?: readonly number[];
  /** Headlines containing this text, case-insensitively for ASCII letters. */
  readonly headlineContains?: string;
  readonly page?: number;
  readonly pageSize?: number;
}

export interface SaveOptions {
  /** The staff user saving, or null for the system (seeding, wire ingestion). */
  readonly savedBy: number | null;
  readonly at: Date;
}

/** Where a cursor walk stands: the ordering instant and the id of the last article returned. */
export interface ArticlePosition {
  readonly at: Date;
  readonly id: number;
}

export interface CursorQuery {
  readonly siteId: number;
  readonly now: Date;
  /** Any of these sections (a section and its subsections). */
  readonly sectionIds?: readonly number[];
  readonly tagId?: number;
  readonly authorId?: number;
  /** Only these articles (search results to load whole). */
  readonly ids?: readonly number[];
  /**
   * Only articles changed (see `articleChangedAt`) at or after this instant. The walk then runs
   * oldest change first, so a sync client can stop anywhere and resume; otherwise newest
   * publication first.
   */
  readonly changedSince?: Date;
  /** Continue after this position: the previous page's `next`. */
  readonly after?: ArticlePosition;
  /** 1 to 100. */
  readonly limit: number;
}

export interface ArticleWithRelations {
  readonly article: Article;
  readonly tags: Tag[];
  readonly authors: Author[];
  readonly agency: Agency | null;
}

/** Stores articles with their ordered tags and authors; every save is kept as a revision. */
export interface ArticleRepository {
  findById(id: number): Promise<Article | null>;
  /** The article with its tags, authors and agency resolved, in as few queries as the dialect allows. */
  findWithRelations(
    id: number,
  ): Promise<{ article: Article; tags: Tag[]; authors: Author[]; agency: Agency | null } | null>;
  tagsOf(articleId: number): Promise<Tag[]>;
  authorsOf(articleId: number): Promise<Author[]>;
  agencyById(id: number): Promise<Agency | null>;
  /**
   * Visible articles, newest first, one page at a time: by keyset (`before`, from the previous
   * page's `next`) or, for old links, by page number.
   *
   * @example
   * const first = await articles.listVisible({ siteId: 1, now, tagId: 7 });
   * const older = await articles.listVisible({ siteId: 1, now, tagId: 7, before: first.next! });
   */
  listVisible(query: ListQuery): Promise<ListPage<ArticleTeaser>>;
  /** How many articles `listVisible` would walk through (newsroom and tests; never on a reader page). */
  countVisible(query: Omit<ListQuery, 'page' | 'pageSize' | 'before' | 'excludeIds'>): Promise<number>;
  /** Where an article of the site stands in published order (the `?before=` cursor), or null. */
  positionOf(siteId: number, id: number): Promise<ArticlePosition | null>;
  /** The earliest scheduled publication after `now` on a site, so caches know when lists change. */
  nextScheduledAfter(siteId: number, now: Date): Promise<Date | null>;
  /**
   * Visible articles as compact rows (no body, no relations), newest first: what sitemaps list.
   *
   * @example
   * await articles.listListings({ siteId: 1, now, ids: { from: 1, to: 10_000 } });
   */
  listListings(query: ListingQuery): Promise<ArticleListing[]>;
  /**
   * A site's visible articles counted in consecutive id ranges of `size` (ranges with none are
   * left out), each with its latest change: a sitemap index without reading every row.
   */
  listingChunks(siteId: number, now: Date, size: number): Promise<ListingChunk[]>;
  /**
   * Visible articles with their relations, walked by keyset: `next` is null on the last page.
   *
   * @example
   * const first = await articles.listVisibleByCursor({ siteId: 1, now, limit: 50 });
   * const second = await articles.listVisibleByCursor({ siteId: 1, now, limit: 50, after: first.next! });
   */
  listVisibleByCursor(
    query: CursorQuery,
  ): Promise<{ items: ArticleWithRelations[]; next: ArticlePosition | null }>;
  /** The id of the newest visible article of a site with this slug (slugs are not unique). */
  findVisibleIdBySlug(siteId: number, slug: string, now: Date): Promise<number | null>;
  insert(article: Article, options: SaveOptions): Promise<Article>;
  /** Saves over `expectedRevision`; refuses with CONTENT_REVISION_CONFLICT if someone saved since. */
  update(article: Article, expectedRevision: number, options: SaveOptions): Promise<Article>;
  revisions(articleId: number): Promise<Revision[]>;
  /**
   * Articles of every status for the newsroom, most recently changed first.
   *
   * @example
   * await articles.listForNewsroom({ siteId: 1, status: 'draft', headlineContains: 'summit' });
   */
  listForNewsroom(query: NewsroomListQuery): Promise<Page<ArticleSummary>>;
}

type ArticleRow = Selectable<ArticlesTable>;

export function createArticleRepository(db: Kysely<Database>): ArticleRepository {
  const articleWithAgency = preparedQuery(db, [-1] as [number], (id) =>
    db
      .selectFrom('articles')
      .leftJoin('agencies', 'agencies.id', 'articles.agency_id')
      .selectAll('articles')
      .select(['agencies.slug as agency_slug', 'agencies.name as agency_name', 'agencies.url as agency_url'])
      .where('articles.id', '=', id),
  );
  // Tags and authors in one query, each in its stored order ('author' sorts before 'tag').
  const relationsOf = preparedQuery(db, [-1, -2] as [number, number], (tagsOfId, authorsOfId) =>
    db
      .selectFrom('article_tags')
      .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
      .select([
        sql<'tag' | 'author'>`'tag'`.as('kind'),
        'tags.id',
        'tags.site_id',
        'tags.slug',
        'tags.name',
        sql<string>`''`.as('title'),
        sql<string>`''`.as('bio'),
        'article_tags.position as position',
      ])
      .where('article_tags.article_id', '=', tagsOfId)
      .unionAll(
        db
          .selectFrom('article_authors')
          .innerJoin('authors', 'authors.id', 'article_authors.author_id')
          .select([
            sql<'tag' | 'author'>`'author'`.as('kind'),
            'authors.id',
            'authors.site_id',
            'authors.slug',
            'authors.name',
            'authors.title',
            'authors.bio',
            'article_authors.position as position',
          ])
          .where('article_authors.article_id', '=', authorsOfId),
      )
      .orderBy('kind')
      .orderBy('position'),
  );
  // The wire inserts thousands of articles: their two single-row inserts are compiled once.
  const insertArticle = preparedInsert(db, (row: Insertable<ArticlesTable>) =>
    db.insertInto('articles').values(row).returning('id'),
  );
  const insertRevision = preparedInsert(db, (row: Insertable<ArticleRevisionsTable>) =>
    db.insertInto('article_revisions').values(row),
  );
  // And its tag links, one statement an article, compiled once per number of tags.
  const insertTagLinks = preparedInsertRows(db, (rows: Insertable<ArticleTagsTable>[]) =>
    db.insertInto('article_tags').values(rows),
  );
  // Inside ContentService.transaction the repository is built over a transaction: its writes
  // join that one instead of opening their own (Kysely does not nest transactions).
  const inTransaction = <T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> =>
    db.isTransaction ? work(db as Transaction<Database>) : db.transaction().execute(work);
  async function writeRelations(trx: Transaction<Database>, article: Article, fresh = false): Promise<void> {
    // Every save rewrites the links, so their copy of the publication time never goes stale.
    const publishedAt = article.publishedAt ? writeTime(article.publishedAt) : null;
    // A new article has no relations to replace (two queries saved per wire item).
    if (!fresh) {
      await trx.deleteFrom('article_tags').where('article_id', '=', article.id).execute();
      await trx.deleteFrom('article_authors').where('article_id', '=', article.id).execute();
    }
    if (article.tagIds.length > 0) {
      const links = article.tagIds.map((tagId, position) => ({
        article_id: article.id,
        tag_id: tagId,
        position,
        published_at: publishedAt,
      }));
      if (trx === db) await insertTagLinks(links);
      else await trx.insertInto('article_tags').values(links).execute();
    }
    if (article.authorIds.length > 0) {
      await trx
        .insertInto('article_authors')
        .values(
          article.authorIds.map((authorId, position) => ({
            article_id: article.id,
            author_id: authorId,
            position,
            published_at: publishedAt,
          })),
        )
        .execute();
    }
  }

  async function writeRevision(trx: Transaction<Database>, article: Article, options: SaveOptions) {
    const row = {
      article_id: article.id,
      revision: article.revision,
      snapshot: jsonReusing(article, 'body'),
      saved_by: options.savedBy,
      saved_at: writeTime(options.at),
    };
    // The compiled insert runs on the repository's own handle: the transaction when it joined one.
    if (trx === db) await insertRevision(row);
    else await trx.insertInto('article_revisions').values(row).execute();
  }

  async function relationIds(article: Omit<Article, 'tagIds' | 'authorIds'>): Promise<Article> {
    const [tags, authors] = await Promise.all([
      db
        .selectFrom('article_tags')
        .select('tag_id')
        .where('article_id', '=', article.id)
        .orderBy('position')
        .execute(),
      db
        .selectFrom('article_authors')
        .select('author_id')
        .where('article_id', '=', article.id)
        .orderBy('position')
        .execute(),
    ]);
    return { ...article, tagIds: tags.map((t) => t.tag_id), authorIds: authors.map((a) => a.author_id) };
  }

  return {
    async findById(id) {
      if (!isArticleId(id)) return null;
      const row = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? relationIds(fromRow(row)) : null;
    },

    async findWithRelations(id) {
      if (!isArticleId(id)) return null;
      // The article page's read: two compiled-once queries (the row, then tags and authors).
      const row = (await articleWithAgency(id))[0];
      if (!row) return null;
      const tags: Tag[] = [];
      const authors: Author[] = [];
      for (const r of await relationsOf(id, id)) {
        if (r.kind === 'tag') tags.push({ id: r.id, siteId: r.site_id, slug: r.slug, name: r.name });
        else
          authors.push({
            id: r.id,
            siteId: r.site_id,
            slug: r.slug,
            name: r.name,
            title: r.title,
            bio: r.bio,
          });
      }
      const article: Article = {
        ...fromRow(row),
        tagIds: tags.map((t) => t.id),
        authorIds: authors.map((a) => a.id),
      };
      const agency =
        row.agency_id !== null && row.agency_name !== null
          ? {
              id: row.agency_id,
              siteId: row.site_id,
              slug: row.agency_slug!,
              name: row.agency_name,
              url: row.agency_url!,
            }
          : null;
      return { article, tags, authors, agency };
    },

    async tagsOf(articleId) {
      const rows = await db
        .selectFrom('article_tags')
        .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
        .select(['tags.id', 'tags.site_id', 'tags.slug', 'tags.name'])
        .where('article_tags.article_id', '=', articleId)
        .orderBy('article_tags.position')
        .execute();
      return rows.map((r) => ({ id: r.id, siteId: r.site_id, slug: r.slug, name: r.name }));
    },

    async authorsOf(articleId) {
      const rows = await db
        .selectFrom('article_authors')
        .innerJoin('authors', 'authors.id', 'article_authors.author_id')
        .select([
          'authors.id',
          'authors.site_id',
          'authors.slug',
          'authors.name',
          'authors.title',
          'authors.bio',
        ])
        .where('article_authors.article_id', '=', articleId)
        .orderBy('article_authors.position')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        siteId: r.site_id,
        slug: r.slug,
        name: r.name,
        title: r.title,
        bio: r.bio,
      }));
    },

    async agencyById(id) {
      const row = await db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? { id: row.id, siteId: row.site_id, slug: row.slug, name: row.name, url: row.url } : null;
    },

    async listVisible(query) {
      const page = Math.max(1, Math.floor(query.page ?? 1));
      const pageSize = Math.min(100, Math.max(1, Math.floor(query.pageSize ?? 20)));
      // One index range per list, read newest first and stopped after pageSize + 1 rows (the
      // extra row says whether an "Older" page follows): no count, no sort of the whole list.
      // A section family is one range per section, merged here: PostgreSQL and SQLite cannot
      // walk several ranges of one index in order for an IN list.
      const sectionRuns =
        query.sectionIds && query.tagId === undefined && query.authorId === undefined && !query.ids
          ? [...new Set(query.sectionIds)].map((id) => [id])
          : [query.sectionIds];
      const offset = query.before ? 0 : (page - 1) * pageSize;
      const runs = await Promise.all(
        sectionRuns.map((sectionIds) =>
          visibleTeasers(db, { ...query, sectionIds }, offset + pageSize + 1).execute(),
        ),
      );
      const rows =
        runs.length === 1
          ? runs[0]!
          : runs.flat().sort((a, b) => compareTimes(b.published_at, a.published_at) || b.id - a.id);
      const pageRows = rows.slice(offset, offset + pageSize);
      const items = pageRows.map(toTeaser);
      const last = items.at(-1);
      return {
        items,
        page,
        pageSize,
        next: rows.length > offset + pageSize && last ? { at: last.publishedAt, id: last.id } : null,
        before: query.before?.id ?? null,
      };
    },

    async countVisible(query) {
      const row = await whereVisible(db.selectFrom('articles'), query)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async positionOf(siteId, id) {
      if (!isArticleId(id)) return null;
      const row = await db
        .selectFrom('articles')
        .select(['id', 'published_at'])
        .where('id', '=', id)
        .where('site_id', '=', siteId)
        .where('published_at', 'is not', null)
        .executeTakeFirst();
      return row ? { at: readTime(row.published_at)!, id: row.id } : null;
    },

    async nextScheduledAfter(siteId, now) {
      const row = await db
        .selectFrom('articles')
        .select((eb) => eb.fn.min('published_at').as('next'))
        .where('site_id', '=', siteId)
        .where('status', '=', 'scheduled')
        .where('published_at', '>', writeTime(now))
        .executeTakeFirst();
      return readTime(row?.next as Date | string | null | undefined);
    },

    async listListings(query) {
      let select = db
        .selectFrom('articles')
        .select([
          'id',
          'site_id',
          'slug',
          'section_id',
          'headline',
          'featured_image',
          'published_at',
          'updated_at',
        ])
        .where('site_id', '=', query.siteId)
        .where('status', 'in', ['published', 'scheduled'])
        .where('published_at', '<=', writeTime(query.now));
      if (query.ids) select = select.where('id', '>=', query.ids.from).where('id', '<=', query.ids.to);
      if (query.publishedSince) select = select.where('published_at', '>=', writeTime(query.publishedSince));
      select = select.orderBy('published_at', 'desc').orderBy('id', 'desc');
      if (query.limit !== undefined) select = select.limit(Math.max(0, Math.floor(query.limit)));
      const rows = await select.execute();
      return rows.map((r) => ({
        id: r.id,
        siteId: r.site_id,
        slug: r.slug,
        sectionId: r.section_id,
        headline: r.headline,
        featuredImage: readJson<Image | null>(r.featured_image, null),
        publishedAt: readTime(r.published_at)!,
        updatedAt: readTime(r.updated_at),
      }));
    },

    async listingChunks(siteId, now, size) {
      if (!Number.isSafeInteger(size) || size < 1) {
        throw new RangeError(`chunk size must be a positive integer, not ${size}`);
      }
      // The same literal text in SELECT and GROUP BY: PostgreSQL would not match two parameters.
      const chunk = sql<number>`(${sql.ref('id')} - 1) / ${sql.lit(size)}`;
      const rows = await db
        .selectFrom('articles')
        .select((eb) => [
          chunk.as('chunk'),
          eb.fn.countAll<number>().as('n'),
          eb.fn.max(sql<string>`coalesce(${sql.ref('updated_at')}, ${sql.ref('published_at')})`).as('last'),
        ])
        .where('site_id', '=', siteId)
        .where('status', 'in', ['published', 'scheduled'])
        .where('published_at', '<=', writeTime(now))
        .groupBy(chunk)
        .orderBy(chunk)
        .execute();
      return rows.map((r) => ({
        index: Number(r.chunk),
        count: Number(r.n),
        lastModified: readTime(r.last as Date | string)!,
      }));
    },

    async listVisibleByCursor(query) {
      const limit = Math.min(100, Math.max(1, Math.floor(query.limit)));
      const { after, changedSince } = query;
      let select = whereVisible(db.selectFrom('articles'), query)
        .leftJoin('agencies', 'agencies.id', 'articles.agency_id')
        .selectAll('articles')
        .select((eb) => [
          'agencies.slug as agency_slug',
          'agencies.name as agency_name',
          'agencies.url as agency_url',
          changedAtSql(eb).as('changed_at'),
        ]);
      if (changedSince) {
        const since = writeTime(changedSince);
        select = select.where((eb) => eb(changedAtSql(eb), '>=', since));
        if (after) {
          const at = writeTime(after.at);
          select = select.where((eb) =>
            eb.or([
              eb(changedAtSql(eb), '>', at),
              eb.and([eb(changedAtSql(eb), '=', at), eb('articles.id', '>', after.id)]),
            ]),
          );
        }
        select = select.orderBy('changed_at', 'asc').orderBy('articles.id', 'asc');
      } else {
        select = newestFirst(select, 'articles.published_at', 'articles.id', after);
      }
      const rows = await select.limit(limit + 1).execute();
      const page = rows.slice(0, limit);
      const ids = page.map((r) => r.id);
      const [tagRows, authorRows] =
        ids.length === 0
          ? [[], []]
          : await Promise.all([
              db
                .selectFrom('article_tags')
                .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
                .select(['article_tags.article_id', 'tags.id', 'tags.site_id', 'tags.slug', 'tags.name'])
                .where('article_tags.article_id', 'in', ids)
                .orderBy('article_tags.article_id')
                .orderBy('article_tags.position')
                .execute(),
              db
                .selectFrom('article_authors')
                .innerJoin('authors', 'authors.id', 'article_authors.author_id')
                .select([
                  'article_authors.article_id',
                  'authors.id',
                  'authors.site_id',
                  'authors.slug',
                  'authors.name',
                  'authors.title',
                  'authors.bio',
                ])
                .where('article_authors.article_id', 'in', ids)
                .orderBy('article_authors.article_id')
                .orderBy('article_authors.position')
                .execute(),
            ]);
      const items = page.map((row): ArticleWithRelations => {
        const tags = tagRows
          .filter((t) => t.article_id === row.id)
          .map((t) => ({ id: t.id, siteId: t.site_id, slug: t.slug, name: t.name }));
        const authors = authorRows
          .filter((a) => a.article_id === row.id)
          .map((a) => ({
            id: a.id,
            siteId: a.site_id,
            slug: a.slug,
            name: a.name,
            title: a.title,
            bio: a.bio,
          }));
        const agency =
          row.agency_id !== null && row.agency_name !== null
            ? {
                id: row.agency_id,
                siteId: row.site_id,
                slug: row.agency_slug!,
                name: row.agency_name,
                url: row.agency_url!,
              }
            : null;
        const article: Article = {
          ...fromRow(row),
          tagIds: tags.map((t) => t.id),
          authorIds: authors.map((a) => a.id),
        };
        return { article, tags, authors, agency };
      });
      const last = rows.length > limit ? page.at(-1) : undefined;
      const next = last
        ? {
            at: readTime(changedSince ? (last.changed_at as Date | string) : last.published_at)!,
            id: last.id,
          }
        : null;
      return { items, next };
    },

    async findVisibleIdBySlug(siteId, slug, now) {
      const row = await db
        .selectFrom('articles')
        .select('id')
        .where('site_id', '=', siteId)
        .where('slug', '=', slug)
        .where('status', 'in', ['published', 'scheduled'])
        .where('published_at', '<=', writeTime(now))
        .orderBy('published_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row?.id ?? null;
    },

    async insert(article, options) {
      return inTransaction(async (trx) => {
        const row = { ...toRow(article), revision: 1, created_by: options.savedBy };
        const [inserted] =
          trx === db
            ? await insertArticle(row)
            : await trx.insertInto('articles').values(row).returning('id').execute();
        const { id } = inserted!;
        const saved: Article = { ...article, id, revision: 1, createdBy: options.savedBy };
        await writeRelations(trx, saved, true);
        await writeRevision(trx, saved, options);
        return saved;
      });
    },

    async update(article, expectedRevision, options) {
      return inTransaction(async (trx) => {
        const saved: Article = { ...article, revision: expectedRevision + 1 };
        const result = await trx
          .updateTable('articles')
          .set({ ...toRow(saved), revision: saved.revision })
          .where('id', '=', article.id)
          .where('revision', '=', expectedRevision)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) {
          throw new ContentError.RevisionConflict(
            `Article ${article.id} was saved by someone else since revision ${expectedRevision}; reload it and try again.`,
          );
        }
        await writeRelations(trx, saved);
        await writeRevision(trx, saved, options);
        return saved;
      });
    },

    async revisions(articleId) {
      const rows = await db
        .selectFrom('article_revisions')
        .selectAll()
        .where('article_id', '=', articleId)
        .orderBy('revision', 'desc')
        .execute();
      return rows.map((r) => ({
        articleId: r.article_id,
        revision: r.revision,
        savedAt: readTime(r.saved_at)!,
        savedBy: r.saved_by,
        snapshot: reviveSnapshot(readJson<Record<string, unknown>>(r.snapshot, {})),
      }));
    },

    async listForNewsroom(query) {
      const page = Math.max(1, Math.floor(query.page ?? 1));
      const pageSize = Math.min(100, Math.max(1, Math.floor(query.pageSize ?? 20)));
      let base = db.selectFrom('articles');
      if (query.siteId !== undefined) base = base.where('site_id', '=', query.siteId);
      if (query.status !== undefined) base = base.where('status', '=', query.status);
      if (query.sectionIds) base = base.where('section_id', 'in', [...query.sectionIds, -1]);
      if (query.headlineContains) {
        // LIKE's wildcards in the text are matched literally; lower() on both sides because
        // PostgreSQL's LIKE is case-sensitive and SQLite's is not.
        const pattern = `%${query.headlineContains.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        base = base.where(sql<boolean>`lower(${sql.ref('headline')}) like ${pattern} escape '\\'`);
      }
      const [rows, count] = await Promise.all([
        base
          .select([
            'id',
            'site_id',
            'section_id',
            'slug',
            'headline',
            'status',
            'published_at',
            'updated_at',
            'revision',
            'created_by',
            'modified_at',
          ])
          .orderBy('modified_at', 'desc')
          .orderBy('id', 'desc')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return {
        items: rows.map((r) => ({
          id: r.id,
          siteId: r.site_id,
          sectionId: r.section_id,
          slug: r.slug,
          headline: r.headline,
          status: r.status,
          publishedAt: readTime(r.published_at),
          updatedAt: readTime(r.updated_at),
          revision: r.revision,
          createdBy: r.created_by,
          modifiedAt: readTime(r.modified_at)!,
        })),
        total: Number(count.n),
        page,
        pageSize,
      };
    },
  };
}

/**
 * When an article last changed for API readers: the latest of its last save, its publication
 * (a scheduled article changes when it comes due) and its visible update. `changedAtSql` is the
 * same rule in SQL; keep the two together.
 */
export function articleChangedAt(article: Pick<Article, 'modifiedAt' | 'publishedAt' | 'updatedAt'>): Date {
  const times = [article.modifiedAt, article.publishedAt, article.updatedAt].filter((t) => t !== null);
  return new Date(Math.max(...times.map((t) => t.getTime())));
}

function changedAtSql(eb: ExpressionBuilder<Database, 'articles'>) {
  // CASE rather than greatest()/max(): the same text on both dialects, and NULL-safe.
  const savedOrDue = eb
    .case()
    .when('articles.published_at', '>', eb.ref('articles.modified_at'))
    .then(eb.ref('articles.published_at'))
    .else(eb.ref('articles.modified_at'))
    .end();
  return eb
    .case()
    .when('articles.updated_at', '>', savedOrDue)
    .then(eb.ref('articles.updated_at'))
    .else(savedOrDue)
    .end();
}

/** One site's visible articles, narrowed to any of some sections, a tag and an author. */
function whereVisible<O>(
  select: SelectQueryBuilder<Database, 'articles', O>,
  query: Pick<CursorQuery, 'siteId' | 'now' | 'sectionIds' | 'tagId' | 'authorId' | 'ids'>,
): SelectQueryBuilder<Database, 'articles', O> {
  let narrowed = select
    .where('articles.site_id', '=', query.siteId)
    .where('articles.status', 'in', ['published', 'scheduled'])
    .where('articles.published_at', '<=', writeTime(query.now));
  if (query.sectionIds) narrowed = narrowed.where('articles.section_id', 'in', [...query.sectionIds, -1]);
  if (query.ids) narrowed = narrowed.where('articles.id', 'in', [...query.ids, -1]);
  const { tagId, authorId } = query;
  if (tagId !== undefined) {
    narrowed = narrowed.where((eb) =>
      eb.exists(
        eb
          .selectFrom('article_tags')
          .select('article_tags.article_id')
          .whereRef('article_tags.article_id', '=', 'articles.id')
          .where('article_tags.tag_id', '=', tagId),
      ),
    );
  }
  if (authorId !== undefined) {
    narrowed = narrowed.where((eb) =>
      eb.exists(
        eb
          .selectFrom('article_authors')
          .select('article_authors.article_id')
          .whereRef('article_authors.article_id', '=', 'articles.id')
          .where('article_authors.author_id', '=', authorId),
      ),
    );
  }
  return narrowed;
}

/**
 * The columns a teaser is read from, with `toTeaser` the one mapping of them: every list of
 * teasers (listings here, search hits) selects these over `articles` left-joined to `agencies`.
 */
export const teaserColumns = [
  'articles.id',
  'articles.site_id',
  'articles.slug',
  'articles.headline',
  'articles.summary',
  'articles.section_id',
  'articles.featured_image',
  'articles.published_at',
  'agencies.name as agency_name',
] as const;

/** A row of `teaserColumns`. */
export interface TeaserRow {
  readonly id: number;
  readonly site_id: number;
  readonly slug: string;
  readonly headline: string;
  readonly summary: string;
  readonly section_id: number;
  readonly featured_image: unknown;
  readonly published_at: Date | string | null;
  readonly agency_name: string | null;
}

export function toTeaser(r: TeaserRow): ArticleTeaser {
  return {
    id: r.id,
    siteId: r.site_id,
    slug: r.slug,
    headline: r.headline,
    summary: r.summary,
    sectionId: r.section_id,
    featuredImage: readJson<Image | null>(r.featured_image, null),
    publishedAt: readTime(r.published_at)!,
    agencyName: r.agency_name,
  };
}

/**
 * Newest first by (`at`, `id`), after `before` when given. The keyset is written as
 * `at <= t and (at < t or id < before)`: the first half bounds the index range, the second breaks
 * ties, so a deep page starts where the index says instead of filtering from the newest row.
 */
function newestFirst<DB, TB extends keyof DB, O>(
  select: SelectQueryBuilder<DB, TB, O>,
  at: string,
  id: string,
  before: ArticlePosition | undefined,
): SelectQueryBuilder<DB, TB, O> {
  let ordered = select;
  if (before) {
    const time = writeTime(before.at);
    ordered = ordered.where(
      sql<SqlBool>`${sql.ref(at)} <= ${time} and (${sql.ref(at)} < ${time} or ${sql.ref(id)} < ${before.id})`,
    );
  }
  return ordered.orderBy(sql.ref(at), 'desc').orderBy(sql.ref(id), 'desc');
}

/**
 * The newest `limit` teasers of one list, after `query.before` when given. A tag or author list
 * walks its own rows' copy of published_at (index `(tag_id, published_at, article_id)`, 0017) and
 * joins each of its `limit` rows to `articles` by id; any other list walks
 * `articles (site_id | section_id, published_at, id)`.
 */
function visibleTeasers(db: Kysely<Database>, query: ListQuery, limit: number) {
  const now = writeTime(query.now);
  let select = db
    .selectFrom('articles')
    .leftJoin('agencies', 'agencies.id', 'articles.agency_id')
    .select(teaserColumns)
    .where('articles.site_id', '=', query.siteId)
    .where('articles.status', 'in', ['published', 'scheduled'])
    .where('articles.published_at', '<=', now);
  if (query.sectionIds) {
    const ids = query.sectionIds;
    select =
      ids.length === 1
        ? select.where('articles.section_id', '=', ids[0]!)
        : select.where('articles.section_id', 'in', [...ids, -1]);
  }
  if (query.excludeIds && query.excludeIds.length > 0)
    select = select.where('articles.id', 'not in', query.excludeIds);
  if (query.ids) select = select.where('articles.id', 'in', [...query.ids, -1]);
  const { tagId, authorId } = query;
  if (tagId === undefined && authorId === undefined)
    return newestFirst(select, 'articles.published_at', 'articles.id', query.before).limit(limit);
  // The link row's own copy of the time orders the walk; the article's decides visibility
  // (the two are written together, so they agree). A list of both a tag and an author walks the
  // tag's rows and checks the author.
  let linked =
    tagId !== undefined
      ? select.innerJoin('article_tags as l', 'l.article_id', 'articles.id').where('l.tag_id', '=', tagId)
      : select
          .innerJoin('article_authors as l', 'l.article_id', 'articles.id')
          .where('l.author_id', '=', authorId!);
  linked = linked.where('l.published_at', '<=', now);
  if (tagId !== undefined && authorId !== undefined) {
    linked = linked.where((eb) =>
      eb.exists(
        eb
          .selectFrom('article_authors')
          .select('article_authors.article_id')
          .whereRef('article_authors.article_id', '=', 'articles.id')
          .where('article_authors.author_id', '=', authorId),
      ),
    );
  }
  return newestFirst(linked, 'l.published_at', 'l.article_id', query.before).limit(limit);
}

function compareTimes(a: Date | string | null, b: Date | string | null): number {
  return (readTime(a)?.getTime() ?? 0) - (readTime(b)?.getTime() ?? 0);
}

function toRow(article: Article) {
  return {
    site_id: article.siteId,
    section_id: article.sectionId,
    slug: article.slug,
    headline: article.headline,
    summary: article.summary,
    body: jsonOnce(article.body),
    agency_id: article.agencyId,
    rights_line: article.rightsLine,
    byline_text: article.bylineText,
    dateline_place: article.datelinePlace,
    keywords: JSON.stringify(article.keywords),
    featured_image: JSON.stringify(article.featuredImage),
    status: article.status,
    published_at: article.publishedAt ? writeTime(article.publishedAt) : null,
    updated_at: article.updatedAt ? writeTime(article.updatedAt) : null,
    comments_enabled: article.commentsEnabled ? 1 : 0,
    created_at: writeTime(article.createdAt),
    modified_at: writeTime(article.modifiedAt),
  };
}

function fromRow(row: ArticleRow): Omit<Article, 'tagIds' | 'authorIds'> {
  return {
    id: row.id,
    siteId: row.site_id,
    sectionId: row.section_id,
    slug: row.slug,
    headline: row.headline,
    summary: row.summary,
    body: readJson<Block[]>(row.body, []),
    agencyId: row.agency_id,
    rightsLine: row.rights_line,
    bylineText: row.byline_text ?? null,
    datelinePlace: row.dateline_place ?? null,
    keywords: readJson<string[]>(row.keywords, []),
    featuredImage: readJson<Image | null>(row.featured_image, null),
    status: row.status,
    publishedAt: readTime(row.published_at),
    updatedAt: readTime(row.updated_at),
    commentsEnabled: Boolean(row.comments_enabled),
    revision: row.revision,
    createdAt: readTime(row.created_at)!,
    modifiedAt: readTime(row.modified_at)!,
    createdBy: row.created_by,
  };
}

function reviveSnapshot(raw: Record<string, unknown>): Article {
  const time = (v: unknown) => (typeof v === 'string' ? new Date(v) : null);
  return {
    ...(raw as unknown as Article),
    publishedAt: time(raw.publishedAt),
    updatedAt: time(raw.updatedAt),
    createdAt: time(raw.createdAt)!,
    modifiedAt: time(raw.modifiedAt)!,
    // Revisions saved before 0018 have no byline or dateline place.
    bylineText: typeof raw.bylineText === 'string' ? raw.bylineText : null,
    datelinePlace: typeof raw.datelinePlace === 'string' ? raw.datelinePlace : null,
    // Revisions saved before ownership was recorded have no createdBy.
    createdBy: typeof raw.createdBy === 'number' ? raw.createdBy : null,
  };
}

/** Ids are 32-bit on PostgreSQL (serial); anything outside that range names no article. */
export function isArticleId(id: number): boolean {
  return Number.isInteger(id) && id > 0 && id <= 2_147_483_647;
}
