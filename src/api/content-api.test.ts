import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { ArticleTeaser } from '../content/index.ts';
import type { fixedClock } from '../platform/index.ts';
import { API, newApiKey } from '../testing/content-api.ts';
import { buildDemoApp } from '../testing/demo-app.ts';
import { revokeApiKey } from './index.ts';

// biome-ignore lint/suspicious/noExplicitAny: JSON answers under test are read field by field.
type Json = Record<string, any>;

describe('Content API over HTTP (demo publisher)', async () => {
  let app: FastifyInstance;
  let everySite: string;
  let moneyOnly: string;
  let revoked: string;

  before(async () => {
    app = await buildDemoApp();
    everySite = (await newApiKey(app, { name: 'every site' })).secret;
    moneyOnly = (await newApiKey(app, { site: 'money', name: 'money' })).secret;
    const old = await newApiKey(app, { name: 'old' });
    await revokeApiKey(app.services.database.db, old.id, app.services.clock.now());
    revoked = old.secret;
  });
  after(() => app.close());

  function get(path: string, key: string | null = everySite, headers: Record<string, string> = {}) {
    return app.inject({
      url: API + path,
      headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
    });
  }
  const json = (res: LightMyRequestResponse): Json => res.json();

  function assertError(res: LightMyRequestResponse, status: number, code: string, message?: RegExp) {
    assert.equal(res.statusCode, status, res.body);
    assert.match(res.headers['content-type'] as string, /^application\/json/);
    const body = json(res);
    assert.equal(body.error, code);
    assert.equal(typeof body.message, 'string');
    if (message) assert.match(body.message, message);
    assert.equal(res.headers['cache-control'], 'no-store');
  }

  /** Every visible article of a site, newest first, as the reader site lists them. */
  async function visibleTeasers(siteSlug: string): Promise<ArticleTeaser[]> {
    const { content, clock } = app.services;
    const site = content.sites.find((s) => s.slug === siteSlug)!;
    const all: ArticleTeaser[] = [];
    for (let page = 1; ; page++) {
      const found = await content.articles.listVisible({
        siteId: site.id,
        now: clock.now(),
        page,
        pageSize: 100,
      });
      all.push(...found.items);
      if (!found.next) return all;
    }
  }

  /** Follows next_cursor to the end and answers every article seen. */
  async function walk(path: string, key = everySite): Promise<{ items: Json[]; pages: number }> {
    const items: Json[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const res = await get(cursor ? `${path}${sep}cursor=${cursor}` : path, key);
      assert.equal(res.statusCode, 200, res.body);
      const body = json(res);
      items.push(...body.data);
      cursor = body.next_cursor;
      pages++;
      assert.ok(pages < 200);
    } while (cursor);
    return { items, pages };
  }

  describe('API keys', () => {
    test('no key: 401 that says how to send one', async () => {
      const res = await get('/articles', null);
      assertError(res, 401, 'API_KEY_MISSING', /Authorization: Bearer <key>.*X-API-Key/);
      assert.match(res.headers['www-authenticate'] as string, /^Bearer/);
    });

    test('a wrong scheme, a malformed key, an unknown key, two different keys: 401 API_KEY_INVALID', async () => {
      assertError(
        await get('/articles', null, { authorization: `Basic ${everySite}` }),
        401,
        'API_KEY_INVALID',
        /Bearer/,
      );
      assertError(await get('/articles', 'dl_short'), 401, 'API_KEY_INVALID', /copied whole/);
      assertError(await get('/articles', `dl_${'A'.repeat(43)}`), 401, 'API_KEY_INVALID', /not known/);
      assertError(
        await get('/articles', everySite, { 'x-api-key': moneyOnly }),
        401,
        'API_KEY_INVALID',
        /different keys/,
      );
    });

    test('a revoked key: 401 API_KEY_REVOKED naming it', async () => {
      assertError(
        await get('/articles', revoked),
        401,
        'API_KEY_REVOKED',
        new RegExp(`${revoked.slice(0, 11)}…`),
      );
    });

    test('X-API-Key works as well as Authorization', async () => {
      const res = await get('/articles?limit=1', null, { 'x-api-key': everySite });
      assert.equal(res.statusCode, 200);
    });
  });

  describe('sites', () => {
    test('the Host picks the site for a key of every site; ?site= overrides it', async () => {
      const herald = json(await get('/articles?limit=5&fields=site'));
      assert.ok(herald.data.every((a: Json) => a.site === 'herald'));
      const byHost = json(
        await get('/articles?limit=5&fields=site,url', everySite, { host: 'money.localhost' }),
      );
      assert.ok(
        byHost.data.every((a: Json) => a.site === 'money' && a.url.startsWith('http://money.localhost/')),
      );
      const byParam = json(await get('/articles?limit=5&fields=site,url&site=health'));
      assert.ok(
        byParam.data.every((a: Json) => a.site === 'health' && a.url.startsWith('http://health.localhost')),
      );
    });

    test('a single-site key reads its own site by default and may read no other', async () => {
      const own = json(await get('/articles?limit=3&fields=site', moneyOnly));
      assert.ok(own.data.length > 0 && own.data.every((a: Json) => a.site === 'money'));
      assertError(await get('/articles?site=herald', moneyOnly), 403, 'API_SITE_FORBIDDEN', /"money"/);
      assertError(await get('/tags?site=nope', moneyOnly), 403, 'API_SITE_FORBIDDEN');
    });

    test('an unknown site: 400 listing the sites', async () => {
      assertError(
        await get('/articles?site=nope'),
        400,
        'API_INVALID_PARAMETER',
        /^site: .*herald, money, health/,
      );
    });
  });

  describe('GET /articles', () => {
    test('an article has every documented field, absolute URLs and times with offsets', async () => {
      const res = await get('/articles?limit=100');
      assert.equal(res.statusCode, 200);
      const { data } = json(res);
      const withAgency = data.find((a: Json) => a.agency !== null) ?? data[0];
      for (const a of [data[0], withAgency]) {
        assert.deepEqual(Object.keys(a), [
          'id',
          'url',
          'site',
          'slug',
          'headline',
          'summary',
          'body',
          'section',
          'tags',
          'authors',
          'agency',
          'rights_line',
          'byline_text',
          'dateline_place',
          'keywords',
          'featured_image',
          'published_at',
          'updated_at',
          'modified_at',
        ]);
        assert.match(a.url, new RegExp(`^http://localhost(:80)?/${a.section.path}/${a.slug}/${a.id}$`));
        assert.match(a.published_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
        assert.match(a.modified_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
        assert.ok(
          Array.isArray(a.body) && a.body.length > 0 && a.body.every((b: Json) => typeof b.type === 'string'),
        );
        assert.ok(a.authors.every((p: Json) => p.name && p.url.startsWith('http://localhost')));
        assert.ok(a.tags.every((t: Json) => t.slug && t.url.includes('/tag/')));
        if (a.featured_image) assert.match(a.featured_image.url, /^https?:\/\//);
      }
      if (withAgency.agency) {
        assert.equal(typeof withAgency.agency.name, 'string');
        assert.match(withAgency.rights_line, /All rights reserved/);
      }
    });

    test('the cursor walks every visible article exactly once, newest first', async () => {
      const expected = (await visibleTeasers('herald')).map((t) => t.id);
      const { items, pages } = await walk('/articles?limit=7&fields=id');
      const ids = items.map((a) => a.id);
      assert.equal(new Set(ids).size, ids.length, 'no duplicates');
      assert.deepEqual(ids, expected);
      assert.equal(pages, Math.ceil(expected.length / 7) + (expected.length % 7 === 0 ? 1 : 0));
      const first = json(await get('/articles'));
      assert.equal(first.data.length, 20, 'limit defaults to 20');
    });

    test('section includes its subsections; tag and author filter', async () => {
      const { content } = app.services;
      const herald = content.sites.find((s) => s.slug === 'herald')!;
      const world = content.sectionByPath(herald.id, 'world')!;
      const family = content.sections(herald.id).filter((s) => s.path === 'world' || s.parentId === world.id);
      const teasers = await visibleTeasers('herald');
      const inWorld = teasers.filter((t) => family.some((s) => s.id === t.sectionId)).map((t) => t.id);
      const { items } = await walk('/articles?section=world&limit=10&fields=id,section');
      assert.deepEqual(
        items.map((a) => a.id),
        inWorld,
      );
      assert.ok(
        items.some((a) => a.section.path.startsWith('world/')),
        'subsection articles are included',
      );

      const europe = await walk('/articles?section=world/europe&limit=50&fields=section');
      assert.ok(europe.items.length > 0 && europe.items.every((a) => a.section.path === 'world/europe'));

      const tagged = await walk('/articles?tag=diplomacy&limit=50&fields=tags');
      assert.ok(tagged.items.length > 0);
      assert.ok(tagged.items.every((a) => a.tags.some((t: Json) => t.slug === 'diplomacy')));

      const someAuthor = json(await get('/articles?limit=1&fields=authors')).data[0].authors[0].slug;
      const byAuthor = await walk(`/articles?author=${someAuthor}&limit=50&fields=authors`);
      assert.ok(byAuthor.items.length > 0);
      assert.ok(byAuthor.items.every((a) => a.authors.some((p: Json) => p.slug === someAuthor)));

      assertError(
        await get('/articles?section=nowhere'),
        400,
        'API_INVALID_PARAMETER',
        /^section: .*GET \/sections/,
      );
      assertError(await get('/articles?tag=no-such-tag'), 400, 'API_INVALID_PARAMETER', /^tag: .*GET \/tags/);
      assertError(
        await get('/articles?author=nobody'),
        400,
        'API_INVALID_PARAMETER',
        /^author: .*GET \/authors/,
      );
    });

    test('updated_since lists changes at or after it, oldest first, and comes due with scheduled articles', async () => {
      const { content } = app.services;
      const clock = app.services.clock as ReturnType<typeof fixedClock>;
      const start = clock.now();
      const since = new Date(start.getTime() + 1).toISOString();
      assert.deepEqual(json(await get(`/articles?updated_since=${since}`)).data, []);

      const herald = content.sites.find((s) => s.slug === 'herald')!;
      const [older, newer] = (await visibleTeasers('herald')).slice(10, 12);
      clock.set(new Date(start.getTime() + 60_000));
      const a = (await content.articles.findById(older!.id))!;
      await content.editArticle(
        a.id,
        { summary: 'Corrected summary.' },
        { savedBy: null, expectedRevision: a.revision },
      );
      const draft = await content.createArticle(
        { siteId: herald.id, sectionId: content.sections(herald.id)[0]!.id, headline: 'Scheduled for later' },
        { savedBy: null },
      );
      await content.scheduleArticle(draft.id, new Date(start.getTime() + 180_000), { savedBy: null });
      clock.set(new Date(start.getTime() + 120_000));
      const b = (await content.articles.findById(newer!.id))!;
      await content.editArticle(
        b.id,
        { summary: 'Also corrected.' },
        { savedBy: null, expectedRevision: b.revision },
      );

      const beforeDue = await walk(`/articles?updated_since=${since}&limit=1&fields=id,modified_at,summary`);
      assert.deepEqual(
        beforeDue.items.map((x) => x.id),
        [older!.id, newer!.id],
      );
      assert.equal(beforeDue.items[0]!.summary, 'Corrected summary.');
      assert.match(beforeDue.items[0]!.modified_at, /T10:01:00-05:00$/);

      clock.set(new Date(start.getTime() + 240_000));
      const afterDue = await walk(
        `/articles?updated_since=${encodeURIComponent('2026-11-25T10:00:00.001-05:00')}&limit=2&fields=id`,
      );
      assert.deepEqual(
        afterDue.items.map((x) => x.id),
        [older!.id, newer!.id, draft.id],
      );

      // A cursor belongs to its ordering.
      const published = json(await get('/articles?limit=1'));
      assertError(
        await get(`/articles?updated_since=${since}&cursor=${published.next_cursor}`),
        400,
        'API_INVALID_CURSOR',
        /without updated_since/,
      );
      assertError(
        await get('/articles?updated_since=yesterday'),
        400,
        'API_INVALID_PARAMETER',
        /^updated_since: .*ISO 8601/,
      );
      assertError(
        await get('/articles?updated_since=2016-12-31T23:59:60Z'),
        400,
        'API_INVALID_PARAMETER',
        /^updated_since/,
      );
      assert.equal((await get('/articles?updated_since=0001-01-01T00:00:00Z&limit=1')).statusCode, 200);
      clock.set(start);
    });

    test('a bad cursor is a 400 that says to pass next_cursor unchanged', async () => {
      for (const cursor of [
        'abc',
        'eyJvIjoicCJ9',
        Buffer.from('{"o":"p","t":"0000-01-01T00:00:00.000Z","i":1}').toString('base64url'),
        Buffer.from('{"o":"p","t":"2026-01-01T00:00:00.000Z","i":99999999999}').toString('base64url'),
      ]) {
        assertError(await get(`/articles?cursor=${cursor}`), 400, 'API_INVALID_CURSOR', /next_cursor/);
      }
      assertError(await get('/articles?cursor=not%20base64'), 400, 'API_INVALID_PARAMETER', /^cursor: /);
    });

    test('fields selects fields (id always), and names the unknown ones', async () => {
      const { data } = json(await get('/articles?limit=2&fields=headline,url'));
      assert.deepEqual(Object.keys(data[0]), ['id', 'url', 'headline']);
      assert.deepEqual(Object.keys(json(await get('/articles?limit=1&fields= id , modified_at')).data[0]), [
        'id',
        'modified_at',
      ]);
      assertError(
        await get('/articles?fields=headline,author,colour'),
        400,
        'API_INVALID_PARAMETER',
        /^fields: "author", "colour" are not fields; choose from id, url/,
      );
      assertError(await get('/articles?fields=,,'), 400, 'API_INVALID_PARAMETER', /^fields: names no field/);
    });

    test('bad parameters are 400s that name the parameter and say what it must be', async () => {
      const cases: [string, RegExp][] = [
        ['/articles?limit=0', /^limit: must be a whole number from 1 to 100\.$/],
        ['/articles?limit=101', /^limit: must be a whole number from 1 to 100\.$/],
        ['/articles?limit=ten', /^limit: /],
        ['/articles?limit=Infinity', /^limit: must be a whole number from 1 to 100\.$/],
        ['/articles?limit=1&limit=2', /^limit: .*given once/],
        ['/articles?tag=a&tag=b', /^tag: .*given once/],
        ['/articles?section=World', /^section: must be a section path/],
        [
          '/articles?sectoin=world',
          /^"sectoin" is not a parameter here; this endpoint takes site, section, tag/,
        ],
        ['/sections?limit=5', /^"limit" is not a parameter here; this endpoint takes site/],
        ['/articles/12abc', /^id: must be an article id/],
        ['/articles/0', /^id: /],
        ['/articles/99999999999', /^id: /],
        ['/articles/by-slug/Not_A_Slug', /^slug: /],
      ];
      for (const [path, message] of cases)
        assertError(await get(path), 400, 'API_INVALID_PARAMETER', message);
    });
  });

  describe('one article', () => {
    test('by id, and by slug; only published ones', async () => {
      const [first] = json(await get('/articles?limit=1')).data;
      const byId = json(await get(`/articles/${first.id}`));
      assert.deepEqual(byId, first);
      assert.deepEqual(json(await get(`/articles/by-slug/${first.slug}`)), first);
      assert.deepEqual(json(await get(`/articles/${first.id}?fields=headline`)), {
        id: first.id,
        headline: first.headline,
      });
      assertError(await get('/articles/999999'), 404, 'API_NOT_FOUND', /no published article 999999/);
      assertError(
        await get('/articles/by-slug/no-such-story'),
        404,
        'API_NOT_FOUND',
        /"no-such-story" on the site "herald"/,
      );

      const { content } = app.services;
      const herald = content.sites.find((s) => s.slug === 'herald')!;
      const draft = await content.createArticle(
        { siteId: herald.id, sectionId: content.sections(herald.id)[0]!.id, headline: 'Unpublished draft' },
        { savedBy: null },
      );
      assertError(await get(`/articles/${draft.id}`), 404, 'API_NOT_FOUND');
      assertError(await get('/articles/by-slug/unpublished-draft'), 404, 'API_NOT_FOUND');
    });

    test('wire copy: its byline and dateline place as stored, null for staff copy', async () => {
      const { content } = app.services;
      const herald = content.sites.find((s) => s.slug === 'herald')!;
      const agency = await content.taxonomy.findOrCreateAgency(herald.id, 'Acme Wire');
      const draft = await content.createArticle(
        {
          siteId: herald.id,
          sectionId: content.sections(herald.id)[0]!.id,
          headline: 'Wire copy with a dateline',
          body: [{ type: 'paragraph', text: 'Talks resumed on Monday.' }],
          agencyId: agency.id,
          bylineText: 'By Jane <Doe>',
          datelinePlace: 'London',
        },
        { savedBy: null },
      );
      await content.publishArticle(draft.id, { savedBy: null });
      const wire = json(await get(`/articles/${draft.id}`));
      assert.equal(wire.byline_text, 'By Jane <Doe>');
      assert.equal(wire.dateline_place, 'London');
      assert.deepEqual(json(await get(`/articles/${draft.id}?fields=dateline_place,byline_text`)), {
        id: draft.id,
        byline_text: 'By Jane <Doe>',
        dateline_place: 'London',
      });
      const others = json(await get('/articles?limit=5&fields=byline_text,dateline_place')).data;
      const staff = others.find((a: Json) => a.id !== draft.id);
      assert.deepEqual([staff.byline_text, staff.dateline_place], [null, null]);
      await content.unpublishArticle(draft.id, { savedBy: null });
    });

    test("another site's article: by id with a key for every site; never with another site's key", async () => {
      const [money] = json(await get('/articles?site=money&limit=1')).data;
      const res = json(await get(`/articles/${money.id}`));
      assert.equal(res.site, 'money');
      assert.match(res.url, /^http:\/\/money\.localhost(:80)?\//);
      assertError(
        await get(`/articles/${money.id}?site=herald`),
        404,
        'API_NOT_FOUND',
        /on the site "herald"/,
      );
      const [herald] = json(await get('/articles?limit=1')).data;
      assertError(await get(`/articles/${herald.id}`, moneyOnly), 404, 'API_NOT_FOUND');
      assert.equal((await get(`/articles/by-slug/${money.slug}?site=money`)).statusCode, 200);
      assertError(await get(`/articles/by-slug/${money.slug}`), 404, 'API_NOT_FOUND', /add \?site=SLUG/);
    });
  });

  describe('sections, tags, authors', () => {
    test("list the site's sections (with parents), tags and authors with their URLs", async () => {
      const sections = json(await get('/sections')).data;
      assert.ok(sections.some((s: Json) => s.path === 'world' && s.parent_path === null));
      assert.ok(sections.some((s: Json) => s.path === 'world/europe' && s.parent_path === 'world'));
      assert.ok(sections.every((s: Json) => s.url === `http://localhost:80/${s.path}`));
      const tags = json(await get('/tags')).data;
      assert.ok(
        tags.some((t: Json) => t.slug === 'diplomacy' && t.url === 'http://localhost:80/tag/diplomacy'),
      );
      const authors = json(await get('/authors?site=money')).data;
      assert.ok(authors.length > 0);
      assert.ok(authors.every((a: Json) => a.name && a.url.startsWith('http://money.localhost')));
    });
  });

  describe('HTTP details', () => {
    test('data answers: private, one-minute caching, Vary on the key headers; errors: no-store', async () => {
      const ok = await get('/articles?limit=1');
      assert.equal(ok.headers['cache-control'], 'private, max-age=60');
      assert.match(ok.headers.vary as string, /Authorization, X-API-Key/);
      assert.equal(ok.headers['x-content-type-options'], 'nosniff');
      assert.equal(ok.headers['content-security-policy'], "default-src 'none'; frame-ancestors 'none'");
      assert.equal((await get('/articles?limit=0')).headers['cache-control'], 'no-store');
    });

    test('CORS: any origin may GET (no credentials); preflight needs no key', async () => {
      const res = await get('/articles?limit=1', everySite, { origin: 'https://partner.example' });
      assert.equal(res.headers['access-control-allow-origin'], '*');
      assert.match(res.headers['access-control-expose-headers'] as string, /Retry-After/);
      const unauthorised = await get('/articles', null, { origin: 'https://partner.example' });
      assert.equal(unauthorised.headers['access-control-allow-origin'], '*', 'clients can read the 401');
      const preflight = await app.inject({
        method: 'OPTIONS',
        url: `${API}/articles`,
        headers: {
          origin: 'https://partner.example',
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization',
        },
      });
      assert.equal(preflight.statusCode, 204);
      assert.equal(preflight.headers['access-control-allow-origin'], '*');
      assert.match(preflight.headers['access-control-allow-headers'] as string, /Authorization/i);
      assert.match(preflight.headers['access-control-allow-methods'] as string, /GET/);
    });

    test('unknown API paths are JSON 404s, writes are 405s; the reader site is untouched', async () => {
      assertError(await get('/nope'), 404, 'API_NOT_FOUND', /\/api\/content\/v1\/docs/);
      assertError(await get('/articles/1/comments'), 404, 'API_NOT_FOUND');
      const post = await app.inject({
        method: 'POST',
        url: `${API}/articles`,
        headers: { authorization: `Bearer ${everySite}` },
      });
      assertError(post, 405, 'API_METHOD_NOT_ALLOWED', /read-only/);
      assert.equal(post.headers.allow, 'GET, HEAD, OPTIONS');
      const index = json(await get('/', null));
      assert.equal(index.docs, `${API}/docs`);
      const home = await app.inject({ url: '/' });
      assert.equal(home.statusCode, 200);
      assert.match(home.headers['content-type'] as string, /text\/html/);
      assert.match(home.headers['content-security-policy'] as string, /script-src 'self'; style-src 'self';/);
    });
  });
});
