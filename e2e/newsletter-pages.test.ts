import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchChromium } from '../src/testing/browser.ts';
import { buildDemoApp, someArticlePath } from '../src/testing/demo-app.ts';
import { TEST_SECRET } from '../src/testing/newsletter.ts';
import { type SmtpSink, startSmtpSink } from '../src/testing/smtp-sink.ts';

describe('newsletter pages in Chromium', async () => {
  const browser: Browser | null = await launchChromium();
  let app: FastifyInstance;
  let sink: SmtpSink;
  let origin: string;
  let articlePath: string;
  let preferencesPath: string;

  before(async () => {
    if (!browser) return;
    sink = await startSmtpSink();
    app = await buildDemoApp({ env: { SMTP_URL: sink.url, SECRET_KEY: TEST_SECRET } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    origin = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;
    articlePath = await someArticlePath(app);
    const now = new Date().toISOString();
    const { db } = app.services.database;
    const row = await db
      .insertInto('newsletter_subscribers')
      .values({
        email: 'prefs@example.org',
        zip: '10001',
        place_state: 'NY',
        place_county: 'New York',
        place_city: 'New York',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const token = app.services.newsletter.subscriptions.preferencesToken(row.id);
    preferencesPath = `/newsletter/preferences?token=${token}`;
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await sink?.close();
  });

  async function open(path: string, width: number): Promise<{ page: Page; errors: string[] }> {
    const page = await browser!.newPage({ viewport: { width, height: 900 }, bypassCSP: true });
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    const response = await page.goto(origin + path, { waitUntil: 'load' });
    assert.equal(response?.status(), 200, path);
    return { page, errors };
  }

  for (const width of [390, 1280]) {
    test(`/newsletter and the preferences page at ${width}px: no console errors, no axe violations`, {
      skip: !browser,
    }, async () => {
      for (const path of ['/newsletter', preferencesPath]) {
        const { page, errors } = await open(path, width);
        assert.deepEqual(errors, []);
        assert.deepEqual(await axeViolations(page), [], path);
        await page.close();
      }
    });
  }

  test('the article box answers inline with the script, and posts without it', {
    skip: !browser,
  }, async () => {
    const { page, errors } = await open(articlePath, 1280);
    await page.fill('#nl-email', 'inline@example.org');
    await page.fill('#nl-zip', '10001');
    await page.click('.newsletter-box button[type=submit]');
    await page.waitForSelector('.newsletter-box .newsletter-answer:not([hidden])');
    assert.match((await page.textContent('.newsletter-box .newsletter-answer')) ?? '', /check your inbox/);
    assert.equal(new URL(page.url()).pathname, articlePath, 'stayed on the article');
    await sink.waitFor(1);
    assert.deepEqual(errors, []);
    await page.close();

    const plain = await browser!.newPage({ javaScriptEnabled: false });
    await plain.goto(origin + articlePath);
    await plain.fill('#nl-email', 'nojs@example.org');
    await plain.click('.newsletter-box button[type=submit]');
    await plain.waitForLoadState('load');
    assert.match((await plain.textContent('h1')) ?? '', /Check your inbox/);
    await plain.close();
  });
});
