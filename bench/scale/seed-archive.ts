// Seeds a large archive for the scale benchmark straight into the tables, the way a bulk import
// should: rows generated here and written in large statements with explicit ids (PostgreSQL:
// one `INSERT … SELECT FROM unnest(arrays)` per 5,000 articles, written while the next batch is
// generated; SQLite: prepared 500-row statements in 50,000-row transactions with synchronous off
// and a large page cache), with the secondary indexes of the bulk tables dropped first and built
// once afterwards, then the search documents, then ANALYZE. The demo publisher comes first (sites,
// sections, agencies), then more tags and authors, then the articles. The rows are the ones the
// content service would write (the link rows carry the article's published_at, migration 0017).
import SQLite from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import { seedDemo } from '../../src/content/demo/index.ts';
import { type ContentService, type Section, type Site, slugify } from '../../src/content/index.ts';
import type { Database } from '../../src/platform/database/schema.ts';
import type { DatabaseHandle } from '../../src/platform/index.ts';
import { createSearchService } from '../../src/search/index.ts';
import { drawZipf, type Rng, rng, sentence, type Vocabulary, vocabulary, zipfTable } from './text.ts';

const day = 86_400_000;
/** A busy publisher: about 340 articles a day over three brands, so a million is eight years. */
export const articlesPerDay = 342;
const tagsPerSite = 1_500;
const authorsPerSite = 80;
const bulkTables = ['articles', 'article_tags', 'article_authors', 'search_documents'] as const;

export interface SiteTaxonomy {
  readonly site: Site;
  readonly sections: readonly Section[];
  readonly tagIds: readonly number[];
  readonly authorIds: readonly number[];
  readonly agencies: readonly { id: number; name: string }[];
}

export interface SeedReport {
  readonly taxonomy: readonly SiteTaxonomy[];
  /** Generating and writing the rows. */
  readonly insertMs: number;
  /** Building the secondary indexes, the search documents and their index, and ANALYZE. */
  readonly indexMs: number;
}

/** One batch of generated articles, column by column (what both writers want). */
interface Batch {
  readonly n: number;
  readonly id: number[];
  readonly siteId: number[];
  readonly sectionId: number[];
  readonly slug: string[];
  readonly headline: string[];
  readonly summary: string[];
  readonly body: string[];
  readonly agencyId: (number | null)[];
  readonly rightsLine: (string | null)[];
  readonly status: string[];
  readonly publishedAt: (string | null)[];
  readonly createdAt: string[];
  readonly tags: LinkRows;
  readonly authors: LinkRows;
}

interface LinkRows {
  readonly articleId: number[];
  readonly otherId: number[];
  readonly position: number[];
  readonly publishedAt: (string | null)[];
}

const emptyLinks = (): LinkRows => ({ articleId: [], otherId: [], position: [], publishedAt: [] });

/**
 * `count` articles ending at `now`, oldest first (ids grow with time, as in a real archive), 2% of
 * them back-dated (late wire copy), 1% drafts, 0.5% unpublished, 0.5% scheduled ahead.
 */
