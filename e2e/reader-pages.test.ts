import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, expectAccessible, launchChromium } from '../src/testing/browser.ts';
import { buildDemoApp, someArticlePath } from '../src/testing/demo-app.ts';

describe('reader pages in Chromium', async () => {
  const browser: Browser | null = await launchChromium();
  let app: FastifyInstance;
  let origin: string;
  let articlePath: string;
  let wirePath: string;

  before(async () => {
    if (!browser) return;
    app = await buildDemoApp();
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    origin = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;
    articlePath = await someArticlePath(app);
    const { content, clock } = app.services;
    const site = content.siteForHost('localhost')!;
    const all = await content.articles.listVisible({ siteId: site.id, now: clock.now(), pageSize: 50 });
    const wire = all.items.find((i) => i.agencyName !== null)!;
    wirePath = `/${content.sectionById(wire.sectionId)!.path}/${wire.slug}/${wire.id}`;
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  async function open(path: string, width: number): Promise<{ page: Page; errors: string[] }> {
    // bypassCSP only so the test can inject axe; the page's own CSP stays on in production.
    const page = await browser!.newPage({ viewport: { width, height: 900 }, bypassCSP: true });
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('dialog', (dialog) => {
      errors.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    const response = await page.goto(origin + path, { waitUntil: 'load' });
    assert.equal(response?.status(), 200, path);
    return { page, errors };
  }

  for (const width of [390, 1280]) {
    test(`an article page at ${width}px loads with no console errors and no axe violations`, {
      skip: !browser,
    }, async () => {
      const { page, errors } = await open(wirePath, width);
      assert.deepEqual(errors, []);
      await expectAccessible(page, 'the page');
      assert.equal(await page.locator('h1').count(), 1);
      assert.match(
        (await page.locator('.rights-line').textContent()) ?? '',
        /^© \d{4} .+\. All rights reserved\.$/,
      );
      if (process.env.SCREENSHOT_DIR)
        await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/article-${width}.png`, fullPage: true });
      await page.close();
    });
  }

  for (const [name, path] of [
    ['home', '/'],
    ['section', '/world'],
    ['tag', null],
    ['guidelines', '/community/guidelines'],
    ['search', '/search?q=council'],
    ['live', '/live'],
  ] as const) {
    test(`the ${name} page has no console errors and no axe violations`, { skip: !browser }, async () => {
      let target: string | null = path;
      if (target === null) {
        const articlePage = await open(articlePath, 1280);
        target = (await articlePage.page.locator('.tags-row a').first().getAttribute('href'))!;
        await articlePage.page.close();
      }
      const { page, errors } = await open(target, 1280);
      assert.deepEqual(errors, []);
      assert.deepEqual(await axeViolations(page), []);
      if (process.env.SCREENSHOT_DIR) {
        await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name}-1280.png` });
        await page.setViewportSize({ width: 390, height: 900 });
        await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name}-390.png` });
      }
      await page.close();
    });
  }

  test('the article is readable with JavaScript off, and the comment link jumps to the thread', {
    skip: !browser,
  }, async () => {
    const context = await browser!.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(origin + articlePath);
    assert.ok(((await page.locator('.article-body').textContent()) ?? '').length > 200);
    await page.click('text=Click Here to comment on this article');
    assert.match(page.url(), /#comments$/);
    await context.close();
  });
});
