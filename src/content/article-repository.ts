import type { Kysely, Selectable, Transaction } from 'kysely';
import { readJson, readTime, writeTime } from '../platform/database/dialect.ts';
import type { ArticlesTable, Database } from '../platform/database/schema.ts';
import { ContentError } from './errors.ts';
import type { Agency, Article, ArticleTeaser, Author, Block, Image, Page, Revision, Tag } from './model.ts';

export interface ListQuery {
  readonly siteId: number;
  readonly now: Date;
  /** Any of these sections (a front lists its subsections' articles too). */
  readonly sectionIds?: readonly number[];
  readonly tagId?: number;
  readonly authorId?: number;
  readonly excludeIds?: readonly number[];
  readonly page?: number;
  readonly pageSize?: number;
}

export interface SaveOptions {
  /** The staff user saving, or null for the system (seeding, wire ingestion). */
  readonly savedBy: number | null;
  readonly at: Date;
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
  /** Visible articles, newest first. */
  listVisible(query: ListQuery): Promise<Page<ArticleTeaser>>;
  /** The earliest scheduled publication after `now` on a site, so caches know when lists change. */
  nextScheduledAfter(siteId: number, now: Date): Promise<Date | null>;
  insert(article: Article, options: SaveOptions): Promise<Article>;
  /** Saves over `expectedRevision`; refuses with CONTENT_REVISION_CONFLICT if someone saved since. */
  update(article: Article, expectedRevision: number, options: SaveOptions): Promise<Article>;
  revisions(articleId: number): Promise<Revision[]>;
}

type ArticleRow = Selectable<ArticlesTable>;

export function createArticleRepository(db: Kysely<Database>): ArticleRepository {
  async function writeRelations(trx: Transaction<Database>, article: Article): Promise<void> {
    await trx.deleteFrom('article_tags').where('article_id', '=', article.id).execute();
    await trx.deleteFrom('article_authors').where('article_id', '=', article.id).execute();
    if (article.tagIds.length > 0) {
      await trx
        .insertInto('article_tags')
        .values(
          article.tagIds.map((tagId, position) => ({ article_id: article.id, tag_id: tagId, position })),
        )
        .execute();
    }
    if (article.authorIds.length > 0) {
      await trx
        .insertInto('article_authors')
        .values(
          article.authorIds.map((authorId, position) => ({
            article_id: article.id,
            author_id: authorId,
            position,
          })),
        )
        .execute();
    }
  }

  async function writeRevision(trx: Transaction<Database>, article: Article, options: SaveOptions) {
    await trx
      .insertInto('article_revisions')
      .values({
        article_id: article.id,
        revision: article.revision,
        snapshot: JSON.stringify(article),
        saved_by: options.savedBy,
        saved_at: writeTime(options.at),
      })
      .execute();
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
      if (!Number.isSafeInteger(id) || id <= 0) return null;
      const row = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? relationIds(fromRow(row)) : null;
    },

    async findWithRelations(id) {
      if (!Number.isSafeInteger(id) || id <= 0) return null;
      const row = await db
        .selectFrom('articles')
        .leftJoin('agencies', 'agencies.id', 'articles.agency_id')
        .selectAll('articles')
        .select([
          'agencies.slug as agency_slug',
          'agencies.name as agency_name',
          'agencies.url as agency_url',
        ])
        .where('articles.id', '=', id)
        .executeTakeFirst();
      if (!row) return null;
      const [tags, authors] = await Promise.all([this.tagsOf(id), this.authorsOf(id)]);
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
      let base = db
        .selectFrom('articles')
        .where('articles.site_id', '=', query.siteId)
        .where('articles.status', 'in', ['published', 'scheduled'])
        .where('articles.published_at', '<=', writeTime(query.now));
      if (query.sectionIds) base = base.where('articles.section_id', 'in', [...query.sectionIds, -1]);
      if (query.tagId !== undefined) {
        const tagId = query.tagId;
        base = base.where((eb) =>
          eb.exists(
            eb
              .selectFrom('article_tags')
              .select('article_tags.article_id')
              .whereRef('article_tags.article_id', '=', 'articles.id')
              .where('article_tags.tag_id', '=', tagId),
          ),
        );
      }
      if (query.authorId !== undefined) {
        const authorId = query.authorId;
        base = base.where((eb) =>
          eb.exists(
            eb
              .selectFrom('article_authors')
              .select('article_authors.article_id')
              .whereRef('article_authors.article_id', '=', 'articles.id')
              .where('article_authors.author_id', '=', authorId),
          ),
        );
      }
      if (query.excludeIds && query.excludeIds.length > 0)
        base = base.where('articles.id', 'not in', query.excludeIds);
      const [rows, count] = await Promise.all([
        base
          .leftJoin('agencies', 'agencies.id', 'articles.agency_id')
          .select([
            'articles.id',
            'articles.site_id',
            'articles.slug',
            'articles.headline',
            'articles.summary',
            'articles.section_id',
            'articles.featured_image',
            'articles.published_at',
            'agencies.name as agency_name',
          ])
          .orderBy('articles.published_at', 'desc')
          .orderBy('articles.id', 'desc')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return {
        items: rows.map((r) => ({
          id: r.id,
          siteId: r.site_id,
          slug: r.slug,
          headline: r.headline,
          summary: r.summary,
          sectionId: r.section_id,
          featuredImage: readJson<Image | null>(r.featured_image, null),
          publishedAt: readTime(r.published_at)!,
          agencyName: r.agency_name,
        })),
        total: Number(count.n),
        page,
        pageSize,
      };
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

    async insert(article, options) {
      return db.transaction().execute(async (trx) => {
        const { id } = await trx
          .insertInto('articles')
          .values({ ...toRow(article), revision: 1 })
          .returning('id')
          .executeTakeFirstOrThrow();
        const saved: Article = { ...article, id, revision: 1 };
        await writeRelations(trx, saved);
        await writeRevision(trx, saved, options);
        return saved;
      });
    },

    async update(article, expectedRevision, options) {
      return db.transaction().execute(async (trx) => {
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
  };
}

function toRow(article: Article) {
  return {
    site_id: article.siteId,
    section_id: article.sectionId,
    slug: article.slug,
    headline: article.headline,
    summary: article.summary,
    body: JSON.stringify(article.body),
    agency_id: article.agencyId,
    rights_line: article.rightsLine,
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
    keywords: readJson<string[]>(row.keywords, []),
    featuredImage: readJson<Image | null>(row.featured_image, null),
    status: row.status,
    publishedAt: readTime(row.published_at),
    updatedAt: readTime(row.updated_at),
    commentsEnabled: Boolean(row.comments_enabled),
    revision: row.revision,
    createdAt: readTime(row.created_at)!,
    modifiedAt: readTime(row.modified_at)!,
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
  };
}
