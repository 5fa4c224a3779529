// npm run bench:search: full-text search over a 100,000-article archive on SQLite (a temporary
// file) and on PostgreSQL (a fresh schema, dropped afterwards), through the search service.
//   BENCH_ARTICLES (default 100000), BENCH_QUERIES (default 200), BENCH_POSTGRES_URL
//   (default postgres://postgres@127.0.0.1:5432/test; BENCH_POSTGRES_URL=off skips it), BENCH_SQLITE=off
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Insertable } from 'kysely';
import pg from 'pg';
import { seedDemo } from '../src/content/demo/index.ts';
import { type Block, createContentService, type Section } from '../src/content/index.ts';
import type { ArticlesTable } from '../src/platform/database/schema.ts';
import { EventBus, fixedClock, migrateToLatest, openDatabase } from '../src/platform/index.ts';
import { createSearchService, type SearchOptions } from '../src/search/index.ts';
import { type Rng, rankedWords, rng } from './text-generator.ts';

const articleCount = Number(process.env.BENCH_ARTICLES ?? 100_000);
const queryCount = Number(process.env.BENCH_QUERIES ?? 200);
const postgresUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const now = new Date('2026-11-25T15:00:00Z');
const day = 86_400_000;
/** The archive spans three years, oldest first, so ids grow with publication time. */
const span = 3 * 365 * day;

/**
 * The vocabulary (see text-generator.ts), drawn by Zipf's law over its ranking, as natural
 * language is. Names and terms keep their apostrophes and hyphens, acronyms their capitals.
 */
