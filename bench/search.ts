// npm run bench:search: full-text search over a 100,000-article archive on SQLite (a temporary
// file) and on PostgreSQL (a fresh schema, dropped afterwards), through the search service.
//   BENCH_ARTICLES (default 100000), BENCH_QUERIES (default 200), BENCH_ROUNDS (times the query
//   set runs, default 1), BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test;
//   BENCH_POSTGRES_URL=off skips it), BENCH_SQLITE=off.
//   BENCH_KEEP=1 keeps the archive (a file in the temporary folder, the schema bench_search_keep_<n>)
//   and reuses it on the next run with the same BENCH_ARTICLES, instead of generating it again;
//   new migrations are applied to it. BENCH_KEEP=rebuild generates it again and keeps it.
// Besides wall time it reports this process's CPU per query (process.cpuUsage) and, on a local
// PostgreSQL whose backends' /proc/<pid>/schedstat is readable, the server's CPU per query:
// timings of a shared machine are only comparable by CPU.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Insertable, type Kysely, sql } from 'kysely';
import pg from 'pg';
import { seedDemo } from '../src/content/demo/index.ts';
import { type Block, createContentService, type Section } from '../src/content/index.ts';
import type { ArticlesTable, Database } from '../src/platform/database/schema.ts';
import { EventBus, fixedClock, migrateToLatest, openDatabase } from '../src/platform/index.ts';
import { createSearchService, type SearchOptions } from '../src/search/index.ts';
import { type Rng, rankedWords, rng } from './text-generator.ts';

const articleCount = Number(process.env.BENCH_ARTICLES ?? 100_000);
const queryCount = Number(process.env.BENCH_QUERIES ?? 200);
const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 1));
const postgresUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const keep = process.env.BENCH_KEEP === '1' || process.env.BENCH_KEEP === 'rebuild';
const rebuild = process.env.BENCH_KEEP === 'rebuild';
/** Bump when the archive generated below changes, so a kept one is rebuilt. */
const archiveVersion = 1;
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
  /** Empties the target before an archive is generated into it. */
  reset(): Promise<void>;
  cleanup(): Promise<void>;
  /** The server's CPU so far (nanoseconds) by backend serving `url` (null: cannot tell). */
  serverCpu?(): Promise<Map<number, number> | null>;
}

/** The archive's description, stored next to it so a kept one can be reused. */
interface ArchiveNote {
  readonly articles: number;
  readonly version: number;
  readonly phrases: string[];
}

async function readNote(db: Kysely<Database>): Promise<ArchiveNote | null> {
  try {
    const { rows } = await sql<{ note: string }>`select note from bench_search_archive`.execute(db);
    const note = rows[0] ? (JSON.parse(rows[0].note) as ArchiveNote) : null;
    return note && note.articles === articleCount && note.version === archiveVersion ? note : null;
  } catch {
    return null;
  }
}

async function writeNote(db: Kysely<Database>, note: ArchiveNote) {
  await sql`create table bench_search_archive (note text not null)`.execute(db);
  await sql`insert into bench_search_archive (note) values (${JSON.stringify(note)})`.execute(db);
}

async function run(target: Target) {
  const t0 = performance.now();
  let handle = await openDatabase(target.url);
  try {
    let note = keep && !rebuild ? await readNote(handle.db) : null;
    if (!note) {
      await handle.close();
      await target.reset();
      handle = await openDatabase(target.url);
    }
    await migrateToLatest(handle);
    const clock = fixedClock(now);
    const content = createContentService({ db: handle.db, events: new EventBus(), clock });
    const random = rng(42);
    const words = vocabulary(random);
    const search = createSearchService({ db: handle.db, caps: handle.caps });
    let inserted = performance.now();
    let indexed = inserted;
    if (note) {
      await content.load();
      // A migration may have rebuilt the index, or the last run stopped before it was done.
      await search.ensureIndexed();
      process.stderr.write(`${target.name}: reusing the kept archive of ${articleCount} articles\n`);
    } else {
      await seedDemo(content, { now });
      const phrases = await generateArchive(target, handle.db, content, random, words);
      inserted = performance.now();
      process.stderr.write(`\r${target.name}: ${articleCount} articles inserted in ${secs(inserted - t0)}\n`);
      const documents = await search.reindexAll();
      if (target.name === 'postgres') await sql`analyze`.execute(handle.db);
      indexed = performance.now();
      process.stderr.write(`${target.name}: ${documents} documents indexed in ${secs(indexed - inserted)}\n`);
      note = { articles: articleCount, version: archiveVersion, phrases };
      await writeNote(handle.db, note);
    }
    const taxonomy = await taxonomyOf(content);

    const queries = mix(rng(7), words.words, note.phrases, taxonomy, content);
    for (const q of queries) await search.search(q.text, q.options); // warm-up
    const samples = new Map<string, Sample[]>();
    const all: Sample[] = [];
    let found = 0;
    for (let round = 0; round < rounds; round++) {
      for (const q of queries) {
        const server0 = await target.serverCpu?.();
        const cpu0 = process.cpuUsage();
        const start = performance.now();
        const result = await search.search(q.text, q.options);
        const wall = performance.now() - start;
        const cpu = process.cpuUsage(cpu0);
        const server1 = await target.serverCpu?.();
        if (round === 0 && result.total > 0) found++;
        const sample: Sample = {
          wall,
          cpu: (cpu.user + cpu.system) / 1000,
          server: server0 && server1 ? cpuBetween(server0, server1) : null,
        };
        all.push(sample);
        samples.set(q.kind, [...(samples.get(q.kind) ?? []), sample]);
      }
    }
    return {
      all,
      samples,
      found,
      queries: queries.length,
      inserted: inserted - t0,
      indexed: indexed - inserted,
      reused: inserted === indexed,
    };
  } finally {
    await handle.close();
    await target.cleanup();
  }
}

