import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Article } from '../content/index.ts';
import { fixedClock } from '../platform/index.ts';
import { sqliteDialect } from '../testing/databases.ts';
import { TEST_NOW } from '../testing/fixed-time.ts';
import { createSmallSite } from '../testing/small-site.ts';
import { buildTestApp } from '../testing/test-app.ts';

describe('reader site over HTTP', async () => {
  const database = (await sqliteDialect.open())!;
  const clock = fixedClock(TEST_NOW);
  let app: FastifyInstance;
  let fixture: Awaited<ReturnType<typeof createSmallSite>>;
  let wire: Article;
  let winter: Article;
  let staff: Article;

  before(async () => {
    app = await buildTestApp({ database, clock });
    const { content } = app.services;
    fixture = await createSmallSite(content, TEST_NOW);
    const second = await content.taxonomy.createSite(
      {
        slug: 'money',
        name: 'Money Test',
        tagline: 'Markets',
        timeZone: 'America/New_York',
        locale: 'en-US',
        company: 'Test Media Co.',
        logoUrl: '',
        trademarkText: 'Money Test is a trademark.',
        navigation: [{ label: 'Markets', href: '/markets' }],
        hosts: ['money.test'],
        isDefault: false,
      },
      TEST_NOW,
    );
    await content.taxonomy.createSection({
      siteId: second.id,
      parentId: null,
      slug: 'markets',
      name: 'Markets',
      description: 'Markets news',
      position: 0,
    });
    await content.load();

    const publishNew = async (input: Parameters<typeof content.createArticle>[0]) => {
      const draft = await content.createArticle(input, { savedBy: null });
      return content.publishArticle(draft.id, { savedBy: null });
    };
    wire = await publishNew({
      siteId: fixture.site.id,
      sectionId: fixture.europe.id,
      headline: 'Summit talks resume in Geneva',
      summary: 'Delegations return to the table after a week-long pause.',
      body: [
        { type: 'paragraph', text: 'Negotiators met on Tuesday morning.' },
        { type: 'subhead', text: 'What comes next' },
        { type: 'quote', text: 'We are close.', cite: 'A delegate' },
      ],
      tagIds: fixture.tags.map((t) => t.id),
      agencyId: fixture.agency.id,
      rightsLine: '© 2025 Test Wire Agency. All rights reserved.',
      keywords: ['summit', 'geneva'],
      featuredImage: {
        src: '/media/demo/summit.svg',
        alt: 'Delegates at a table',
        width: 1200,
        height: 675,
        caption: 'The talks',
        credit: 'Test Wire',
      },
    });
    clock.set('2025-12-02T17:30:00Z');
    winter = await publishNew({
      siteId: fixture.site.id,
      sectionId: fixture.world.id,
      headline: 'Winter story',
      authorIds: [fixture.authors[0]!.id],
    });
    clock.set(TEST_NOW);
    staff = await publishNew({
      siteId: fixture.site.id,
      sectionId: fixture.world.id,
      headline: 'Staff report <script>alert("x")</script>',
      summary: 'A "quoted" summary & more </script><script>alert(1)</script>',
      body: [{ type: 'paragraph', text: '<img src=x onerror=alert(1)>' }],
      authorIds: [fixture.authors[0]!.id, fixture.authors[1]!.id],
      tagIds: [fixture.tags[0]!.id],
    });
    clock.set('2025-12-03T12:00:00Z');
  });
  after(async () => app.close());

  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers: { host: 'daily.test', ...headers } });
  const articleUrl = (a: Article, sectionPath: string) => `/${sectionPath}/${a.slug}/${a.id}`;

  test('the article page carries every element of the anatomy, in order', async () => {
    const res = await get(articleUrl(wire, 'world/europe'));
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /text\/html; charset=utf-8/);
    const page = res.body;
    const markers = [
      'class="masthead"',
      '>WATCH TV LIVE<',
      'href="/world"',
      '<span class="tags-label">Tags:</span> <a href="/tag/summit" rel="tag">Summit</a> <span class="sep" aria-hidden="true">|</span> <a href="/tag/peace" rel="tag">Peace</a>',
      '<h1 id="headline">Summit talks resume in Geneva</h1>',
      '<time datetime="2025-10-21T08:05:00-04:00">Tuesday, 21 October 2025 08:05 AM EDT</time>',
      '<p>Negotiators met on Tuesday morning.</p>',
      '<p class="rights-line">© 2025 Test Wire Agency. All rights reserved.</p>',
      '<a href="#comments">Click Here to comment on this article</a>',
      'https://x.com/intent/post?url=',
      "Sign up for Daily Test's Daily Newsletter",
      '(Optional for Local News)',
      'Privacy: We never share your email address.',
      'Join the Daily Test Community',
      'Read and Post Comments',
      'Please review <a href="/community/guidelines">Community Guidelines</a> before posting a comment.',
      'id="comments"',
      '<a href="#top">Back to TOP</a>',
      'Daily Test is a registered trademark of Test Media Co.',
      '© 2025 Test Media Co. All rights reserved.',
    ];
    let last = -1;
    for (const marker of markers) {
      const at = page.indexOf(marker, last + 1);
      assert.ok(at > last, `expected ${marker} after position ${last}`);
      last = at;
    }
    assert.equal(page.match(/<h1[\s>]/g)?.length, 1, 'exactly one h1');
    for (const share of [
      'facebook.com/sharer',
      'linkedin.com/sharing',
      'mailto:?subject=',
      'class="share-copy"',
    ]) {
      assert.ok(page.includes(share), share);
    }
    assert.ok(page.includes('<input id="nl-email" name="email" type="email" required'));
    assert.ok(
      page.includes('<a href="/world/europe/summit-talks-resume-in-geneva/1" rel="nofollow"') === false,
    );
  });

  test('wire copy: the dateline place leads the body, the byline names the agency, all escaped', async () => {
    const { content } = app.services;
    const publish = async (input: Parameters<typeof content.createArticle>[0]) => {
      const draft = await content.createArticle(input, { savedBy: null });
      return content.publishArticle(draft.id, { savedBy: null });
    };
    const filed = await publish({
      siteId: fixture.site.id,
      sectionId: fixture.world.id,
      headline: 'Wire story with a dateline',
      body: [
        { type: 'paragraph', text: 'Ministers <met> on Monday.' },
        { type: 'paragraph', text: 'More talks follow.' },
      ],
      agencyId: fixture.agency.id,
      bylineText: 'Jane <b>Doe</b> & Ann Roe',
      datelinePlace: 'Genève <i>',
    });
    const page = (await get(articleUrl(filed, 'world'))).body;
    assert.ok(
      page.includes(
        '<p class="byline">By Jane &lt;b&gt;Doe&lt;/b&gt; &amp; Ann Roe<span class="byline-agency">, Test Wire Agency</span></p>',
      ),
      'the byline, then its agency',
    );
    assert.ok(
      page.includes(
        '<p><span class="dateline-place">GENÈVE &lt;I&gt; (Test Wire Agency) — </span>Ministers &lt;met&gt; on Monday.</p>',
      ),
      'the lead-in opens the first paragraph',
    );
    assert.ok(!page.includes('<i>') && !page.includes('<b>Doe'), 'nothing unescaped');
    assert.equal(page.match(/class="dateline-place"/g)?.length, 1, 'only the first paragraph');
    const ld = [...page.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)]
      .map((m) => JSON.parse(m[1]!))
      .find((b) => b['@type'] === 'NewsArticle');
    assert.equal(ld.dateline, 'Genève <i>');
    assert.equal(ld.author[0].name, 'Jane <b>Doe</b> & Ann Roe');
    assert.equal(ld.author[1].name, 'Test Wire Agency');

    // The copy's own lead-in ("LONDON (Reuters) -") is not doubled; a byline naming the agency is shown as is.
    const own = await publish({
      siteId: fixture.site.id,
      sectionId: fixture.world.id,
      headline: 'Wire story with its own lead-in',
      body: [{ type: 'paragraph', text: 'LONDON (Test Wire Agency) - Prices rose.' }],
      agencyId: fixture.agency.id,
      bylineText: 'Von Ann Roe, Test Wire Agency',
      datelinePlace: 'London',
    });
    const ownPage = (await get(articleUrl(own, 'world'))).body;
    assert.ok(!ownPage.includes('class="dateline-place"'));
    assert.ok(ownPage.includes('<p>LONDON (Test Wire Agency) - Prices rose.</p>'));
    assert.ok(ownPage.includes('<p class="byline">Von Ann Roe, Test Wire Agency</p>'));
    await content.unpublishArticle(filed.id, { savedBy: null });
    await content.unpublishArticle(own.id, { savedBy: null });
  });

  test('the article page has title, description, canonical, Open Graph, Twitter and JSON-LD metadata', async () => {
    const page = (await get(articleUrl(wire, 'world/europe'))).body;
    const canonical = `http://daily.test${articleUrl(wire, 'world/europe')}`;
    assert.ok(page.includes('<title>Summit talks resume in Geneva | Daily Test</title>'));
    assert.ok(
      page.includes(
        '<meta name="description" content="Delegations return to the table after a week-long pause.">',
      ),
    );
    assert.ok(page.includes(`<link rel="canonical" href="${canonical}">`));
    assert.ok(page.includes('<meta property="og:type" content="article">'));
    assert.ok(page.includes('<meta property="og:image" content="http://daily.test/media/demo/summit.svg">'));
    assert.ok(page.includes('<meta name="twitter:card" content="summary_large_image">'));
    const blocks = [...page.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) =>
      JSON.parse(m[1]!),
    );
    const article = blocks.find((b) => b['@type'] === 'NewsArticle');
    assert.equal(article.headline, 'Summit talks resume in Geneva');
    assert.equal(article.datePublished, '2025-10-21T08:05:00-04:00');
    assert.equal(article.dateModified, '2025-10-21T08:05:00-04:00');
    assert.equal(article.mainEntityOfPage['@id'], canonical);
    assert.deepEqual(article.articleSection, ['World', 'Europe']);
    assert.equal(article.keywords, 'summit, geneva');
    assert.equal(article.sourceOrganization.name, 'Test Wire Agency');
    assert.equal(article.copyrightHolder.name, 'Test Wire Agency');
    assert.equal(article.publisher.name, 'Daily Test');
    assert.match(article.publisher.logo.url, /^http:\/\/daily\.test\/brand\/logo\.svg$/);
    assert.equal(article.image.url, 'http://daily.test/media/demo/summit.svg');
    const crumbs = blocks.find((b) => b['@type'] === 'BreadcrumbList');
    assert.deepEqual(
      crumbs.itemListElement.map((i: { name: string }) => i.name),
      ['Daily Test', 'World', 'Europe', 'Summit talks resume in Geneva'],
    );
  });

  test('the dateline is in the site time zone: EST in winter, EDT in summer', async () => {
    const page = (await get(articleUrl(winter, 'world'))).body;
    assert.ok(
      page.includes(
        '<time datetime="2025-12-02T12:30:00-05:00">Tuesday, 2 December 2025 12:30 PM EST</time>',
      ),
    );
    assert.ok(page.includes('By <a href="/author/ann-writer" rel="author">Ann Writer</a>'));
  });

  test('text from the newsroom never becomes markup, in the page or in its JSON-LD', async () => {
    const page = (await get(articleUrl(staff, 'world'))).body;
    assert.ok(!page.includes('<script>alert'), 'no injected script element');
    assert.ok(!page.includes('<img src=x'), 'no injected image element');
    assert.ok(page.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(
      page.includes('<h1 id="headline">Staff report &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</h1>'),
    );
    const json = [...page.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map(
      (m) => m[1]!,
    );
    assert.ok(json.every((j) => !j.includes('</script')));
    assert.equal(
      JSON.parse(json[0]!).description,
      'A "quoted" summary & more </script><script>alert(1)</script>',
    );
  });

  test('a changed or wrong slug answers 301 to the canonical URL', async () => {
    const res = await get(`/world/europe/old-slug/${wire.id}?utm_source=x`);
    assert.equal(res.statusCode, 301);
    assert.equal(res.headers.location, articleUrl(wire, 'world/europe'));
    const wrongSection = await get(`/world/summit-talks-resume-in-geneva/${wire.id}`);
    assert.equal(wrongSection.statusCode, 301);
    const slash = await get('/world/');
    assert.equal(slash.statusCode, 301);
    assert.equal(slash.headers.location, '/world');
  });

  test('unknown paths and malformed ids get the 404 page, never a 500', async () => {
    for (const url of [
      '/nope',
      '/world/europe/some-slug/999999',
      '/world/europe/some-slug/0',
      '/world/europe/some-slug/99999999999999999999999',
      '/world/europe/some-slug/12abc',
      '/world/europe/some-slug/2147483648',
      '/world/europe/some-slug/99999999999',
      '/tag/no-such-tag',
      '/author/nobody',
      '/world?page=abc',
      '/world?page=0',
      '/world?page=999',
      '/?page=2',
      '/%E0%A4%A',
      '/world/../../etc/passwd',
      `/${'a/'.repeat(300)}999999`,
      '/assets/site.css',
    ]) {
      const res = await get(url);
      assert.ok(res.statusCode === 404 || res.statusCode === 400, `${url} answered ${res.statusCode}`);
      if (res.statusCode === 404 && !url.startsWith('/%')) assert.match(res.body, /Page not found/, url);
    }
  });

  test('an unpublished article answers 410 Gone', async () => {
    const { content } = app.services;
    const draft = await content.createArticle(
      { siteId: fixture.site.id, sectionId: fixture.world.id, headline: 'Soon gone' },
      { savedBy: null },
    );
    await content.publishArticle(draft.id, { savedBy: null });
    assert.equal((await get(articleUrl(draft, 'world'))).statusCode, 200);
    await content.unpublishArticle(draft.id, { savedBy: null });
    const res = await get(articleUrl(draft, 'world'));
    assert.equal(res.statusCode, 410);
    assert.match(res.body, /This article has been removed/);
    const unpublishedDraft = await content.createArticle(
      { siteId: fixture.site.id, sectionId: fixture.world.id, headline: 'Never out' },
      { savedBy: null },
    );
    assert.equal((await get(articleUrl(unpublishedDraft, 'world'))).statusCode, 404);
  });

  test('ETag and If-None-Match answer 304; Cache-Control is ready for a CDN', async () => {
    const first = await get('/world');
    assert.equal(first.statusCode, 200);
    const etag = first.headers.etag as string;
    assert.match(etag, /^"[\w-]+"$/);
    assert.match(first.headers['cache-control'] as string, /s-maxage=\d+/);
    assert.match(first.headers['cache-control'] as string, /stale-while-revalidate=\d+/);
    assert.match(first.headers['cache-control'] as string, /stale-if-error=\d+/);
    const second = await get('/world', { 'if-none-match': etag });
    assert.equal(second.statusCode, 304);
    assert.equal(second.body, '');
    const gz = await get('/world', { 'accept-encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(gz.headers.etag, etag);
  });

  test('an edit shows on the very next request, on the article and on the lists that show it', async () => {
    const { content } = app.services;
    const url = articleUrl(wire, 'world/europe');
    const before = await get(url);
    const tagBefore = await get('/tag/war');
    assert.ok(tagBefore.body.includes('Summit talks resume in Geneva'));
    await content.editArticle(
      wire.id,
      { headline: 'Summit talks end in agreement' },
      { savedBy: null, expectedRevision: wire.revision, announce: true },
    );
    const fresh = await get(url);
    assert.equal(fresh.statusCode, 200);
    assert.notEqual(fresh.headers.etag, before.headers.etag);
    assert.ok(fresh.body.includes('<h1 id="headline">Summit talks end in agreement</h1>'));
    assert.ok(fresh.body.includes('Updated <time datetime="2025-12-03T07:00:00-05:00">'));
    const tagAfter = await get('/tag/war');
    assert.ok(tagAfter.body.includes('Summit talks end in agreement'));
    assert.ok(!tagAfter.body.includes('Summit talks resume in Geneva'));
  });

  test('the site is chosen by the Host header; an unknown host gets the default site', async () => {
    const money = await app.inject({ method: 'GET', url: '/markets', headers: { host: 'money.test' } });
    assert.equal(money.statusCode, 200);
    assert.ok(money.body.includes('<h1>Markets</h1>'));
    assert.ok(money.body.includes('Money Test'));
    const daily = await app.inject({ method: 'GET', url: '/', headers: { host: 'evil.example' } });
    assert.equal(daily.statusCode, 200);
    assert.ok(daily.body.includes('Daily Test'));
    assert.ok(
      daily.body.includes('<link rel="canonical" href="http://daily.test/">'),
      'an unknown host never reaches absolute URLs',
    );
    assert.equal(
      (await app.inject({ method: 'GET', url: '/markets', headers: { host: 'daily.test' } })).statusCode,
      404,
    );
  });

  test('fronts, tag and author pages list their articles and paginate', async () => {
    const home = await get('/');
    assert.equal(home.statusCode, 200);
    assert.ok(home.body.includes('Winter story'));
    const europe = await get('/world/europe');
    assert.ok(europe.body.includes('Summit talks'));
    const world = await get('/world');
    assert.ok(world.body.includes('Summit talks'), 'a front lists its subsections');
    assert.ok(world.body.includes('href="/world/europe"'));
    const author = await get('/author/ann-writer');
    assert.ok(author.body.includes('Winter story'));
    const guidelines = await get('/community/guidelines');
    assert.equal(guidelines.statusCode, 200);
    assert.ok(guidelines.body.includes('<h1>Community Guidelines</h1>'));
    assert.equal((await get('/live')).statusCode, 200);
  });

  test('the newsletter box posts to the newsletter, which answers bad input with the form and a message', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/newsletter/signup',
      headers: { host: 'daily.test', 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=not-an-address&list=daily',
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /is not an email address/);
  });

  test('list pages walk older by keyset (?before=), without gaps or repeats, and refuse bad cursors', async () => {
    const { content } = app.services;
    const tag = fixture.tags[2]!;
    // 45 articles published at the same instant: only the id breaks the ties.
    for (let i = 0; i < 45; i++) {
      const draft = await content.createArticle(
        {
          siteId: fixture.site.id,
          sectionId: fixture.world.id,
          headline: `Keyset story ${i}`,
          tagIds: [tag.id],
        },
        { savedBy: null },
      );
      await content.publishArticle(draft.id, { savedBy: null });
    }
    const expected = (
      await content.articles.listVisible({
        siteId: fixture.site.id,
        now: clock.now(),
        tagId: tag.id,
        pageSize: 100,
      })
    ).items.map((a) => a.id);
    assert.ok(expected.length >= 45);
    const seen: number[] = [];
    let url: string | null = `/tag/${tag.slug}`;
    let pages = 0;
    while (url) {
      const res = await get(url);
      assert.equal(res.statusCode, 200, url);
      const main = res.body.slice(res.body.indexOf('<main'));
      seen.push(
        ...[...main.matchAll(/href="\/world\/(?:[a-z0-9-]+\/)+(\d+)"/g)]
          .map((m) => Number(m[1]))
          .filter((id, i, all) => all.indexOf(id) === i),
      );
      if (pages > 0) assert.match(res.body, new RegExp(`<a href="/tag/${tag.slug}">← Newest</a>`));
      else assert.doesNotMatch(res.body, /← Newest/);
      const older: RegExpExecArray | null = /<a rel="next" href="([^"]+)">Older →<\/a>/.exec(res.body);
      url = older ? older[1]!.replaceAll('&amp;', '&') : null;
      if (url) assert.match(url, /^\/tag\/[a-z0-9-]+\?before=\d+$/);
      pages++;
    }
    assert.equal(pages, Math.ceil(expected.length / 20));
    assert.deepEqual(seen, expected);
    // The section front pages the same way.
    const front = await get('/world');
    assert.match(front.body, /<a rel="next" href="\/world\?before=\d+">Older →<\/a>/);
    for (const bad of [
      `/tag/${tag.slug}?before=abc`,
      `/tag/${tag.slug}?before=0`,
      `/tag/${tag.slug}?before=2147483648`,
      `/tag/${tag.slug}?before=99999999`,
      `/tag/${tag.slug}?before=${expected[1]}&page=2`,
      `/world?before=${expected.at(-1)}`,
      `/?before=${expected[0]}`,
    ]) {
      const res = await get(bad);
      assert.equal(res.statusCode, 404, bad);
      assert.match(res.body, /Page not found/, bad);
    }
  });

  test('health, readiness and metrics answer', async () => {
    assert.equal((await get('/healthz')).statusCode, 200);
    assert.deepEqual((await get('/readyz')).json(), { status: 'ready' });
    const metrics = await get('/metrics');
    assert.match(metrics.body, /dateline_http_requests_total\{method="GET",route="\/\*",status="200"\}/);
  });

  test('assets are served with an immutable cache and the page links them', async () => {
    const page = (await get('/')).body;
    const css = /<link rel="stylesheet" href="(\/assets\/site\.\w+\.css)">/.exec(page)![1]!;
    const js = /<script src="(\/assets\/site\.\w+\.js)" defer><\/script>/.exec(page)![1]!;
    const cssRes = await get(css);
    assert.equal(cssRes.statusCode, 200);
    assert.match(cssRes.headers['cache-control'] as string, /immutable/);
    assert.equal((await get(js)).statusCode, 200);
  });
});
