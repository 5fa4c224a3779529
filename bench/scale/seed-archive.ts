// Seeds a large archive for the scale benchmark straight into the tables: multi-row inserts inside
// transactions (the content service's one-article-per-transaction path would take hours at a
// million), with the same rows the service would write. The demo publisher comes first (sites,
// sections, agencies), then more tags and authors, then the articles, then the search documents.
import { type Insertable, type Kysely, sql } from 'kysely';
import { seedDemo } from '../../src/content/demo/index.ts';
import type { ContentService, Section, Site } from '../../src/content/index.ts';
import type { ArticlesTable, Database } from '../../src/platform/database/schema.ts';
import type { DatabaseHandle } from '../../src/platform/index.ts';
import { createSearchService } from '../../src/search/index.ts';
import { drawZipf, type Rng, rng, sentence, vocabulary, zipfTable } from './text.ts';

const day = 86_400_000;
/** A busy publisher: about 340 articles a day over three brands, so a million is eight years. */
export const articlesPerDay = 342;
const tagsPerSite = 1_500;
const authorsPerSite = 80;

export interface SiteTaxonomy {
  readonly site: Site;
  readonly sections: readonly Section[];
  readonly tagIds: readonly number[];
  readonly authorIds: readonly number[];
  readonly agencies: readonly { id: number; name: string }[];
}

export interface SeedReport {
  readonly taxonomy: readonly SiteTaxonomy[];
  readonly insertMs: number;
  readonly indexMs: number;
}

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
  await seedDemo(content, { now });
  const taxonomy = await growTaxonomy(db, content, vocab.words, now);
  // Half the articles on the main brand, a quarter on each of the others.
  const siteWeights = taxonomy.map((_, i) => (i === 0 ? 2 : 1));
  const siteTable = weightedTable(siteWeights);
  const tagTable = zipfTable(tagsPerSite, 0.9);
  const sqlite = handle.caps.name === 'sqlite';
  const batch = sqlite ? 500 : 1000;
  const perTransaction = 50;
  for (let start = 0; start < count; start += batch * perTransaction) {
    await db.transaction().execute(async (trx) => {
      if (!sqlite) await sql`set local synchronous_commit = off`.execute(trx);
      for (let b = start; b < Math.min(count, start + batch * perTransaction); b += batch) {
        await insertBatch(trx, {
          from: b,
          to: Math.min(count, b + batch),
          count,
          now,
          random,
          vocab,
          taxonomy,
          siteTable,
          tagTable,
        });
      }
    });
    options.progress?.(`${Math.min(count, start + batch * perTransaction).toLocaleString('en-US')} articles`);
  }
  const inserted = performance.now();
  await buildSearchDocuments(handle);
  await sql`analyze`.execute(db);
  return { taxonomy, insertMs: inserted - t0, indexMs: performance.now() - inserted };
}

