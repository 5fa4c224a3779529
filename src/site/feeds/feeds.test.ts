import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Ajv } from 'ajv';
import type { FastifyInstance } from 'fastify';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import type { Article } from '../../content/index.ts';
import { fixedClock } from '../../platform/index.ts';
import { sqliteDialect } from '../../testing/databases.ts';
import { buildDemoApp } from '../../testing/demo-app.ts';
import { TEST_NOW } from '../../testing/fixed-time.ts';
import { fixturesFolder } from '../../testing/fixtures.ts';
import { createSmallSite } from '../../testing/small-site.ts';
import { buildTestApp } from '../../testing/test-app.ts';
import { xmllint, xmllintAvailable } from '../../testing/xmllint.ts';

/** Asserts a JSON Feed is valid against the JSON Feed 1.1 JSON Schema of the shared fixtures; null without them. */
function jsonFeedValidator(): ((what: string, body: string) => void) | null {
  const schemaDir = fixturesFolder('jsonfeed/schema');
  if (!schemaDir) return null;
  const ajv = new Ajv({ allErrors: true });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
  const validate = ajv.compile(JSON.parse(readFileSync(join(schemaDir, 'schema-v1.1.json'), 'utf8')));
  return (what, body) => assert.ok(validate(JSON.parse(body)), `${what}: ${ajv.errorsText(validate.errors)}`);
}