function vocabulary(random: Rng) {
  const words = rankedWords(random, {
    size: 40_000,
    tokens: /[\p{L}\p{N}]+(?:['’-][\p{L}]+)*/gu,
    normalise: (word) => (word.length > 1 && word === word.toUpperCase() ? word : word.toLowerCase()),
  });
  const cumulative = new Float64Array(words.length);
  let sum = 0;
  for (let i = 0; i < words.length; i++) cumulative[i] = sum += 1 / (i + 1);
  const draw = () => {
    const x = random.next() * sum;
    let lo = 0;
    let hi = words.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo]!;
  };
  return { words, draw, rank: new Map(words.map((w, i) => [w.toLowerCase(), i])) };
}

function sentence(draw: () => string, random: Rng, min: number, max: number): string {
  const n = random.int(min, max);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(draw());
  const text = parts.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}`;
}

interface Target {
  readonly name: 'sqlite' | 'postgres';
  readonly url: string;
  cleanup(): Promise<void>;
}

async function run(target: Target) {
  const t0 = performance.now();
  const handle = await openDatabase(target.url);
  try {
    await migrateToLatest(handle);
    const clock = fixedClock(now);
    const content = createContentService({ db: handle.db, events: new EventBus(), clock });
    await seedDemo(content, { now });
    const sites = content.sites;
    const taxonomy = await Promise.all(
      sites.map(async (site) => ({
        site,
        sections: content.sections(site.id),
        tags: await content.taxonomy.listTags(site.id),
      })),
    );

    // The archive: bulk inserts in transactions, then one index build.
    const random = rng(42);
    const words = vocabulary(random);
    const batch = target.name === 'sqlite' ? 500 : 1000;
    const phrases: string[] = [];
    for (let start = 0; start < articleCount; start += batch) {
      const rows: Insertable<ArticlesTable>[] = [];
      const tagRows: { article_id: number; tag_id: number; position: number }[] = [];
      for (let i = start; i < Math.min(articleCount, start + batch); i++) {
        const { site, sections, tags } = random.pick(taxonomy);
        const section: Section = random.pick(sections);
        const publishedAt = new Date(now.getTime() - span + Math.floor((i / articleCount) * span));
        const headline = sentence(words.draw, random, 6, 12);
        const body: Block[] = [];
        for (let p = random.int(4, 9); p > 0; p--) {
          const text = [sentence(words.draw, random, 8, 20), sentence(words.draw, random, 8, 20)].join('. ');
          body.push({ type: 'paragraph', text: `${text}.` });
        }
        if (i % 457 === 0) {
          // A phrase a reader might remember: a few consecutive words of a paragraph, around a
          // word less common than "the" or "of".
          const text = (body[0] as { text: string }).text.replace(/\./g, '').split(' ');
          const at = Math.max(
            1,
            text.findIndex((w) => (words.rank.get(w.toLowerCase()) ?? 0) > 100),
          );
          phrases.push(text.slice(at - 1, at + random.int(1, 2)).join(' '));
        }
        const status = i % 97 === 0 ? 'draft' : 'published';
        rows.push({
          site_id: site.id,
          section_id: section.id,
          slug: `archive-${i}`,
          headline,
          summary: `${sentence(words.draw, random, 15, 30)}.`,
          body: JSON.stringify(body),
          agency_id: null,
          rights_line: null,
          keywords: '[]',
          featured_image: 'null',
          status: status as 'draft' | 'published',
          published_at: status === 'published' ? publishedAt.toISOString() : null,
          updated_at: null,
          comments_enabled: 1,
          revision: 1,
          created_at: publishedAt.toISOString(),
          modified_at: publishedAt.toISOString(),
        });
        tagRows.push({ article_id: 0, tag_id: random.pick(tags).id, position: 0 });
      }
      await handle.db.transaction().execute(async (trx) => {
        const ids = await trx.insertInto('articles').values(rows).returning('id').execute();
        await trx
          .insertInto('article_tags')
          .values(tagRows.map((t, k) => ({ ...t, article_id: ids[k]!.id })))
          .execute();
      });
      if ((start / batch) % 20 === 0) process.stderr.write(`\r${target.name}: ${start + batch} articles`);
    }
    const inserted = performance.now();
    process.stderr.write(`\r${target.name}: ${articleCount} articles inserted in ${secs(inserted - t0)}\n`);
    const search = createSearchService({ db: handle.db, caps: handle.caps });
    const documents = await search.reindexAll();
    if (target.name === 'postgres') await sqlAnalyze(handle.db);
    const indexed = performance.now();
    process.stderr.write(`${target.name}: ${documents} documents indexed in ${secs(indexed - inserted)}\n`);

    const queries = mix(rng(7), words.words, phrases, taxonomy, content);
    for (const q of queries) await search.search(q.text, q.options); // warm-up
    const times = new Map<string, number[]>();
    const all: number[] = [];
    let found = 0;
    for (const q of queries) {
      const start = performance.now();
      const result = await search.search(q.text, q.options);
      const ms = performance.now() - start;
      if (result.total > 0) found++;
      all.push(ms);
      times.set(q.kind, [...(times.get(q.kind) ?? []), ms]);
    }
    return {
      all,
      times,
      found,
      queries: queries.length,
      inserted: inserted - t0,
      indexed: indexed - inserted,
    };
  } finally {
    await handle.close();
    await target.cleanup();
  }
}

async function sqlAnalyze(db: Parameters<typeof createSearchService>[0]['db']) {
  const { sql } = await import('kysely');
  await sql`analyze`.execute(db);
}

interface BenchQuery {
  readonly kind: string;
  readonly text: string;
  readonly options: SearchOptions;
}

/**
 * About 200 queries: single words and pairs from the middle of the vocabulary (names, places,
 * topics: what readers type), phrases lifted from the corpus, prefixes, filters, newest-first, a
 * second page, and a few very common words (the worst case: they match most of the archive).
 */
function mix(
  random: Rng,
  words: readonly string[],
  phrases: readonly string[],
  taxonomy: readonly {
    site: { id: number };
    sections: readonly Section[];
    tags: readonly { id: number }[];
  }[],
  content: ReturnType<typeof createContentService>,
): BenchQuery[] {
  const word = () => words[random.int(40, 8000)]!;
  // Readers put the star where a word's endings vary: elect* for election, elected, electorate.
  const stem = (w: string) => {
    while (w.length < 6) w = word();
    return w.slice(0, Math.max(4, w.length - random.int(1, 3)));
  };
  const kinds: [string, number, (o: SearchOptions) => [string, SearchOptions]][] = [
    ['word', 40, (o) => [word(), o]],
    ['two words', 30, (o) => [`${word()} ${word()}`, o]],
    ['phrase', 25, (o) => [`"${random.pick(phrases)}"`, o]],
    ['prefix', 25, (o) => [`${stem(word())}*`, o]],
    ['word OR word -word', 10, (o) => [`${word()} OR ${word()} -${word()}`, o]],
    [
      'section filter',
      15,
      (o) => {
        const { sections } = taxonomy.find((t) => t.site.id === o.siteId)!;
        const top = sections.filter((s) => s.parentId === null);
        return [word(), { ...o, sectionIds: content.sectionFamily(random.pick(top)) }];
      },
    ],
    [
      'tag filter',
      15,
      (o) => [word(), { ...o, tagId: random.pick(taxonomy.find((t) => t.site.id === o.siteId)!.tags).id }],
    ],
    [
      'date range',
      15,
      (o) => [
        word(),
        { ...o, from: new Date(now.getTime() - 180 * day), to: new Date(now.getTime() - 30 * day) },
      ],
    ],
    ['newest', 15, (o) => [`${word()} ${word()}`.split(' ')[random.int(0, 1)]!, { ...o, sort: 'newest' }]],
    ['page 2', 5, (o) => [word(), { ...o, page: 2 }]],
    ['common word', 5, (o) => [words[random.int(0, 39)]!, o]],
  ];
  const queries: BenchQuery[] = [];
  const total = kinds.reduce((n, k) => n + k[1], 0);
  for (const [kind, share, make] of kinds) {
    for (let i = 0; i < Math.round((share / total) * queryCount); i++) {
      const site = random.pick(taxonomy).site;
      const [text, options] = make({ siteId: site.id, now, sort: 'relevance', page: 1, pageSize: 20 });
      queries.push({ kind, text, options });
    }
  }
  return queries;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const ms = (n: number) => `${n.toFixed(2)} ms`;
const secs = (n: number) => `${(n / 1000).toFixed(1)} s`;

async function postgresTarget(): Promise<Target | null> {
  if (postgresUrl === 'off') return null;
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch (error) {
    console.log(`PostgreSQL at ${postgresUrl} is not reachable (${(error as Error).message}); skipping it.`);
    return null;
  }
  await client.end();
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  return {
    name: 'postgres',
    url: `${postgresUrl}?schema=${schema}`,
    async cleanup() {
      const admin = new pg.Client({ connectionString: postgresUrl });
      await admin.connect();
      await admin.query(`drop schema if exists ${schema} cascade`);
      await admin.end();
    },
  };
}

const dir = mkdtempSync(join(tmpdir(), 'dateline-search-bench-'));
const targets: Target[] =
  process.env.BENCH_SQLITE === 'off'
    ? []
    : [
        {
          name: 'sqlite',
          url: `sqlite:${join(dir, 'search.db')}`,
          cleanup: async () => rmSync(dir, { recursive: true, force: true }),
        },
      ];
const postgres = await postgresTarget();
if (postgres) targets.push(postgres);

console.log(
  `Search over ${articleCount.toLocaleString('en-US')} articles, ${queryCount} queries per dialect`,
);
for (const target of targets) {
  const result = await run(target);
  const { all } = result;
  console.log(
    `\n${target.name}: p50 ${ms(percentile(all, 50))}  p95 ${ms(percentile(all, 95))}  p99 ${ms(percentile(all, 99))}  max ${ms(Math.max(...all))}` +
      `  (${result.found}/${result.queries} queries found something; archive built in ${secs(result.inserted)}, indexed in ${secs(result.indexed)})`,
  );
  for (const [kind, times] of result.times) {
    console.log(
      `  ${kind.padEnd(20)} n=${String(times.length).padStart(3)}  p50 ${ms(percentile(times, 50)).padStart(9)}  p95 ${ms(percentile(times, 95)).padStart(9)}  max ${ms(Math.max(...times)).padStart(9)}`,
    );
  }
}