async function insertBatch(
  trx: Kysely<Database>,
  o: {
    from: number;
    to: number;
    count: number;
    now: Date;
    random: Rng;
    vocab: ReturnType<typeof vocabulary>;
    taxonomy: readonly SiteTaxonomy[];
    siteTable: Uint32Array;
    tagTable: Uint32Array;
  },
) {
  const { random, vocab } = o;
  const rows: Insertable<ArticlesTable>[] = [];
  const tags: { tagIds: number[]; publishedAt: string | null }[] = [];
  const authors: number[][] = [];
  for (let i = o.from; i < o.to; i++) {
    const t = o.taxonomy[drawZipf(o.siteTable, random)]!;
    const section = random.pick(t.sections);
    // Article i of count, oldest first; the newest is a few minutes before now.
    let at = o.now.getTime() - ((o.count - i) / articlesPerDay) * day + random.int(0, 60_000);
    const roll = random.next();
    if (roll < 0.02) at -= random.int(1, 400) * day; // back-dated: ids no longer follow time
    let status: ArticlesTable['status'] = 'published';
    if (roll >= 0.02 && roll < 0.03) status = 'draft';
    else if (roll < 0.035) status = 'unpublished';
    else if (roll < 0.04 && o.count - i < 500) {
      status = 'scheduled';
      at = o.now.getTime() + random.int(1, 72) * 3_600_000;
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
    rows.push({
      site_id: t.site.id,
      section_id: section.id,
      slug: headline.toLowerCase().split(' ', 6).join('-'),
      headline,
      summary: `${sentence(vocab, random, 12, 24)}.`,
      body: JSON.stringify(body),
      agency_id: wire?.id ?? null,
      rights_line: wire ? `© ${new Date(at).getUTCFullYear()} ${wire.name}. All rights reserved.` : null,
      keywords: '[]',
      featured_image: 'null',
      status,
      published_at: publishedAt,
      updated_at: null,
      comments_enabled: 1,
      revision: 1,
      created_at: new Date(Math.min(at, o.now.getTime())).toISOString(),
      modified_at: new Date(Math.min(at, o.now.getTime())).toISOString(),
      created_by: null,
    });
    const tagIds = new Set<number>();
    for (let k = random.int(1, 4); k > 0; k--) tagIds.add(t.tagIds[drawZipf(o.tagTable, random)]!);
    tags.push({ tagIds: [...tagIds], publishedAt });
    authors.push(
      wire
        ? []
        : random.next() < 0.8
          ? [random.pick(t.authorIds)]
          : [random.pick(t.authorIds), random.pick(t.authorIds)],
    );
  }
  const ids = await trx.insertInto('articles').values(rows).returning('id').execute();
  const tagRows = tags.flatMap((t, k) =>
    t.tagIds.map((tagId, position) => ({
      article_id: ids[k]!.id,
      tag_id: tagId,
      position,
      published_at: t.publishedAt,
    })),
  );
  const authorRows = authors.flatMap((list, k) =>
    [...new Set(list)].map((authorId, position) => ({
      article_id: ids[k]!.id,
      author_id: authorId,
      position,
    })),
  );
  // SQLite takes at most 32,766 parameters a statement.
  for (let s = 0; s < tagRows.length; s += 2000)
    await trx
      .insertInto('article_tags')
      .values(tagRows.slice(s, s + 2000))
      .execute();
  if (authorRows.length > 0) await trx.insertInto('article_authors').values(authorRows).execute();
}

/** The demo's tags and authors plus generated ones, so tag pages range from huge to tiny. */
async function growTaxonomy(
  db: Kysely<Database>,
  content: ContentService,
  words: readonly string[],
  now: Date,
) {
  const taxonomy: SiteTaxonomy[] = [];
  let w = 200;
  for (const site of content.sites) {
    const existing = await content.taxonomy.listTags(site.id);
    const tagRows = [];
    for (let i = existing.length; i < tagsPerSite; i++) {
      const name = `${words[w++ % words.length]} ${words[w++ % words.length]}`;
      tagRows.push({ site_id: site.id, slug: `${name.replace(/\s+/g, '-')}-${i}`, name });
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
        slug: `${name.toLowerCase().replace(/\s+/g, '-')}-${i}`,
        name,
        title: 'Staff writer',
        bio: '',
      });
    }
    await db.insertInto('authors').values(authorRows).execute();
    const tags = await db
      .selectFrom('tags')
      .select('id')
      .where('site_id', '=', site.id)
      .orderBy('id')
      .execute();
    const authors = await db.selectFrom('authors').select('id').where('site_id', '=', site.id).execute();
    const agencies = await db
      .selectFrom('agencies')
      .select(['id', 'name'])
      .where('site_id', '=', site.id)
      .execute();
    taxonomy.push({
      site,
      sections: content.sections(site.id),
      tagIds: tags.map((t) => t.id),
      authorIds: authors.map((a) => a.id),
      agencies,
    });
  }
  void now;
  return taxonomy;
}

/**
 * The search documents, built the way a bulk import should: PostgreSQL's GIN index is dropped and
 * built once after the rows (maintained row by row it costs several times more); SQLite's FTS5
 * table is filled by its triggers inside the one transaction of `reindexAll`.
 */
async function buildSearchDocuments(handle: DatabaseHandle) {
  const search = createSearchService({ db: handle.db, caps: handle.caps });
  if (handle.caps.name === 'sqlite') {
    await search.reindexAll();
    return;
  }
  const [index] = (
    await sql<{ indexdef: string }>`select indexdef from pg_indexes
      where indexname = 'search_documents_document' and schemaname = current_schema()`.execute(handle.db)
  ).rows;
  if (index) await sql`drop index search_documents_document`.execute(handle.db);
  await search.reindexAll();
  if (index) {
    await handle.db.transaction().execute(async (trx) => {
      await sql`set local maintenance_work_mem = '512MB'`.execute(trx);
      await sql.raw(index.indexdef).execute(trx);
    });
  }
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