export async function seedArchive(
  handle: DatabaseHandle,
  content: ContentService,
  options: { count: number; now: Date; progress?: (line: string) => void },
): Promise<SeedReport> {
  const { db } = handle;
  const { count, now } = options;
  const random = rng(42);
  const vocab = vocabulary(random);
  const t0 = performance.now();
  const step = (line: string) =>
    options.progress?.(`${line} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  await seedDemo(content, { now });
  const taxonomy = await growTaxonomy(db, content, vocab.words);
  // Half the articles on the main brand, a quarter on each of the others.
  const siteTable = weightedTable(taxonomy.map((_, i) => (i === 0 ? 2 : 1)));
  const tagTable = zipfTable(tagsPerSite, 0.9);
  const { max } = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.max('id').as('max'))
    .executeTakeFirstOrThrow();
  const firstId = Number(max ?? 0) + 1;
  const indexes = await dropSecondaryIndexes(handle);
  const generator = { count, now, random, vocab, taxonomy, siteTable, tagTable, firstId };
  const batches = function* (size: number) {
    for (let from = 0; from < count; from += size)
      yield generateBatch(generator, from, Math.min(count, from + size));
  };
  const progress = (done: number) => step(`${done.toLocaleString('en-US')} articles`);
  if (handle.caps.name === 'sqlite') await writeSqlite(db, batches(500), progress);
  else await writePostgres(db, batches(5000), progress);
  const inserted = performance.now();
  step('indexes');
  const isSearch = (i: IndexDefinition) => i.table === 'search_documents';
  await createIndexes(
    handle,
    indexes.filter((i) => !isSearch(i)),
  );
  step('search documents');
  await buildSearchDocuments(handle, indexes.filter(isSearch));
  step('analyze');
  if (handle.caps.name === 'sqlite') {
    await sql`pragma analysis_limit = 1000`.execute(db);
    await sql`analyze`.execute(db);
  } else {
    // VACUUM as well: it sets the visibility map, without which an index-only scan of the link
    // rows still visits the heap for every row (autovacuum would do it later on a live install).
    await sql`vacuum (analyze)`.execute(db);
  }
  // Written last: a kept archive without it was interrupted and is seeded again.
  await sql`create table scale_seeded (articles integer not null)`.execute(db);
  await sql`insert into scale_seeded (articles) values (${count})`.execute(db);
  return { taxonomy, insertMs: inserted - t0, indexMs: performance.now() - inserted };
}

/** The size of an archive seedArchive finished in this database, or null. */
export async function seededSize(db: Kysely<Database>): Promise<number | null> {
  try {
    const { rows } = await sql<{ articles: number }>`select articles from scale_seeded`.execute(db);
    return rows[0] ? Number(rows[0].articles) : null;
  } catch {
    return null;
  }
}

/** A finished archive's brands, sections, tags, authors and agencies, as seedArchive returned them. */
export async function readTaxonomy(db: Kysely<Database>, content: ContentService): Promise<SiteTaxonomy[]> {
  const taxonomy: SiteTaxonomy[] = [];
  for (const site of content.sites) {
    const ids = async (table: 'tags' | 'authors') =>
      (await db.selectFrom(table).select('id').where('site_id', '=', site.id).orderBy('id').execute()).map(
        (r) => r.id,
      );
    taxonomy.push({
      site,
      sections: content.sections(site.id),
      tagIds: await ids('tags'),
      authorIds: await ids('authors'),
      agencies: await db
        .selectFrom('agencies')
        .select(['id', 'name'])
        .where('site_id', '=', site.id)
        .execute(),
    });
  }
  return taxonomy;
}

function generateBatch(
  o: {
    count: number;
    now: Date;
    random: Rng;
    vocab: Vocabulary;
    taxonomy: readonly SiteTaxonomy[];
    siteTable: Uint32Array;
    tagTable: Uint32Array;
    firstId: number;
  },
  from: number,
  to: number,
): Batch {
  const { random, vocab } = o;
  const b: Batch = {
    n: to - from,
    id: [],
    siteId: [],
    sectionId: [],
    slug: [],
    headline: [],
    summary: [],
    body: [],
    agencyId: [],
    rightsLine: [],
    status: [],
    publishedAt: [],
    createdAt: [],
    tags: emptyLinks(),
    authors: emptyLinks(),
  };
  const nowMs = o.now.getTime();
  for (let i = from; i < to; i++) {
    const id = o.firstId + i;
    const t = o.taxonomy[drawZipf(o.siteTable, random)]!;
    const section = random.pick(t.sections);
    // Article i of count, oldest first; the newest is a few minutes before now.
    let at = nowMs - ((o.count - i) / articlesPerDay) * day + random.int(0, 60_000);
    const roll = random.next();
    if (roll < 0.02) at -= random.int(1, 400) * day; // back-dated: ids no longer follow time
    let status = 'published';
    if (roll >= 0.02 && roll < 0.03) status = 'draft';
    else if (roll < 0.035) status = 'unpublished';
    else if (roll < 0.04 && o.count - i < 500) {
      status = 'scheduled';
      at = nowMs + random.int(1, 72) * 3_600_000;
    }
    const publishedAt = status === 'draft' ? null : new Date(at).toISOString();
    const wire = random.next() < 0.3 ? random.pick(t.agencies) : null;
    const body = [];
    for (let p = random.int(3, 5); p > 0; p--) {
      body.push({
        type: 'paragraph',
        text: `${sentence(vocab, random, 8, 16)}. ${sentence(vocab, random, 8, 16)}.`,
      });
    }
    const headline = sentence(vocab, random, 6, 12);
    b.id.push(id);
    b.siteId.push(t.site.id);
    b.sectionId.push(section.id);
    // The content service's slugs (ASCII): raw UTF-8 in a request line is refused with 400.
    b.slug.push(slugify(headline.split(' ', 6).join(' ')));
    b.headline.push(headline);
    b.summary.push(`${sentence(vocab, random, 12, 24)}.`);
    b.body.push(JSON.stringify(body));
    b.agencyId.push(wire?.id ?? null);
    b.rightsLine.push(wire ? `© ${new Date(at).getUTCFullYear()} ${wire.name}. All rights reserved.` : null);
    b.status.push(status);
    b.publishedAt.push(publishedAt);
    b.createdAt.push(new Date(Math.min(at, nowMs)).toISOString());
    const tagIds = new Set<number>();
    for (let k = random.int(1, 4); k > 0; k--) tagIds.add(t.tagIds[drawZipf(o.tagTable, random)]!);
    const authorIds = wire
      ? []
      : random.next() < 0.8
        ? [random.pick(t.authorIds)]
        : [random.pick(t.authorIds), random.pick(t.authorIds)];
    for (const [links, others] of [
      [b.tags, [...tagIds]],
      [b.authors, [...new Set(authorIds)]],
    ] as const) {
      others.forEach((other, position) => {
        links.articleId.push(id);
        links.otherId.push(other);
        links.position.push(position);
        links.publishedAt.push(publishedAt);
      });
    }
  }
  return b;
}

const articleColumns = `id, site_id, section_id, slug, headline, summary, body, agency_id, rights_line,
  keywords, featured_image, status, published_at, updated_at, comments_enabled, revision, created_at,
  modified_at, created_by`;

/**
 * PostgreSQL: one statement per batch and table, each column one array parameter, on one
 * connection with synchronous commit off and (as a superuser) foreign-key triggers off; the next
 * batch is generated while the server writes the last.
 */
async function writePostgres(
  db: Kysely<Database>,
  batches: Iterable<Batch>,
  progress: (done: number) => void,
) {
  await db.connection().execute(async (conn) => {
    await sql`set synchronous_commit = off`.execute(conn);
    const { rows } = await sql<{ super: boolean }>`select rolsuper as super from pg_roles
      where rolname = current_user`.execute(conn);
    if (rows[0]?.super) await sql`set session_replication_role = replica`.execute(conn);
    let pending: Promise<unknown> = Promise.resolve();
    let done = 0;
    try {
      for (const b of batches) {
        await pending;
        if (done > 0 && done % 50_000 === 0) progress(done);
        done += b.n;
        const links = (table: 'article_tags' | 'article_authors', key: string, l: LinkRows) =>
          l.articleId.length === 0
            ? Promise.resolve()
            : sql`insert into ${sql.table(table)} (article_id, ${sql.ref(key)}, position, published_at)
                select * from unnest(${l.articleId}::int[], ${l.otherId}::int[], ${l.position}::int[],
                  ${l.publishedAt}::timestamptz[])`.execute(conn);
        pending = (async () => {
          await sql`insert into articles (${sql.raw(articleColumns)})
            select id, site_id, section_id, slug, headline, summary, body::jsonb, agency_id, rights_line,
              '[]'::jsonb, 'null'::jsonb, status, published_at, null, 1, 1, created_at, created_at, null
            from unnest(${b.id}::int[], ${b.siteId}::int[], ${b.sectionId}::int[], ${b.slug}::text[],
              ${b.headline}::text[], ${b.summary}::text[], ${b.body}::text[], ${b.agencyId}::int[],
              ${b.rightsLine}::text[], ${b.status}::text[], ${b.publishedAt}::timestamptz[],
              ${b.createdAt}::timestamptz[])
              as t(id, site_id, section_id, slug, headline, summary, body, agency_id, rights_line,
                status, published_at, created_at)`.execute(conn);
          await links('article_tags', 'tag_id', b.tags);
          await links('article_authors', 'author_id', b.authors);
        })();
        // An unhandled rejection would end the process before the await above sees it.
        pending.catch(() => {});
      }
      await pending;
      progress(done);
      await sql`select setval(pg_get_serial_sequence('articles', 'id'), (select max(id) from articles))`.execute(
        conn,
      );
    } finally {
      await sql`reset session_replication_role`.execute(conn);
      await sql`reset synchronous_commit`.execute(conn);
    }
  });
}

/**
 * SQLite: a second connection to the same file with synchronous off, foreign keys off and a 1 GB
 * page cache, prepared 500-row statements, a transaction per 50,000 articles.
 */
async function writeSqlite(db: Kysely<Database>, batches: Iterable<Batch>, progress: (done: number) => void) {
  const { rows } = await sql<{
    file: string;
  }>`select file from pragma_database_list where name = 'main'`.execute(db);
  const connection = new SQLite(rows[0]!.file);
  try {
    connection.pragma('synchronous = OFF');
    connection.pragma('foreign_keys = OFF');
    connection.pragma('cache_size = -1000000');
    connection.pragma('temp_store = MEMORY');
    const statements = new Map<string, SQLite.Statement>();
    const prepared = (key: string, rowCount: number, columns: number, make: (values: string) => string) => {
      const name = `${key}:${rowCount}`;
      let statement = statements.get(name);
      if (!statement) {
        const row = `(${Array.from({ length: columns }, () => '?').join(', ')})`;
        statement = connection.prepare(make(Array.from({ length: rowCount }, () => row).join(', ')));
        statements.set(name, statement);
      }
      return statement;
    };
    const writeLinks = (table: string, key: string, l: LinkRows) => {
      for (let s = 0; s < l.articleId.length; s += 1000) {
        const e = Math.min(l.articleId.length, s + 1000);
        const values: unknown[] = [];
        for (let k = s; k < e; k++)
          values.push(l.articleId[k], l.otherId[k], l.position[k], l.publishedAt[k]);
        prepared(
          table,
          e - s,
          4,
          (v) => `insert into ${table} (article_id, ${key}, position, published_at) values ${v}`,
        ).run(values);
      }
    };
    const writeBatch = (b: Batch) => {
      const values: unknown[] = [];
      for (let k = 0; k < b.n; k++) {
        values.push(
          b.id[k],
          b.siteId[k],
          b.sectionId[k],
          b.slug[k],
          b.headline[k],
          b.summary[k],
          b.body[k],
          b.agencyId[k],
          b.rightsLine[k],
          b.status[k],
          b.publishedAt[k],
          b.createdAt[k],
        );
      }
      prepared(
        'articles',
        b.n,
        12,
        (v) =>
          `insert into articles (${articleColumns})
          select column1, column2, column3, column4, column5, column6, column7, column8, column9,
            '[]', 'null', column10, column11, null, 1, 1, column12, column12, null
          from (values ${v})`,
      ).run(values);
      writeLinks('article_tags', 'tag_id', b.tags);
      writeLinks('article_authors', 'author_id', b.authors);
    };
    let done = 0;
    let open = false;
    for (const b of batches) {
      if (!open) {
        connection.exec('begin');
        open = true;
      }
      writeBatch(b);
      done += b.n;
      if (done % 50_000 === 0) {
        connection.exec('commit');
        open = false;
        progress(done);
        // Lets the progress line and timers run between transactions.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    if (open) connection.exec('commit');
    progress(done);
  } finally {
    connection.close();
  }
}

/**
 * The bulk tables' secondary indexes (not those behind primary keys or unique constraints), dropped
 * so the rows go in without maintaining them; returns the statements that build them again.
 */
interface IndexDefinition {
  readonly table: string;
  readonly definition: string;
}

async function dropSecondaryIndexes(handle: DatabaseHandle): Promise<IndexDefinition[]> {
  const { db } = handle;
  const tables = sql.join(bulkTables.map((t) => sql.lit(t)));
  const { rows } =
    handle.caps.name === 'sqlite'
      ? await sql<{ name: string; table: string; definition: string }>`select name, tbl_name as "table",
          sql as definition from sqlite_master
          where type = 'index' and tbl_name in (${tables}) and sql is not null`.execute(db)
      : await sql<{ name: string; table: string; definition: string }>`select i.indexname as name,
          i.tablename as "table", i.indexdef as definition
          from pg_indexes as i where i.schemaname = current_schema() and i.tablename in (${tables})
          and not exists (select 1 from pg_constraint as c where c.conname = i.indexname)`.execute(db);
  for (const { name } of rows) await sql`drop index ${sql.ref(name)}`.execute(db);
  return rows.map((r) => ({ table: r.table, definition: r.definition }));
}

async function createIndexes(handle: DatabaseHandle, indexes: readonly IndexDefinition[]) {
  const definitions = indexes.map((i) => i.definition);
  if (handle.caps.name === 'sqlite') {
    await sql`pragma cache_size = -1000000`.execute(handle.db);
    for (const definition of definitions) await sql.raw(definition).execute(handle.db);
    await sql`pragma cache_size = -2000`.execute(handle.db);
    return;
  }
  await handle.db.connection().execute(async (conn) => {
    await sql`set maintenance_work_mem = '512MB'`.execute(conn);
    for (const definition of definitions) await sql.raw(definition).execute(conn);
    await sql`reset maintenance_work_mem`.execute(conn);
  });
}

/** The demo's tags and authors plus generated ones, so tag pages range from huge to tiny. */
async function growTaxonomy(db: Kysely<Database>, content: ContentService, words: readonly string[]) {
  let w = 200;
  for (const site of content.sites) {
    const existing = await content.taxonomy.listTags(site.id);
    const tagRows = [];
    for (let i = existing.length; i < tagsPerSite; i++) {
      const name = `${words[w++ % words.length]} ${words[w++ % words.length]}`;
      tagRows.push({ site_id: site.id, slug: `${slugify(name)}-${i}`, name });
    }
    for (let s = 0; s < tagRows.length; s += 500)
      await db
        .insertInto('tags')
        .values(tagRows.slice(s, s + 500))
        .execute();
    const authorRows = [];
    for (let i = 0; i < authorsPerSite; i++) {
      const name = `${cap(words[w++ % words.length]!)} ${cap(words[w++ % words.length]!)}`;
      authorRows.push({
        site_id: site.id,
        slug: `${slugify(name)}-${i}`,
        name,
        title: 'Staff writer',
        bio: '',
      });
    }
    await db.insertInto('authors').values(authorRows).execute();
  }
  return readTaxonomy(db, content);
}

/**
 * The search documents in one INSERT … SELECT (the search service's own rebuild). PostgreSQL's GIN
 * index was dropped with the other secondary indexes and is built after them; SQLite's FTS5 table
 * is filled by its trigger in the same transaction, with a 1 GB page cache and synchronous off
 * (then the defaults again).
 */
async function buildSearchDocuments(handle: DatabaseHandle, indexes: readonly IndexDefinition[]) {
  const { db } = handle;
  const search = createSearchService({ db, caps: handle.caps });
  if (handle.caps.name === 'sqlite') {
    await sql`pragma cache_size = -1000000`.execute(db);
    await sql`pragma synchronous = OFF`.execute(db);
    try {
      await search.reindexAll();
    } finally {
      await sql`pragma synchronous = NORMAL`.execute(db);
      await sql`pragma cache_size = -2000`.execute(db);
    }
    return;
  }
  await search.reindexAll();
  await createIndexes(handle, indexes);
}

function weightedTable(weights: readonly number[]): Uint32Array {
  const sum = weights.reduce((a, b) => a + b, 0);
  const table = new Uint32Array(1024);
  let k = 0;
  let upTo = 0;
  weights.forEach((weight, i) => {
    upTo += weight;
    const end = Math.round((upTo / sum) * table.length);
    while (k < end) table[k++] = i;
  });
  return table;
}

const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1);
