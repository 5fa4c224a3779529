import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createSearchService } from '../search/index.ts';
import { API, buildApiApp, newApiKey } from '../testing/content-api.ts';
import { buildDemoApp } from '../testing/demo-app.ts';

describe('Content API search', async () => {
  let demo: FastifyInstance;
  let api: FastifyInstance;
  let key: string;
  before(async () => {
    demo = await buildDemoApp();
    const { database } = demo.services;
    const search = createSearchService({ db: database.db, caps: database.caps });
    await search.reindexAll();
    api = await buildApiApp(demo, { search });
    key = (await newApiKey(demo)).secret;
  });
  after(async () => {
    await api.close();
    await demo.close();
  });

  const get = (path: string, app = api) =>
    app.inject({ url: API + path, headers: { authorization: `Bearer ${key}` } });

  test('finds published articles: whole articles, with the passage that matched', async () => {
    const res = await get('/search?q=vaccines&limit=3');
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.ok(body.data.length > 0 && body.data.length <= 3);
    assert.ok(body.total >= body.data.length);
    assert.equal(body.page, 1);
    assert.equal(body.next_page, body.total > 3 ? 2 : null);
    for (const { article, snippet } of body.data) {
      assert.equal(article.site, 'herald');
      assert.match(article.url, /^http:\/\/localhost(:80)?\//);
      assert.ok(Array.isArray(snippet) && snippet.every((s: { text: string }) => typeof s.text === 'string'));
    }
    assert.ok(
      body.data.some((d: { snippet: { hit: boolean }[] }) => d.snippet.some((s) => s.hit)),
      'some passage marks a hit',
    );
  });

  test('pages end with next_page null, and a page past the last is empty', async () => {
    const first = (await get('/search?q=vaccines&limit=1&fields=id')).json();
    const seen: number[] = [];
    let page: number | null = 1;
    while (page !== null) {
      const body: { data: { article: { id: number } }[]; next_page: number | null } = (
        await get(`/search?q=vaccines&limit=1&fields=id&page=${page}`)
      ).json();
      seen.push(...body.data.map((d) => d.article.id));
      page = body.next_page;
    }
    assert.equal(seen.length, first.total);
    assert.equal(new Set(seen).size, seen.length);
    const past = (await get(`/search?q=vaccines&limit=1&page=${first.total + 1}`)).json();
    assert.deepEqual(past.data, []);
    assert.equal(past.next_page, null);
    assert.deepEqual(Object.keys(first.data[0].article), ['id']);
  });

  test('bad parameters name themselves', async () => {
    const cases: [string, RegExp][] = [
      ['/search', /^q: is required; it must be the words to search for/],
      ['/search?q=%20%20', /^q: must be the words to search for/],
      ['/search?q=x&sort=oldest', /^sort: must be relevance or newest\.$/],
      ['/search?q=x&page=0', /^page: must be a whole number from 1 to 1000\.$/],
      ['/search?q=x&section=nowhere', /^section: there is no section "nowhere"/],
    ];
    for (const [path, message] of cases) {
      const res = await get(path);
      assert.equal(res.statusCode, 400, path);
      assert.equal(res.json().error, 'API_INVALID_PARAMETER');
      assert.match(res.json().message, message, path);
    }
  });

  test('the app wires the real search service into the API', async () => {
    const res = await get('/search?q=vaccines', demo);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    const items = body.items ?? body.data ?? body.results;
    assert.ok(Array.isArray(items) && items.length > 0, res.body.slice(0, 300));
  });
});