describe('feeds over HTTP', async () => {
  const database = (await sqliteDialect.open())!;
  const clock = fixedClock(TEST_NOW);
  let app: FastifyInstance;
  let fixture: Awaited<ReturnType<typeof createSmallSite>>;
  let wire: Article;
  let staff: Article;

  before(async () => {
    app = await buildTestApp({ database, clock });
    const { content } = app.services;
    fixture = await createSmallSite(content, TEST_NOW);
    const money = await content.taxonomy.createSite(
      {
        slug: 'money',
        name: 'Money Test',
        tagline: 'Markets',
        timeZone: 'America/New_York',
        locale: 'en-US',
        company: 'Test Media Co.',
        logoUrl: '',
        trademarkText: 'Money Test is a trademark.',
        navigation: [],
        hosts: ['money.test'],
        isDefault: false,
      },
      TEST_NOW,
    );
    const markets = await content.taxonomy.createSection({
      siteId: money.id,
      parentId: null,
      slug: 'markets',
      name: 'Markets',
      description: '',
      position: 0,
    });
    await content.load();
    const publishNew = async (input: Parameters<typeof content.createArticle>[0]) =>
      content.publishArticle((await content.createArticle(input, { savedBy: null })).id, { savedBy: null });
    clock.set('2025-10-21T10:00:00Z');
    wire = await publishNew({
      siteId: fixture.site.id,
      sectionId: fixture.europe.id,
      headline: 'Summit talks resume in Geneva',
      summary: 'Delegations return to the table.',
      body: [
        { type: 'paragraph', text: 'Negotiators met on Tuesday morning.' },
        { type: 'image', src: '/media/demo/map.png', alt: 'A map' },
      ],
      tagIds: [fixture.tags[0]!.id, fixture.tags[1]!.id],
      agencyId: fixture.agency.id,
      rightsLine: '© 2025 Test Wire Agency. All rights reserved.',
      featuredImage: {
        src: '/media/demo/summit.jpg',
        alt: 'Delegates',
        width: 1200,
        height: 675,
        credit: 'Wire',
      },
    });
    clock.set('2025-10-21T11:00:00Z');
    staff = await publishNew({
      siteId: fixture.site.id,
      sectionId: fixture.world.id,
      headline: 'Staff report <script>alert("x")</script> \u0007bell',
      summary: 'A "quoted" summary & more ]]> </content>',
      body: [{ type: 'paragraph', text: '<img src=x onerror=alert(1)>' }],
      authorIds: [fixture.authors[0]!.id, fixture.authors[1]!.id],
      tagIds: [fixture.tags[0]!.id],
    });
    await publishNew({ siteId: money.id, sectionId: markets.id, headline: 'Stocks rally' });
    clock.set(TEST_NOW);
  });
  after(async () => app.close());

  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers: { host: 'daily.test', ...headers } });
  const wireUrl = () => `http://daily.test/world/europe/${wire.slug}/${wire.id}`;
  const kinds = [
    { file: 'rss.xml', type: 'application/rss+xml; charset=utf-8' },
    { file: 'atom.xml', type: 'application/atom+xml; charset=utf-8' },
    { file: 'feed.json', type: 'application/feed+json; charset=utf-8' },
  ];
  /** The item links of any feed kind, through feedsmith. */
  async function linksOf(path: string): Promise<string[]> {
    const res = await get(path);
    assert.equal(res.statusCode, 200, path);
    if (path.endsWith('rss.xml')) return (parseRssFeed(res.body).items ?? []).map((i) => i.link ?? '');
    if (path.endsWith('atom.xml')) {
      const entries = parseAtomFeed(res.body).entries ?? [];
      return entries.map((e) => e.links?.find((l) => l.rel === 'alternate')?.href ?? '');
    }
    return (parseJsonFeed(res.body).items ?? []).map((i) => i.url ?? '');
  }

  test('every kind answers with its content type, for the site, a section, a tag and an author', async () => {
    for (const base of [
      '/feeds',
      '/feeds/section/world',
      '/feeds/section/world/europe',
      '/feeds/tag/summit',
      '/feeds/author/ann-writer',
    ]) {
      for (const kind of kinds) {
        const res = await get(`${base}/${kind.file}`);
        assert.equal(res.statusCode, 200, `${base}/${kind.file}`);
        assert.equal(res.headers['content-type'], kind.type);
        assert.match(res.headers.etag as string, /^"[\w-]+"$/);
        assert.ok(res.headers['last-modified']);
        assert.match(res.headers['surrogate-key'] as string, /\bsite:\d+\b/);
      }
    }
  });

  test('RSS 2.0: absolute links, categories from tags, enclosure and media:content, rights', async () => {
    const res = await get('/feeds/rss.xml');
    const feed = parseRssFeed(res.body);
    assert.equal(feed.title, 'Daily Test');
    assert.equal(feed.link, 'http://daily.test/');
    assert.equal(feed.copyright, '© 2025 Test Media Co. All rights reserved.');
    assert.equal(feed.atom?.links?.[0]?.href, 'http://daily.test/feeds/rss.xml');
    assert.equal(feed.language, 'en-us');
    const items = feed.items ?? [];
    assert.deepEqual(
      items.map((i) => i.link),
      [`http://daily.test/world/${staff.slug}/${staff.id}`, wireUrl()],
      'newest first, only this site',
    );
    const item = items[1]!;
    assert.equal(item.title, 'Summit talks resume in Geneva');
    assert.equal(item.description, 'Delegations return to the table.');
    assert.equal(item.pubDate, 'Tue, 21 Oct 2025 10:00:00 GMT');
    assert.equal(item.guid?.isPermaLink, false);
    assert.match(item.guid!.value!, /^tag:daily\.test,2025-10-21:article:\d+$/);
    assert.deepEqual(
      item.categories?.map((c) => c.name),
      ['Summit', 'Peace'],
    );
    assert.deepEqual(item.enclosures, [
      { url: 'http://daily.test/media/demo/summit.jpg', length: 0, type: 'image/jpeg' },
    ]);
    const media = item.media?.contents?.[0];
    assert.equal(media?.url, 'http://daily.test/media/demo/summit.jpg');
    assert.equal(media?.medium, 'image');
    assert.equal(media?.width, 1200);
    assert.deepEqual(item.dc?.rights, ['© 2025 Test Wire Agency. All rights reserved.']);
    assert.deepEqual(item.dc?.creators, ['Test Wire Agency'], 'wire copy without a byline is the agency’s');
    const html = item.content?.encoded ?? '';
    assert.ok(html.includes('<p>Negotiators met on Tuesday morning.</p>'));
    assert.ok(html.includes('src="http://daily.test/media/demo/map.png"'), 'body images are absolute');
    assert.ok(html.includes('src="http://daily.test/media/demo/summit.jpg"'), 'the featured image leads');
    assert.ok(html.includes('<p class="rights-line">© 2025 Test Wire Agency. All rights reserved.</p>'));
    assert.deepEqual(items[0]!.dc?.creators, ['Ann Writer', 'Bob Editor']);
    assert.equal(items[0]!.dc?.rights, undefined, 'the newsroom’s own copy carries no agency rights');
  });

  test('Atom 1.0: ids, alternate and enclosure links, categories with scheme, authors, rights', async () => {
    const feed = parseAtomFeed((await get('/feeds/atom.xml')).body);
    assert.equal(feed.id, 'http://daily.test/feeds/atom.xml');
    assert.equal(feed.rights?.value, '© 2025 Test Media Co. All rights reserved.');
    assert.deepEqual(
      feed.links?.map((l) => [l.rel, l.href]),
      [
        ['alternate', 'http://daily.test/'],
        ['self', 'http://daily.test/feeds/atom.xml'],
      ],
    );
    assert.equal(feed.updated, '2025-10-21T07:00:00-04:00', 'the newest entry, in the site zone');
    const entries = feed.entries ?? [];
    const entry = entries.find((e) => e.title?.value === 'Summit talks resume in Geneva');
    assert.ok(entry, 'the wire entry is there');
    assert.equal(entry.published, '2025-10-21T06:00:00-04:00');
    assert.deepEqual(
      entry.links?.map((l) => [l.rel, l.href, l.type]),
      [
        ['alternate', wireUrl(), 'text/html'],
        ['enclosure', 'http://daily.test/media/demo/summit.jpg', 'image/jpeg'],
      ],
    );
    assert.deepEqual(
      entry.categories?.map((c) => [c.term, c.label, c.scheme]),
      [
        ['summit', 'Summit', 'http://daily.test/tag/'],
        ['peace', 'Peace', 'http://daily.test/tag/'],
      ],
    );
    assert.equal(entry.rights?.value, '© 2025 Test Wire Agency. All rights reserved.');
    assert.deepEqual(entry.authors, [{ name: 'Test Wire Agency', uri: 'https://wire.example' }]);
    const staffEntry = entries.find((e) => e.title?.value?.startsWith('Staff report'));
    assert.deepEqual(
      staffEntry?.authors?.map((a) => a.uri),
      ['http://daily.test/author/ann-writer', 'http://daily.test/author/bob-editor'],
    );
  });

  test('JSON Feed 1.1: valid against the JSON Schema, with image, tags, authors and rights', async (t) => {
    const res = await get('/feeds/feed.json');
    const raw = JSON.parse(res.body);
    const feed = parseJsonFeed(res.body);
    assert.equal(feed.feed_url, 'http://daily.test/feeds/feed.json');
    assert.equal(feed.home_page_url, 'http://daily.test/');
    const item = (feed.items ?? []).find((i) => i.url === wireUrl());
    assert.ok(item);
    assert.equal(item.image, 'http://daily.test/media/demo/summit.jpg');
    assert.deepEqual(item.tags, ['Summit', 'Peace']);
    assert.equal(item.date_published, '2025-10-21T06:00:00-04:00');
    assert.ok(item.content_html?.includes('src="http://daily.test/media/demo/map.png"'));
    const rawItem = raw.items.find((i: { url: string }) => i.url === wireUrl());
    assert.deepEqual(rawItem._dateline, { rights: '© 2025 Test Wire Agency. All rights reserved.' });
    assert.equal(raw._dateline.rights, '© 2025 Test Media Co. All rights reserved.');

    const validate = jsonFeedValidator();
    if (!validate) return t.skip('no JSON Feed schema');
    for (const path of [
      '/feeds/feed.json',
      '/feeds/tag/summit/feed.json',
      '/feeds/section/world/feed.json',
    ]) {
      validate(path, (await get(path)).body);
    }
  });

  test('sections list their subsections; tags and authors only their own', async () => {
    assert.equal((await linksOf('/feeds/section/world/rss.xml')).length, 2);
    assert.deepEqual(await linksOf('/feeds/section/world/europe/atom.xml'), [wireUrl()]);
    assert.deepEqual(await linksOf('/feeds/tag/peace/feed.json'), [wireUrl()]);
    assert.deepEqual(await linksOf('/feeds/tag/war/rss.xml'), []);
    assert.deepEqual(await linksOf('/feeds/author/bob-editor/rss.xml'), [
      `http://daily.test/world/${staff.slug}/${staff.id}`,
    ]);
    const europe = parseRssFeed((await get('/feeds/section/world/europe/rss.xml')).body);
    assert.equal(europe.title, 'World: Europe | Daily Test');
    assert.equal(europe.link, 'http://daily.test/world/europe');
    const money = await app.inject({ method: 'GET', url: '/feeds/rss.xml', headers: { host: 'money.test' } });
    assert.deepEqual(
      parseRssFeed(money.body).items?.map((i) => i.title),
      ['Stocks rally'],
      'the site comes from the Host header',
    );
  });

  test('newsroom text stays text, and XML-forbidden characters never break a feed', async (t) => {
    for (const file of ['rss.xml', 'atom.xml']) {
      const body = (await get(`/feeds/${file}`)).body;
      assert.ok(!body.includes('<script>'), file);
      assert.ok(!body.includes('\u0007'), file);
    }
    const json = parseJsonFeed((await get('/feeds/feed.json')).body);
    assert.equal(json.items?.[0]?.title, staff.headline, 'JSON escapes what XML must drop');
    const rss = parseRssFeed((await get('/feeds/rss.xml')).body);
    assert.equal(rss.items?.[0]?.title, 'Staff report <script>alert("x")</script> bell');
    assert.equal(rss.items?.[0]?.description, 'A "quoted" summary & more ]]> </content>');
    assert.ok(rss.items?.[0]?.content?.encoded?.includes('<p>&lt;img src=x onerror=alert(1)&gt;</p>'));
    if (!xmllintAvailable()) return t.skip('no xmllint');
    for (const path of ['/feeds/rss.xml', '/feeds/atom.xml', '/feeds/section/world/europe/rss.xml']) {
      const result = xmllint((await get(path)).body);
      assert.ok(result.ok, `${path} is well-formed XML: ${result.output}`);
    }
  });

  test('site, section, tag and author pages link their feeds in the head', async () => {
    const siteLinks = [
      '<link rel="alternate" type="application/rss+xml" title="Daily Test (RSS)" href="http://daily.test/feeds/rss.xml">',
      '<link rel="alternate" type="application/atom+xml" title="Daily Test (Atom)" href="http://daily.test/feeds/atom.xml">',
      '<link rel="alternate" type="application/feed+json" title="Daily Test (JSON Feed)" href="http://daily.test/feeds/feed.json">',
    ];
    const pages: [string, string | null][] = [
      ['/', null],
      [`/world/europe/${wire.slug}/${wire.id}`, null],
      ['/world/europe', 'http://daily.test/feeds/section/world/europe/rss.xml'],
      ['/tag/summit', 'http://daily.test/feeds/tag/summit/rss.xml'],
      ['/author/ann-writer', 'http://daily.test/feeds/author/ann-writer/rss.xml'],
    ];
    for (const [path, own] of pages) {
      const head = (await get(path)).body.split('</head>')[0]!;
      for (const link of siteLinks) assert.ok(head.includes(link), `${path} links ${link}`);
      if (own)
        assert.ok(
          head.includes(`type="application/rss+xml" title="Daily Test: `) && head.includes(`href="${own}"`),
          path,
        );
    }
    assert.ok(
      (await get('/world/europe')).body.includes(
        'title="Daily Test: World: Europe (Atom)" href="http://daily.test/feeds/section/world/europe/atom.xml"',
      ),
    );
  });

  test('304 on a matching ETag and on If-Modified-Since; If-None-Match decides when both are sent', async () => {
    for (const kind of kinds) {
      const url = `/feeds/tag/summit/${kind.file}`;
      const first = await get(url);
      const etag = first.headers.etag as string;
      const lastModified = first.headers['last-modified'] as string;
      assert.equal((await get(url, { 'if-none-match': etag })).statusCode, 304);
      const byDate = await get(url, { 'if-modified-since': lastModified });
      assert.equal(byDate.statusCode, 304);
      assert.equal(byDate.body, '');
      const earlier = new Date(Date.parse(lastModified) - 1000).toUTCString();
      assert.equal((await get(url, { 'if-modified-since': earlier })).statusCode, 200);
      assert.equal((await get(url, { 'if-modified-since': 'not a date' })).statusCode, 200);
      const stale = await get(url, { 'if-none-match': '"other"', 'if-modified-since': lastModified });
      assert.equal(stale.statusCode, 200);
    }
  });

  test('an unpublished article leaves every feed on the next request', async () => {
    const { content } = app.services;
    clock.set('2025-10-21T12:30:00Z');
    const draft = await content.createArticle(
      {
        siteId: fixture.site.id,
        sectionId: fixture.europe.id,
        headline: 'Soon withdrawn',
        tagIds: [fixture.tags[2]!.id],
        authorIds: [fixture.authors[1]!.id],
      },
      { savedBy: null },
    );
    const story = await content.publishArticle(draft.id, { savedBy: null });
    const url = `http://daily.test/world/europe/${story.slug}/${story.id}`;
    const feeds = [
      '/feeds',
      '/feeds/section/world',
      '/feeds/section/world/europe',
      '/feeds/tag/war',
      '/feeds/author/bob-editor',
    ].flatMap((base) => kinds.map((k) => `${base}/${k.file}`));
    const validators = new Map<string, string>();
    for (const path of feeds) {
      assert.ok((await linksOf(path)).includes(url), `${path} lists the story`);
      const hits = app.services.cache!.hits;
      validators.set(path, (await get(path)).headers['last-modified'] as string);
      assert.equal(app.services.cache!.hits, hits + 1, `${path} is served from the page cache`);
    }
    clock.set('2025-10-21T12:31:00Z');
    await content.unpublishArticle(story.id, { savedBy: null });
    for (const path of feeds) {
      assert.ok(!(await linksOf(path)).includes(url), `${path} no longer lists the story`);
      const res = await get(path, { 'if-modified-since': validators.get(path)! });
      assert.equal(res.statusCode, 200, `${path}: a reader polling by date gets the new version`);
    }
    clock.set(TEST_NOW);
  });

  test('unknown tags, sections, authors and files are 404; odd URLs never a 500', async () => {
    for (const url of [
      '/feeds/tag/no-such-tag/rss.xml',
      '/feeds/author/nobody/atom.xml',
      '/feeds/section/nowhere/feed.json',
      '/feeds/section/world/nowhere/rss.xml',
      '/feeds/section/rss.xml',
      '/feeds/section/',
      '/feeds/rss.json',
      '/feeds/feed.xml',
      '/feeds/tag/summit/rss',
      '/feeds/tag/summit/',
      '/feeds/rss.xml?page=2',
      '/feeds/rss.xml?page=abc',
      '/feeds/tag/%00/rss.xml',
      '/feeds/tag/%E0%A4%A/rss.xml',
      '/feeds/section/world/../europe/rss.xml',
      `/feeds/tag/${'a'.repeat(600)}/rss.xml`,
      `/feeds/section/${'a/'.repeat(300)}rss.xml`,
      '/feeds/author/ann-writer/rss.xml/extra',
    ]) {
      const res = await get(url);
      assert.ok([404, 400].includes(res.statusCode), `${url} answered ${res.statusCode}`);
    }
    const markets = await app.inject({
      method: 'GET',
      url: '/feeds/section/markets/rss.xml',
      headers: { host: 'daily.test' },
    });
    assert.equal(markets.statusCode, 404, 'another site’s section');
  });
});

