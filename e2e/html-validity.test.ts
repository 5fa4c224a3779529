import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { buildDemoApp, someArticlePath } from '../src/testing/demo-app.ts';
import { nuCheckerErrors, nuCheckerRuns } from '../src/testing/nu-checker.ts';

if (!nuCheckerRuns) console.log('# notice: java not found; skipping the Nu HTML checker');

describe('valid HTML and page weight', () => {
  let app: FastifyInstance;
  const pages = new Map<string, string>();

  before(async () => {
    app = await buildDemoApp();
    const article = await someArticlePath(app);
    const get = async (url: string) => (await app.inject({ url, headers: { host: 'localhost' } })).body;
    const articleHtml = await get(article);
    const tag = /<a href="(\/tag\/[^"]+)" rel="tag">/.exec(articleHtml)![1]!;
    const author = /<a href="(\/author\/[^"]+)"/.exec(await get('/politics'))?.[1] ?? '/author/none';
    for (const [name, url] of [
      ['home', '/'],
      ['section', '/world'],
      ['subsection', '/world/europe'],
      ['article', article],
      ['tag', tag],
      ['author', author],
      ['not-found', '/no/such/page'],
      ['guidelines', '/community/guidelines'],
      ['live', '/live'],
      ['newsletter', '/newsletter'],
      ['search', '/search?q=council&sort=newest'],
      ['search-empty', '/search?q=zzzznothing&section=world'],
      ['search-problems', '/search?q=council&from=2025-13-01'],
    ]) {
      pages.set(name, await get(url!));
    }
  });
  after(async () => {
    await app.close();
  });

  test('the Nu HTML checker finds no errors on the main page types', {
    skip: !nuCheckerRuns,
  }, () => {
    assert.deepEqual(nuCheckerErrors(pages), []);
  });

  test('the article page weighs at most 30 KB gzipped, HTML, CSS and JS together', async () => {
    const html = pages.get('article')!;
    const css = /href="(\/assets\/site\.\w+\.css)"/.exec(html)![1]!;
    const js = /src="(\/assets\/site\.\w+\.js)"/.exec(html)![1]!;
    const sizes = await Promise.all(
      [css, js].map(
        async (url) =>
          gzipSync((await app.inject({ url, headers: { host: 'localhost' } })).rawPayload).length,
      ),
    );
    const total = gzipSync(html).length + sizes[0]! + sizes[1]!;
    assert.ok(total <= 30 * 1024, `article page weighs ${total} bytes gzipped`);
  });
});
