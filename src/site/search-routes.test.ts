import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { ArticleInput } from '../content/index.ts';
import { fixedClock } from '../platform/index.ts';
import { testDialects } from '../testing/databases.ts';
import { TEST_NOW } from '../testing/fixed-time.ts';
import { blns, operatorSoup } from '../testing/naughty-queries.ts';
import { createSmallSite } from '../testing/small-site.ts';
import { buildTestApp } from '../testing/test-app.ts';

for (const dialect of testDialects) {
  describe(`the /search page over HTTP on ${dialect.name}`, async () => {
    const database = await dialect.open();
    const clock = fixedClock(TEST_NOW);
    let app: FastifyInstance;
    let fixture: Awaited<ReturnType<typeof createSmallSite>>;

    async function publish(input: Omit<ArticleInput, 'siteId'>, minutesAgo = 0) {
      const { content } = app.services;
      clock.set(new Date(TEST_NOW.getTime() - minutesAgo * 60_000));
      try {
        const draft = await content.createArticle({ siteId: fixture.site.id, ...input }, { savedBy: null });
        return await content.publishArticle(draft.id, { savedBy: null });
      } finally {
        clock.set(TEST_NOW);
      }
    }
    const get = (url: string) => app.inject({ url, headers: { host: 'daily.test' } });
    const main = (body: string) => body.slice(body.indexOf('<main'), body.indexOf('</main>'));

    before(async () => {
      if (!database) return;
      app = await buildTestApp({ database, clock });
      fixture = await createSmallSite(app.services.content, TEST_NOW);
      await publish({
        sectionId: fixture.europe.id,
        headline: 'Harbour <b>dredging</b> & "quotes"',
        summary: 'Officials approve the <i>plan</i>.',
        body: [
          { type: 'paragraph', text: 'The dredging of the old harbour <script>alert(1)</script> begins.' },
        ],
        tagIds: [fixture.tags[0]!.id],
      });
      for (let i = 0; i < 25; i++) {
        await publish(
          {
            sectionId: fixture.world.id,
            headline: `Zucchini report number ${i}`,
            tagIds: [fixture.tags[1]!.id],
          },
          (i + 1) * 24 * 60,
        );
      }
    });
    after(async () => {
      await app?.close();
      await database?.close();
    });

    test('hits are <mark>ed around escaped text; the page is not stored in the page cache', {
      skip: !database,
    }, async () => {
      const response = await get('/search?q=dredging');
      assert.equal(response.statusCode, 200);
      assert.match(response.headers['content-type'] as string, /^text\/html/);
      assert.match(
        response.headers['cache-control'] as string,
        /^public, max-age=0, must-revalidate, s-maxage=60, stale-while-revalidate=60, stale-if-error=600$/,
      );
      const html = main(response.body);
      assert.ok(
        html.includes('Harbour &lt;b&gt;<mark>dredging</mark>&lt;/b&gt; &amp; &quot;quotes&quot;'),
        'the headline is escaped around its mark',
      );
      // (PostgreSQL's fragments leave out tag-like words such as <script>; SQLite's keep them, escaped.)
      assert.match(html, /<mark>dredging<\/mark> of the old harbour\s+(&lt;script&gt;)?alert\(1\)/);
      assert.ok(
        !html.includes('<script') && !html.includes('<b>') && !html.includes('<i>'),
        'no markup from text',
      );
      assert.ok(html.includes('1 article matches.'));

      // Another query right after is answered afresh, and so is the same one after a publish.
      assert.ok(!main((await get('/search?q=zucchini')).body).includes('dredging'));
      await publish({ sectionId: fixture.world.id, headline: 'More dredging news' });
      assert.ok(main((await get('/search?q=dredging')).body).includes('2 articles match.'));
    });

    test('what the reader typed is echoed escaped, never as markup', { skip: !database }, async () => {
      const response = await get(`/search?q=${encodeURIComponent('"><script>alert(1)</script>')}`);
      assert.equal(response.statusCode, 200);
      assert.ok(!response.body.includes('<script>alert'));
      assert.ok(response.body.includes('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"'));
    });

    test('no words: the form and a hint; no match: suggestions', { skip: !database }, async () => {
      const blank = await get('/search');
      assert.equal(blank.statusCode, 200);
      assert.match(main(blank.body), /<input id="search-q" type="search" name="q" value=""/);
      assert.ok(main(blank.body).includes('class="search-intro"'));

      const none = main((await get('/search?q=nonexistentword')).body);
      assert.ok(none.includes('No articles match “nonexistentword”'));
      assert.ok(none.includes('Check the spelling'));
      assert.ok(none.includes('<a href="/world">World</a>'), 'it offers the sections');
      assert.ok(!none.includes('Search all sections'), 'no filters to remove');
      const filtered = main((await get('/search?q=nonexistentword&section=world&from=2025-01-01')).body);
      assert.ok(
        filtered.includes('<a href="/search?q=nonexistentword">Search all sections, tags and dates</a>'),
      );
    });

    test('filters: a section includes its subsections; tag and dates narrow', {
      skip: !database,
    }, async () => {
      const count = async (url: string) => {
        const response = await get(url);
        assert.equal(response.statusCode, 200, url);
        return (main(response.body).match(/<article class="teaser/g) ?? []).length;
      };
      assert.equal(await count('/search?q=harbour+OR+zucchini&section=world'), 20);
      assert.equal(await count('/search?q=harbour&section=world'), 1);
      assert.equal(await count('/search?q=harbour&section=world%2Feurope'), 1);
      assert.equal(await count('/search?q=zucchini&section=world%2Feurope'), 0);
      assert.equal(await count('/search?q=harbour&tag=summit'), 1);
      assert.equal(await count('/search?q=zucchini&tag=summit'), 0);
      // TEST_NOW is 21 October 2025 (New York); report i was published i + 1 days earlier.
      assert.equal(await count('/search?q=zucchini&from=2025-10-18&to=2025-10-20'), 3);
      assert.equal(await count('/search?q=zucchini&to=2025-09-30'), 5);
      const selected = main((await get('/search?q=zucchini&section=world%2Feurope&sort=newest')).body);
      assert.ok(selected.includes('<option value="world/europe" selected>World › Europe</option>'));
      assert.ok(selected.includes('<option value="newest" selected>Newest first</option>'));
    });

    test('bad filters are a 400 that says what to fix', { skip: !database }, async () => {
      for (const [query, message] of [
        ['q=a&section=nowhere', 'Section: choose one from the list.'],
        ['q=a&tag=nope', 'Tag: choose one from the list.'],
        ['q=a&from=2025-02-30', 'From: “2025-02-30” is no date'],
        ['q=a&to=yesterday', 'To: “yesterday” is no date'],
        ['q=a&from=2025-10-02&to=2025-10-01', 'From must not be after To.'],
        ['q=a&page=abc', 'Page: use a whole number from 1.'],
        [`q=${'a'.repeat(257)}`, 'Search words: at most 256 characters'],
      ] as const) {
        const response = await get(`/search?${query}`);
        assert.equal(response.statusCode, 400, query);
        assert.ok(response.body.includes(message), query);
        assert.ok(response.body.includes('role="alert"'));
      }
    });

    test('results page with the query kept in every link; a page past the last shows the last', {
      skip: !database,
    }, async () => {
      const first = main((await get('/search?q=zucchini&sort=newest')).body);
      assert.ok(first.includes('25 articles match.'));
      assert.ok(first.includes('Page 1 of 2'));
      assert.ok(first.includes('<a rel="next" href="/search?q=zucchini&amp;sort=newest&amp;page=2">'));
      assert.ok(first.indexOf('report number 0</a>') < first.indexOf('report number 1</a>'), 'newest first');
      const second = main((await get('/search?q=zucchini&sort=newest&page=2')).body);
      assert.equal((second.match(/<article class="teaser/g) ?? []).length, 5);
      assert.ok(second.includes('<a rel="prev" href="/search?q=zucchini&amp;sort=newest">'));
      assert.ok(second.includes('<mark>Zucchini</mark> report number 24</a>'), 'the oldest is last');
      assert.ok(main((await get('/search?q=zucchini&page=9')).body).includes('Page 2 of 2'));
    });

    test('every page has a labelled search box in the masthead', { skip: !database }, async () => {
      const home = (await get('/')).body;
      assert.ok(home.includes('<form class="masthead-search" action="/search" method="get" role="search"'));
      assert.ok(home.includes('<label class="visually-hidden" for="masthead-q">Search Daily Test</label>'));
    });

    test('no input gives a 5xx: naughty strings and operator soup in every field', {
      skip: !database,
    }, async () => {
      const statuses = new Set<number>();
      // A URL carries UTF-8: a lone surrogate arrives as U+FFFD, as it would from a browser.
      const encode = (text: string) => encodeURIComponent(Buffer.from(text).toString());
      for (const text of [...blns, ...operatorSoup]) {
        const response = await get(`/search?q=${encode(text)}`);
        statuses.add(response.statusCode);
        assert.ok(response.statusCode < 500, `${response.statusCode} for ${JSON.stringify(text)}`);
      }
      for (const text of operatorSoup.slice(0, 30)) {
        for (const field of ['section', 'tag', 'from', 'to', 'sort', 'page']) {
          const response = await get(`/search?q=summit&${field}=${encode(text)}`);
          assert.ok(response.statusCode < 500, `${response.statusCode} for ${field}=${JSON.stringify(text)}`);
        }
      }
      const repeated = await get('/search?q=a&q=b&section=world&section=x&page=1&page=2');
      assert.ok(repeated.statusCode < 500);
      assert.deepEqual([...statuses].sort(), [200, 400]);
    });
  });
}