describe('the demo publisher’s feeds', async () => {
  const now = new Date('2026-11-25T15:00:00Z');
  let app: FastifyInstance;
  before(async () => {
    app = await buildDemoApp({ now });
  });
  after(async () => app.close());

  test('every brand’s feeds parse, hold the latest 50, and validate; every section’s, tag’s and author’s answer', async () => {
    const { content } = app.services;
    const validate = jsonFeedValidator();
    for (const host of ['localhost', 'money.localhost', 'health.localhost']) {
      const site = content.siteForHost(host)!;
      const get = async (url: string) => {
        const res = await app.inject({ method: 'GET', url, headers: { host } });
        assert.equal(res.statusCode, 200, `${host}${url}`);
        return res.body;
      };
      const total = await content.articles.countVisible({ siteId: site.id, now });
      const rss = parseRssFeed(await get('/feeds/rss.xml'));
      const dates = (rss.items ?? []).map((i) => Date.parse(i.pubDate ?? ''));
      assert.equal(dates.length, Math.min(50, total), host);
      assert.deepEqual(
        dates,
        [...dates].sort((a, b) => b - a),
        'newest first',
      );
      assert.equal(parseAtomFeed(await get('/feeds/atom.xml')).entries?.length, dates.length);
      const json = await get('/feeds/feed.json');
      assert.equal(parseJsonFeed(json).items?.length, dates.length);
      validate?.(`${host} feed.json`, json);
      if (xmllintAvailable()) {
        for (const path of ['/feeds/rss.xml', '/feeds/atom.xml']) {
          const result = xmllint(await get(path));
          assert.ok(result.ok, `${host}${path}: ${result.output}`);
        }
      }
      for (const section of content.sections(site.id))
        parseRssFeed(await get(`/feeds/section/${section.path}/rss.xml`));
      for (const tag of (await content.taxonomy.listTags(site.id)).slice(0, 3)) {
        parseAtomFeed(await get(`/feeds/tag/${tag.slug}/atom.xml`));
      }
      for (const author of (await content.taxonomy.listAuthors(site.id)).slice(0, 3)) {
        validate?.(author.slug, await get(`/feeds/author/${author.slug}/feed.json`));
      }
    }
  });
});
