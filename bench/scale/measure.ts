// Times reader pages in process (`app.inject`, so the figures are the server's own work, without
// a network or a client competing for the two cores): cold with the page cache off, so every
// request renders and queries; warm with it on, after one request per URL filled it.
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import type { ContentService } from '../../src/content/index.ts';
import { type DatabaseHandle, fixedClock, loadConfig } from '../../src/platform/index.ts';
import type { SiteTaxonomy } from './seed-archive.ts';
import { drawZipf, rng, vocabulary, zipfTable } from './text.ts';

export const pageKinds = [
  'article',
  'section front',
  'tag page 1',
  'tag deep (keyset)',
  'home front',
  'search',
] as const;
export type PageKind = (typeof pageKinds)[number];

interface Target {
  readonly host: string;
  readonly url: string;
}

export interface Timing {
  readonly p50: number;
  readonly p99: number;
  readonly n: number;
}

export type Timings = Record<PageKind, { cold: Timing; warm: Timing }>;

/** The URLs of each kind, drawn the same way at every size (popular tags more often). */
export async function pickTargets(
  handle: DatabaseHandle,
  content: ContentService,
  taxonomy: readonly SiteTaxonomy[],
  now: Date,
  samples: number,
): Promise<Record<PageKind, Target[]>> {
  const { db } = handle;
  const random = rng(7);
  const hostOf = (siteId: number) => content.sites.find((s) => s.id === siteId)!.hosts[0] ?? 'localhost';
  const { max } = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.max('id').as('max'))
    .executeTakeFirstOrThrow();
  const wanted = Array.from({ length: samples * 2 }, () => random.int(1, Number(max)));
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'slug', 'section_id', 'site_id'])
    .where('id', 'in', wanted)
    .where('status', '=', 'published')
    .where('published_at', '<=', now.toISOString())
    .execute();
  const article = rows.slice(0, samples).map((r) => ({
    host: hostOf(r.site_id),
    url: `/${content.sectionById(r.section_id)!.path}/${r.slug}/${r.id}`,
  }));
  const section = taxonomy.flatMap((t) =>
    t.sections.map((s) => ({ host: hostOf(t.site.id), url: `/${s.path}` })),
  );
  const tagTable = zipfTable(taxonomy[0]!.tagIds.length, 0.9);
  const tagPicks = Array.from({ length: samples }, () => {
    const t = random.pick(taxonomy);
    return { t, tagId: t.tagIds[drawZipf(tagTable, random)]! };
  });
  const slugs = new Map(
    (
      await db
        .selectFrom('tags')
        .select(['id', 'slug'])
        .where(
          'id',
          'in',
          tagPicks.map((p) => p.tagId),
        )
        .execute()
    ).map((r) => [r.id, r.slug]),
  );
  const tagFirst = tagPicks.map((p) => ({ host: hostOf(p.t.site.id), url: `/tag/${slugs.get(p.tagId)}` }));
  // A deep page: the cursor of the article halfway down the tag's list (found once, untimed).
  const tagDeep: Target[] = [];
  for (const p of tagPicks.slice(0, Math.min(40, samples))) {
    const total = await content.articles.countVisible({ siteId: p.t.site.id, now, tagId: p.tagId });
    if (total < 60) continue;
    const middle = await db
      .selectFrom('article_tags as l')
      .innerJoin('articles as a', 'a.id', 'l.article_id')
      .select('l.article_id')
      .where('l.tag_id', '=', p.tagId)
      .where('a.status', 'in', ['published', 'scheduled'])
      .where('a.published_at', '<=', now.toISOString())
      .orderBy('l.published_at', 'desc')
      .orderBy('l.article_id', 'desc')
      .offset(Math.floor(total / 2))
      .limit(1)
      .executeTakeFirst();
    if (middle)
      tagDeep.push({
        host: hostOf(p.t.site.id),
        url: `/tag/${slugs.get(p.tagId)}?before=${middle.article_id}`,
      });
  }
  const home = content.sites.map((s) => ({ host: s.hosts[0] ?? 'localhost', url: '/' }));
  const vocab = vocabulary(rng(42));
  const search = Array.from({ length: samples }, () => ({
    host: hostOf(random.pick(taxonomy).site.id),
    url: `/search?q=${encodeURIComponent(vocab.words[random.int(40, 8000)]!)}`,
  }));
  return {
    article,
    'section front': section,
    'tag page 1': tagFirst,
    'tag deep (keyset)': tagDeep,
    'home front': home,
    search,
  };
}

/** Builds one app with the page cache off and one with it on, over the same database, and times every kind. */
export async function measurePages(
  handle: DatabaseHandle,
  targets: Record<PageKind, Target[]>,
  options: { now: Date; requests: number },
): Promise<Timings> {
  const apps: FastifyInstance[] = [];
  const build = async (pageCache: boolean) => {
    const config = loadConfig({
      env: {
        ...process.env,
        LOG_LEVEL: 'warn',
        DATABASE_URL:
          handle.caps.name === 'sqlite' ? 'sqlite::memory:' : 'postgres://unused@127.0.0.1/unused',
        PAGE_CACHE: String(pageCache),
      },
    });
    const app = await buildApp({ config, database: handle, clock: fixedClock(options.now) });
    apps.push(app);
    return app;
  };
  try {
    const cold = await build(false);
    const warm = await build(true);
    const result = {} as Timings;
    for (const kind of pageKinds) {
      const list = targets[kind];
      if (list.length === 0) throw new Error(`no URLs to measure for ${kind}`);
      await time(cold, list.slice(0, 5)); // connections and JIT
      const coldTimes = await time(cold, cycle(list, options.requests));
      await time(warm, list); // fills the cache
      const warmTimes = await time(warm, cycle(list, options.requests));
      result[kind] = { cold: summary(coldTimes), warm: summary(warmTimes) };
    }
    return result;
  } finally {
    for (const app of apps) await app.close();
  }
}

function cycle<T>(list: readonly T[], n: number): T[] {
  return Array.from({ length: n }, (_, i) => list[i % list.length]!);
}

async function time(app: FastifyInstance, list: readonly Target[]): Promise<number[]> {
  const times: number[] = [];
  for (const { host, url } of list) {
    const start = performance.now();
    const res = await app.inject({ method: 'GET', url, headers: { host, 'accept-encoding': 'gzip' } });
    times.push(performance.now() - start);
    if (res.statusCode !== 200)
      throw new Error(`${host}${url} answered ${res.statusCode}: ${res.body.slice(0, 200)}`);
  }
  return times;
}

function summary(times: readonly number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return { p50: at(50), p99: at(99), n: sorted.length };
}