interface Sample {
  /** Milliseconds. */
  readonly wall: number;
  /** This process's CPU, milliseconds. */
  readonly cpu: number;
  /** The database server's CPU, milliseconds (PostgreSQL on this machine only). */
  readonly server: number | null;
}

async function taxonomyOf(content: ReturnType<typeof createContentService>) {
  return Promise.all(
    content.sites.map(async (site) => ({
      site,
      sections: content.sections(site.id),
      tags: await content.taxonomy.listTags(site.id),
    })),
  );
}

/** The archive: bulk inserts in transactions (the index is built after). Returns the phrases to query. */
async function generateArchive(
  target: Target,
  db: Kysely<Database>,
  content: ReturnType<typeof createContentService>,
  random: Rng,
  words: ReturnType<typeof vocabulary>,
): Promise<string[]> {
  const taxonomy = await taxonomyOf(content);
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
    await db.transaction().execute(async (trx) => {
      const ids = await trx.insertInto('articles').values(rows).returning('id').execute();
      await trx
        .insertInto('article_tags')
        .values(tagRows.map((t, k) => ({ ...t, article_id: ids[k]!.id })))
        .execute();
    });
    if ((start / batch) % 20 === 0) process.stderr.write(`\r${target.name}: ${start + batch} articles`);
  }
  return phrases;
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
const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

/** CPU time so far (nanoseconds) of each of this process's PostgreSQL backends, found by application name. */
function serverCpuOf(admin: pg.Client, applicationName: string) {
  return async (): Promise<Map<number, number> | null> => {
    const { rows } = await admin.query<{ pid: number }>(
      'select pid from pg_stat_activity where application_name = $1',
      [applicationName],
    );
    const cpu = new Map<number, number>();
    for (const { pid } of rows) {
      try {
        // The first field is the time spent on a CPU, in nanoseconds.
        cpu.set(pid, Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]));
      } catch {
        return null; // not on this machine, or not readable
      }
    }
    return cpu;
  };
}

/** Milliseconds of server CPU between two readings; a backend that started in between counts whole. */
function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let ns = 0;
  for (const [pid, total] of after) ns += total - (before.get(pid) ?? 0);
  return ns / 1e6;
}

async function postgresTarget(): Promise<Target | null> {
  if (postgresUrl === 'off') return null;
  const admin = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    console.log(`PostgreSQL at ${postgresUrl} is not reachable (${(error as Error).message}); skipping it.`);
    return null;
  }
  const schema = keep
    ? `bench_search_keep_${articleCount}`
    : `bench_search_${randomBytes(5).toString('hex')}`;
  const applicationName = `bench_search_${process.pid}`;
  const url = new URL(postgresUrl);
  url.searchParams.set('schema', schema);
  url.searchParams.set('application_name', applicationName);
  const serverCpu = serverCpuOf(admin, applicationName);
  return {
    name: 'postgres',
    url: url.toString(),
    async reset() {
      await admin.query(`drop schema if exists ${schema} cascade`);
    },
    async cleanup() {
      if (!keep) await admin.query(`drop schema if exists ${schema} cascade`);
      await admin.end();
    },
    serverCpu: (await serverCpu()) === null ? undefined : serverCpu,
  };
}

function sqliteTarget(): Target {
  const dir = keep
    ? join(tmpdir(), 'dateline-bench-search')
    : mkdtempSync(join(tmpdir(), 'dateline-bench-search-'));
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `archive-${articleCount}.db`);
  const remove = () => {
    for (const suffix of ['', '-wal', '-shm']) if (existsSync(file + suffix)) rmSync(file + suffix);
  };
  return {
    name: 'sqlite',
    url: `sqlite:${file}`,
    reset: async () => remove(),
    cleanup: async () => {
      if (!keep) rmSync(dir, { recursive: true, force: true });
    },
  };
}

const targets: Target[] = process.env.BENCH_SQLITE === 'off' ? [] : [sqliteTarget()];
const postgres = await postgresTarget();
if (postgres) targets.push(postgres);

console.log(
  `Search over ${articleCount.toLocaleString('en-US')} articles, ${queryCount} queries per dialect` +
    `${rounds > 1 ? `, ${rounds} rounds` : ''}; load average ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
);
const line = (name: string, samples: readonly Sample[]) => {
  const wall = samples.map((s) => s.wall);
  const cpu = samples.map((s) => s.cpu);
  const server = samples.flatMap((s) => (s.server === null ? [] : [s.server]));
  return (
    `  ${name.padEnd(20)} n=${String(samples.length).padStart(4)}  p50 ${ms(percentile(wall, 50)).padStart(9)}` +
    `  p95 ${ms(percentile(wall, 95)).padStart(9)}  max ${ms(Math.max(...wall)).padStart(9)}` +
    `  cpu mean ${ms(mean(cpu)).padStart(9)} p95 ${ms(percentile(cpu, 95)).padStart(9)}` +
    (server.length > 0
      ? `  server cpu mean ${ms(mean(server)).padStart(9)} p95 ${ms(percentile(server, 95)).padStart(9)}`
      : '')
  );
};
for (const target of targets) {
  const result = await run(target);
  console.log(
    `\n${target.name}: ${result.found}/${result.queries} queries found something; ` +
      (result.reused
        ? 'kept archive reused'
        : `archive built in ${secs(result.inserted)}, indexed in ${secs(result.indexed)}`),
  );
  console.log(line('all', result.all));
  for (const [kind, samples] of result.samples) console.log(line(kind, samples));
}
console.log(
  `load average after: ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}`,
);
