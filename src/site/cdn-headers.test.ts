import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { ADMIN, buildAdminTestApp, PASSWORD, signIn } from '../testing/admin-api.ts';

/** Every public kind of response says how long caches may keep it and which keys purge it. */
describe('CDN headers on every public route kind', () => {
  let app: FastifyInstance;
  let articlePath = '';
  let articleId = 0;
  let email = '';

  before(async () => {
    const built = await buildAdminTestApp({ env: { CACHE_CONTROL_FRONT: 's-maxage=45' } });
    app = built.app;
    email = built.users.editor.email;
    const editor = await signIn(app, email);
    const { fixture } = built;
    const created = await editor.request({
      method: 'POST',
      url: `${ADMIN}/articles`,
      payload: {
        siteId: fixture.site.id,
        sectionId: fixture.europe.id,
        headline: 'Headers',
        tagIds: [fixture.tags[0]!.id],
      },
    });
    const article = created.json() as { id: number; slug: string };
    articleId = article.id;
    await editor.request({ method: 'POST', url: `${ADMIN}/articles/${article.id}/publish` });
    articlePath = `/${fixture.world.path}/${fixture.europe.slug}/${article.slug}/${article.id}`;
  });
  after(() => app.close());

  const get = (url: string) => app.inject({ method: 'GET', url, headers: { host: 'daily.test' } });

  test('pages carry Cache-Control per kind, Surrogate-Key and Cache-Tag with the same keys', async () => {
    const cases: [string, RegExp, string[]][] = [
      [
        () => articlePath,
        /s-maxage=300, stale-while-revalidate=300, stale-if-error=86400/,
        [`article:${articleId}`, 'articles:1', 'site:1'],
      ],
      ['/', /s-maxage=45\b/, ['home:1', 'fronts:1', 'site:1']],
      ['/world', /s-maxage=45\b/, ['fronts:1']],
      ['/tag/summit', /s-maxage=45\b/, ['fronts:1']],
      ['/author/ann-writer', /s-maxage=45\b/, ['fronts:1']],
      ['/search?q=headers', /s-maxage=60, stale-while-revalidate=60, stale-if-error=600/, ['searches:1']],
      ['/feeds/rss.xml', /max-age=60, s-maxage=120/, ['feeds:1', 'home:1']],
      ['/sitemap.xml', /s-maxage=300/, ['sitemaps:1']],
    ].map(([path, control, keys]) => [
      typeof path === 'function' ? '' : (path as string),
      control as RegExp,
      keys as string[],
    ]);
    cases[0]![0] = articlePath;
    for (const [path, control, keys] of cases) {
      const response = await get(path);
      assert.equal(response.statusCode, 200, path);
      assert.match(response.headers['cache-control'] as string, /^public, /, path);
      assert.match(response.headers['cache-control'] as string, control, path);
      const surrogate = (response.headers['surrogate-key'] as string).split(' ');
      const tags = (response.headers['cache-tag'] as string).split(',');
      assert.deepEqual(tags, surrogate, path);
      for (const key of keys) assert.ok(surrogate.includes(key), `${path} carries ${key}: ${surrogate}`);
    }
  });

  test('hashed assets are immutable, brand images media, and 404s short', async () => {
    const home = await get('/');
    const css = /href="(\/assets\/[^"]+\.css)"/.exec(home.body)![1]!;
    assert.equal((await get(css)).headers['cache-control'], 'public, max-age=31536000, immutable');
    const logo = await get('/brand/logo.svg');
    assert.match(logo.headers['cache-control'] as string, /max-age=3600, s-maxage=86400/);
    assert.ok((logo.headers['surrogate-key'] as string).includes('site:1'));
    const missing = await get('/no/such/page');
    assert.equal(missing.statusCode, 404);
    assert.match(missing.headers['cache-control'] as string, /s-maxage=30/);
  });

  test('a response that sets a cookie is private and names no keys; the admin API is never stored', async () => {
    const signedIn = await app.inject({
      method: 'POST',
      url: `${ADMIN}/session`,
      payload: { email, password: PASSWORD },
    });
    assert.equal(signedIn.statusCode, 200);
    assert.ok(signedIn.headers['set-cookie']);
    assert.match(signedIn.headers['cache-control'] as string, /no-store/);
    assert.equal(signedIn.headers['surrogate-key'], undefined);
    const cookie = String(signedIn.headers['set-cookie']).split(';')[0]!;
    const list = await app.inject({ method: 'GET', url: `${ADMIN}/articles`, headers: { cookie } });
    assert.match(list.headers['cache-control'] as string, /no-store/);
  });
});
