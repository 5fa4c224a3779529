import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Site } from '../../content/index.ts';
import { type fixedClock, PageCache } from '../../platform/index.ts';
import { buildDemoApp } from '../../testing/demo-app.ts';
import { fixturesFolder } from '../../testing/fixtures.ts';
import { xmllint, xmllintAvailable } from '../../testing/xmllint.ts';
import { buildSiteAssets } from '../assets.ts';
import { sitePlugin } from '../site-plugin.ts';
import { newsLanguage, renderUrlset } from './sitemap-xml.ts';

const NOW = new Date('2026-11-25T15:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  isArray: (name) => ['url', 'sitemap', 'image:image'].includes(name),
});

interface UrlEntry {
  loc: string;
  lastmod?: string;
  'image:image'?: { 'image:loc': string }[];
  'news:news'?: {
    'news:publication': { 'news:name': string; 'news:language': string };
    'news:publication_date': string;
    'news:title': string;
  };
}

describe('sitemaps and robots.txt over HTTP (demo publisher)', async () => {
  let app: FastifyInstance;
  /** The same services behind a site plugin whose article sitemaps hold at most 25 URLs. */
  let small: FastifyInstance;
  const schemaDir = fixturesFolder('sitemaps/schema');
  const canValidate = schemaDir !== null && xmllintAvailable();

  before(async () => {
    app = await buildDemoApp({ now: NOW });
    const { content, clock, events } = app.services;
    const cache = new PageCache();
    events.on('article.changed', (event) => cache.purge(event.keys));
    small = Fastify();
    await small.register(sitePlugin, {
      content,
      clock,
      cache,
      assets: buildSiteAssets(),
      sitemapLimits: { maxUrlsPerFile: 25 },
    });
  });
  after(async () => {
    await small.close();
    await app.close();
  });

  const get = (url: string, host = 'localhost', on = app, headers: Record<string, string> = {}) =>
    on.inject({ method: 'GET', url, headers: { host, ...headers } });
  const urlsOf = (body: string): UrlEntry[] => parser.parse(body).urlset.url ?? [];
  const indexOf = (body: string): { loc: string; lastmod?: string }[] =>
    parser.parse(body).sitemapindex.sitemap;
  const site = (host: string): Site => app.services.content.siteForHost(host)!;
  const path = (url: string) => new URL(url).pathname;

  function assertValid(body: string, kind: 'urlset' | 'index', what: string) {
    if (!canValidate) return;
    const result =
      kind === 'index'
        ? xmllint(body, { schema: join(schemaDir!, 'siteindex.xsd') })
        : xmllint(body, { schema: join(schemaDir!, 'all.xsd'), catalog: join(schemaDir!, 'catalog.xml') });
    assert.ok(result.ok, `${what} is valid: ${result.output}`);
  }

  /** Every visible article URL of a site, read page by page through the list query the fronts use. */
  async function visibleArticleUrls(s: Site, origin: string): Promise<Set<string>> {
    const { content } = app.services;
    const found = new Set<string>();
    for (let page = 1; ; page++) {
      const { items } = await content.articles.listVisible({ siteId: s.id, now: NOW, page, pageSize: 100 });
      for (const a of items)
        found.add(`${origin}/${content.sectionById(a.sectionId)!.path}/${a.slug}/${a.id}`);
      if (items.length < 100) return found;
    }
  }

  test('robots.txt names the absolute sitemap index of the brand asked for', async () => {
    const res = await get('/robots.txt');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/plain; charset=utf-8');
    assert.match(res.body, /^User-agent: \*$/m);
    assert.match(res.body, /^Sitemap: http:\/\/localhost\/sitemap\.xml$/m);
    const money = await get('/robots.txt', 'money.localhost:3000');
    assert.match(money.body, /^Sitemap: http:\/\/money\.localhost:3000\/sitemap\.xml$/m);
  });

  test('every sitemap the index names answers, is valid against the schemas, and uses absolute URLs', async (t) => {
    if (!canValidate) t.diagnostic('schema validation skipped (see the notice above)');
    for (const host of ['localhost', 'money.localhost', 'health.localhost']) {
      const index = await get('/sitemap.xml', host);
      assert.equal(index.statusCode, 200);
      assert.equal(index.headers['content-type'], 'application/xml; charset=utf-8');
      assertValid(index.body, 'index', `${host}/sitemap.xml`);
      const refs = indexOf(index.body);
      assert.deepEqual(
        refs.slice(0, 3).map((r) => path(r.loc)),
        ['/sitemaps/sections.xml', '/sitemaps/tags.xml', '/sitemaps/news.xml'],
      );
      assert.ok(refs.some((r) => /^\/sitemaps\/articles-1\.xml$/.test(path(r.loc))));
      for (const ref of refs) {
        assert.ok(ref.loc.startsWith(`http://${host}/`), ref.loc);
        const res = await get(path(ref.loc), host);
        assert.equal(res.statusCode, 200, ref.loc);
        assertValid(res.body, 'urlset', ref.loc);
        const entries = urlsOf(res.body);
        assert.ok(entries.length > 0, `${ref.loc} lists URLs`);
        for (const entry of entries) assert.ok(entry.loc.startsWith(`http://${host}/`), entry.loc);
      }
    }
  });

  test('the article sitemaps list every visible article once, with lastmod and its image', async () => {
    const herald = site('localhost');
    const refs = indexOf((await get('/sitemap.xml')).body).filter((r) =>
      path(r.loc).startsWith('/sitemaps/articles-'),
    );
    const listed: UrlEntry[] = [];
    for (const ref of refs) listed.push(...urlsOf((await get(path(ref.loc))).body));
    const expected = await visibleArticleUrls(herald, 'http://localhost');
    assert.equal(listed.length, expected.size, 'no article twice');
    assert.deepEqual(new Set(listed.map((e) => e.loc)), expected);
    for (const entry of listed) assert.match(entry.lastmod!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    const withImage = listed.filter((e) => e['image:image']);
    assert.ok(withImage.length > 0);
    for (const e of withImage)
      assert.match(e['image:image']![0]!['image:loc'], /^http:\/\/localhost\/media\/demo\/[a-z-]+\.svg$/);
  });

  test('a small limit splits the articles into files of at most that many URLs, none lost', async () => {
    const herald = site('localhost');
    const index = await get('/sitemap.xml', 'localhost', small);
    assertValid(index.body, 'index', 'split index');
    const files = indexOf(index.body).filter((r) => path(r.loc).startsWith('/sitemaps/articles-'));
    assert.ok(files.length > 3, `split into ${files.length} files`);
    const listed: string[] = [];
    for (const file of files) {
      const res = await get(path(file.loc), 'localhost', small);
      assert.equal(res.statusCode, 200, file.loc);
      assertValid(res.body, 'urlset', file.loc);
      const entries = urlsOf(res.body);
      assert.ok(entries.length >= 1 && entries.length <= 25, `${file.loc} holds ${entries.length}`);
      const newest = entries.map((e) => Date.parse(e.lastmod!)).reduce((a, b) => Math.max(a, b));
      assert.equal(Date.parse(file.lastmod!), newest, `${file.loc}: the index's lastmod is its newest`);
      listed.push(...entries.map((e) => e.loc));
    }
    assert.deepEqual(new Set(listed), await visibleArticleUrls(herald, 'http://localhost'));
    assert.equal(listed.length, new Set(listed).size);
    assert.equal((await get('/sitemaps/articles-999.xml', 'localhost', small)).statusCode, 404);
  });

  test('the news sitemap has the last 48 hours: publication, language, dated title, image', async () => {
    const herald = site('localhost');
    const res = await get('/sitemaps/news.xml');
    const entries = urlsOf(res.body);
    const all = await visibleArticleUrls(herald, 'http://localhost');
    assert.ok(entries.length > 0 && entries.length < all.size, `${entries.length} of ${all.size}`);
    for (const entry of entries) {
      const news = entry['news:news']!;
      assert.equal(news['news:publication']['news:name'], 'Harbor Herald');
      assert.equal(news['news:publication']['news:language'], 'en');
      assert.match(news['news:publication_date'], /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-0[45]:00$/);
      const age = NOW.getTime() - Date.parse(news['news:publication_date']);
      assert.ok(age >= 0 && age <= 2 * DAY, `${entry.loc} is ${age / 3_600_000} hours old`);
      assert.ok(news['news:title'].length > 0);
      assert.ok(all.has(entry.loc));
    }
    // Every visible article of the window is there.
    const { items } = await app.services.content.articles.listVisible({
      siteId: herald.id,
      now: NOW,
      pageSize: 100,
    });
    const recent = items.filter((a) => NOW.getTime() - a.publishedAt.getTime() <= 2 * DAY);
    assert.equal(entries.length, recent.length);
  });

  test('sections and tags sitemaps list the home page, every section and every tag', async () => {
    const { content } = app.services;
    const herald = site('localhost');
    const sections = urlsOf((await get('/sitemaps/sections.xml')).body).map((e) => path(e.loc));
    assert.deepEqual(sections, ['/', ...content.sections(herald.id).map((s) => `/${s.path}`)]);
    const tags = urlsOf((await get('/sitemaps/tags.xml')).body).map((e) => path(e.loc));
    const expected = (await content.taxonomy.listTags(herald.id)).map((t) => `/tag/${t.slug}`);
    assert.deepEqual(tags.sort(), expected.sort());
    for (const s of sections.slice(0, 3)) assert.equal((await get(s)).statusCode, 200, s);
  });

  test('an edit moves lastmod and an unpublished article leaves the sitemaps on the next request', async () => {
    const { content } = app.services;
    const clock = app.services.clock as ReturnType<typeof fixedClock>;
    const news = urlsOf((await get('/sitemaps/news.xml')).body);
    const target = news[0]!;
    const id = Number(/\/(\d+)$/.exec(target.loc)![1]);
    const chunk = indexOf((await get('/sitemap.xml', 'localhost', small)).body)
      .map((r) => path(r.loc))
      .find((p) => p === `/sitemaps/articles-${Math.ceil(id / 25)}.xml`)!;
    assert.ok(urlsOf((await get(chunk, 'localhost', small)).body).some((e) => e.loc === target.loc));
    const article = (await content.articles.findById(id))!;
    try {
      clock.set(new Date(NOW.getTime() + 60_000));
      await content.editArticle(
        id,
        { summary: 'Corrected.' },
        {
          savedBy: null,
          expectedRevision: article.revision,
          announce: true,
        },
      );
      const edited = urlsOf((await get(chunk, 'localhost', small)).body).find((e) => e.loc === target.loc)!;
      assert.equal(Date.parse(edited.lastmod!), NOW.getTime() + 60_000, 'lastmod is updatedAt');
      await content.unpublishArticle(id, { savedBy: null });
      for (const [url, on] of [
        ['/sitemaps/news.xml', app],
        ['/sitemaps/articles-1.xml', app],
        [chunk, small],
      ] as const) {
        const locs = urlsOf((await get(url, 'localhost', on)).body).map((e) => e.loc);
        assert.ok(!locs.includes(target.loc), `${url} no longer lists ${target.loc}`);
      }
    } finally {
      clock.set(NOW);
    }
  });

  test('304 on ETag and If-Modified-Since; bad names and parameters are 404, never 500', async () => {
    const first = await get('/sitemap.xml');
    assert.equal(
      (await get('/sitemap.xml', 'localhost', app, { 'if-none-match': first.headers.etag as string }))
        .statusCode,
      304,
    );
    const since = first.headers['last-modified'] as string;
    assert.equal(
      (await get('/sitemap.xml', 'localhost', app, { 'if-modified-since': since })).statusCode,
      304,
    );
    for (const url of [
      '/sitemaps/articles-0.xml',
      '/sitemaps/articles-01.xml',
      '/sitemaps/articles-abc.xml',
      '/sitemaps/articles-1234567890.xml',
      '/sitemaps/articles-99999.xml',
      '/sitemaps/articles-1.xml.gz',
      '/sitemaps/nope.xml',
      '/sitemaps/',
      '/sitemap.xml?page=2',
      '/sitemaps/news.xml?page=x',
      '/robots.txt?page=0',
      '/sitemaps/%E0%A4%A.xml',
    ]) {
      const res = await get(url);
      assert.ok([404, 400].includes(res.statusCode), `${url} answered ${res.statusCode}`);
    }
  });
});

describe('sitemap XML', () => {
  test('a URL longer than the protocol allows is left out rather than break the file', () => {
    const long = `http://localhost/${'a'.repeat(2100)}`;
    const body = renderUrlset([{ loc: long }, { loc: 'http://localhost/ok' }], 'UTC');
    assert.ok(!body.includes(long));
    assert.ok(body.includes('<loc>http://localhost/ok</loc>'));
  });

  test('Google News languages are ISO 639, with zh-cn and zh-tw for Chinese', () => {
    assert.equal(newsLanguage('en-US'), 'en');
    assert.equal(newsLanguage('de'), 'de');
    assert.equal(newsLanguage('zh-TW'), 'zh-tw');
    assert.equal(newsLanguage('zh-Hant-HK'), 'zh-tw');
    assert.equal(newsLanguage('zh-CN'), 'zh-cn');
  });
});
